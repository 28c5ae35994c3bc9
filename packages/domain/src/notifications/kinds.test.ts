import { describe, expect, it } from "vitest";
import { DEFAULT_DELIVERY, deliveryPlan, NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from "./kinds.js";

describe("notification deliveries", () => {
  it("stores everything but 'off' and mails only the e-mail choices", () => {
    expect(NOTIFICATION_DELIVERIES.map((delivery) => [delivery, deliveryPlan(delivery)])).toEqual([
      ["in_app", { stored: true, email: null }],
      ["email_immediate", { stored: true, email: "immediate" }],
      ["email_digest", { stored: true, email: "digest" }],
      ["off", { stored: false, email: null }],
    ]);
  });

  it("has a default for every kind", () => {
    expect(Object.keys(DEFAULT_DELIVERY).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
