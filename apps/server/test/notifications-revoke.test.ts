import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";
import { eventually, secondServerProcess } from "./live-support.js";

/**
 * A live notification stream lives no longer than its session: logging out,
 * changing the password (the other sessions) and deleting the account each
 * end the open streams, on this server and on another one.
 */
const server = await startTestServer();

/** Opens the raw SSE stream with a fresh ticket; `ended` resolves with everything read once the server closes it. */
async function openStream(baseUrl: string, member: TestClient) {
  const { ticket } = await member.trpc.notifications.streamTicket.mutate();
  const response = await fetch(
    `${baseUrl}/trpc/notifications.live?input=${encodeURIComponent(JSON.stringify({ json: {} }))}&connectionParams=${encodeURIComponent(JSON.stringify({ ticket }))}`,
    { headers: { accept: "text/event-stream" } },
  );
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no stream body");
  const decoder = new TextDecoder();
  let text = "";
  const first = await reader.read();
  text += decoder.decode(first.value);
  const ended = (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return text;
      text += decoder.decode(chunk.value);
    }
  })();
  let open = true;
  void ended.then(() => {
    open = false;
  });
  return {
    connected: text.includes("connected"),
    ended,
    read: () => text,
    isOpen: () => open,
    cancel: () => reader.cancel(),
  };
}

/** A second session of the same member (another device). */
async function secondDevice(details: { email: string; password: string }) {
  const device = server.client();
  const session = await device.trpc.auth.logIn.mutate({ email: details.email, password: details.password });
  device.accessToken = session.accessToken;
  return device;
}

describe("a revoked session's live stream", () => {
  it("ends when the member logs out, and no new ticket is issued", async () => {
    const member = await signedUpClient(server);
    const stream = await openStream(server.url, member.client);
    expect(stream.connected).toBe(true);
    await member.client.trpc.auth.logOut.mutate();
    await stream.ended;
    expect((await rejectionOf(member.client.trpc.notifications.streamTicket.mutate())).data?.code).toBe("UNAUTHORIZED");
  });

  it("ends on the other devices when the password changes, and stays open on the device that changed it", async () => {
    const member = await signedUpClient(server);
    const other = await secondDevice(member.details);
    const elsewhere = await openStream(server.url, other);
    const here = await openStream(server.url, member.client);
    await member.client.trpc.auth.changePassword.mutate({
      currentPassword: member.details.password,
      newPassword: "a brand new battery staple",
    });
    await elsewhere.ended;
    // The caller's own stream was woken too, rechecked its session, and is still open.
    const friend = await signedUpClient(server);
    await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    await eventually(() => here.read().includes("friend_request"), "the friend request on the open stream");
    expect(here.isOpen()).toBe(true);
    await here.cancel();
  });

  it("ends when the account is deleted", async () => {
    const member = await signedUpClient(server);
    const stream = await openStream(server.url, member.client);
    await member.client.trpc.users.deleteAccount.mutate({ password: member.details.password });
    await stream.ended;
  });

  it("ends on another server process when the member logs out through this one", async () => {
    const second = await secondServerProcess(server);
    const member = await signedUpClient(server);
    const stream = await openStream(second.url, member.client);
    expect(stream.connected).toBe(true);
    await member.client.trpc.auth.logOut.mutate();
    await stream.ended;
  });
});
