import {
  ballotInput,
  listPollsInput,
  listProposalsInput,
  openPollInput,
  pollIdInput,
  proposeBookInput,
} from "@booky/domain";
import { castBallot, closePoll, getPoll, listPolls, openPoll } from "../services/polls.js";
import { listProposals, proposeBook } from "../services/polls-proposals.js";
import { clubContentProcedure, clubRoleProcedure, router } from "../trpc.js";

const caller = (ctx: { club: { id: string; archivedAt: Date | null }; user: { id: string } }) => ({
  club: ctx.club,
  userId: ctx.user.id,
});

/** Choosing the next book: members propose and vote, club admins open and close polls; readers of the club see them. */
export const pollsRouter = router({
  proposals: clubContentProcedure
    .input(listProposalsInput)
    .query(({ ctx, input }) => listProposals(ctx.db, ctx.club.id, input)),

  propose: clubRoleProcedure("member")
    .input(proposeBookInput)
    .mutation(({ ctx, input }) => proposeBook(ctx.db, caller(ctx), input)),

  list: clubContentProcedure.input(listPollsInput).query(({ ctx, input }) => listPolls(ctx.db, ctx.club.id, input)),

  /** A poll with its options, the caller's ballot and, when visible, the tally with every round. */
  get: clubContentProcedure
    .input(pollIdInput)
    .query(({ ctx, input }) => getPoll(ctx.db, ctx.user.id, ctx.club.id, input.pollId)),

  open: clubRoleProcedure("admin")
    .input(openPollInput)
    .mutation(({ ctx, input: { clubId: _clubId, ...details } }) => openPoll(ctx.db, caller(ctx), details)),

  /** Casts or replaces the caller's ballot until the poll closes. */
  vote: clubRoleProcedure("member")
    .input(ballotInput)
    .mutation(({ ctx, input }) => castBallot(ctx.db, caller(ctx), input.pollId, input.choices)),

  /** Closes a poll before its time. */
  close: clubRoleProcedure("admin")
    .input(pollIdInput)
    .mutation(({ ctx, input }) => closePoll(ctx.db, input.pollId, ctx.club.id)),
});
