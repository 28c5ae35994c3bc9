import {
  blockMemberInput,
  counterTradeInput,
  handoverInput,
  pageInput,
  proposeTradeInput,
  tradeIdInput,
  tradeMatchesInput,
  tradesListInput,
} from "@booky/domain";
import {
  acceptTrade,
  blockMember,
  cancelTrade,
  counterTrade,
  declineTrade,
  getTrade,
  listBlocked,
  listTrades,
  markHandover,
  proposeTrade,
  unblockMember,
} from "../services/trades.js";
import { matchesForMe, myCopiesWanted } from "../services/trades-matching.js";
import { authedProcedure, router } from "../trpc.js";

export const tradesRouter = router({
  /** N of the caller's copies for M of a friend's or club-mate's (or a gift); rate limited. */
  propose: authedProcedure
    .input(proposeTradeInput)
    .mutation(({ ctx, input }) => proposeTrade(ctx.deps, ctx.user.id, input)),
  /** The recipient accepts; a job moves the copies and mails both sides. */
  accept: authedProcedure
    .input(tradeIdInput)
    .mutation(({ ctx, input }) => acceptTrade(ctx.db, ctx.user.id, input.tradeId)),
  decline: authedProcedure
    .input(tradeIdInput)
    .mutation(({ ctx, input }) => declineTrade(ctx.db, ctx.user.id, input.tradeId)),
  /** The recipient replaces the proposal with terms of their own. */
  counter: authedProcedure
    .input(counterTradeInput)
    .mutation(({ ctx, input }) => counterTrade(ctx.deps, ctx.user.id, input)),
  cancel: authedProcedure
    .input(tradeIdInput)
    .mutation(({ ctx, input }) => cancelTrade(ctx.db, ctx.user.id, input.tradeId)),
  get: authedProcedure.input(tradeIdInput).query(({ ctx, input }) => getTrade(ctx.db, ctx.user.id, input.tradeId)),
  /** The trade inbox: incoming, outgoing (pending) or history. */
  list: authedProcedure.input(tradesListInput).query(({ ctx, input }) => listTrades(ctx.db, ctx.user.id, input)),
  /** Marks the caller's copies of a fulfilled trade as sent or received. */
  handover: authedProcedure.input(handoverInput).mutation(({ ctx, input }) => markHandover(ctx.db, ctx.user.id, input)),
  block: authedProcedure
    .input(blockMemberInput)
    .mutation(({ ctx, input }) => blockMember(ctx.db, ctx.user.id, input.userId)),
  unblock: authedProcedure
    .input(blockMemberInput)
    .mutation(({ ctx, input }) => unblockMember(ctx.db, ctx.user.id, input.userId)),
  blocked: authedProcedure.input(pageInput).query(({ ctx, input }) => listBlocked(ctx.db, ctx.user.id, input)),
  /** Friends' and club-mates' copies open to trade of books the caller wants to read. */
  matchesForMe: authedProcedure
    .input(tradeMatchesInput)
    .query(({ ctx, input }) => matchesForMe(ctx.db, ctx.user.id, input)),
  /** The caller's copies that members near them want to read. */
  myCopiesWanted: authedProcedure
    .input(tradeMatchesInput)
    .query(({ ctx, input }) => myCopiesWanted(ctx.db, ctx.user.id, input)),
});
