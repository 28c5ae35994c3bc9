import { catalogBook } from "./catalog.js";
import { signedUpClient, type TestServer } from "./harness.js";

type Reader = Awaited<ReturnType<typeof signedUpClient>>;

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** A club whose owner `host` and members `a`, `b`, `c` have proposed three books; `outsider` is in no club. */
export async function proposingClub(server: TestServer) {
  const host = await signedUpClient(server);
  const members: Reader[] = [];
  for (let index = 0; index < 3; index++) members.push(await signedUpClient(server));
  const [a, b, c] = members as [Reader, Reader, Reader];
  const outsider = await signedUpClient(server);
  const club = await host.client.trpc.clubs.create.mutate({
    name: "Choosing Club",
    category: "fiction",
    isOnline: true,
  });
  for (const member of members) await member.client.trpc.clubs.join.mutate({ clubId: club.id });
  const proposals = [];
  for (const [who, title] of [
    [a, "Dune"],
    [b, "Emma"],
    [c, "Beloved"],
  ] as const) {
    const book = await catalogBook(server, { title, pageCount: 300 });
    proposals.push(
      await who.client.trpc.polls.propose.mutate({
        clubId: club.id,
        bookId: book.id,
        pitch: `Read **${title}** next.`,
      }),
    );
  }
  return { clubId: club.id, host, a, b, c, outsider, proposals };
}

/** A ranked poll among the club's three proposals, closing in an hour; its option ids in the proposals' order. */
export async function rankedPoll(club: Awaited<ReturnType<typeof proposingClub>>, hideResults = false) {
  const poll = await club.host.client.trpc.polls.open.mutate({
    clubId: club.clubId,
    kind: "ranked",
    proposalIds: club.proposals.map((proposal) => proposal.id),
    closesAt: inMinutes(60),
    hideResults,
  });
  const detail = await club.host.client.trpc.polls.get.query({ clubId: club.clubId, pollId: poll.id });
  return { pollId: poll.id, options: detail.options.map((option) => option.id) as [string, string, string] };
}
