import { describe, expect, it } from "vitest";
import { MEETING_STATUSES } from "../meetings/status.js";
import { acceptsProgress } from "./rules.js";

describe("progress reports", () => {
  it("are taken while the meeting is scheduled or active, never once it ended", () => {
    expect(MEETING_STATUSES.filter(acceptsProgress)).toEqual(["scheduled", "active"]);
  });
});
