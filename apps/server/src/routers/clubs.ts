import { clubRefInput, createClubInput, listClubsInput, setBettingInput, updateClubInput } from "@booky/domain";
import { clubBettingOutput, clubListOutput, clubOutput } from "../contracts/clubs.js";
import { setClubBetting } from "../services/club-betting.js";
import { archiveClub, createClub, getClubForViewer, listClubs, updateClub } from "../services/clubs.js";
import { authedProcedure, clubRoleProcedure, rest, router } from "../trpc.js";
import { clubMembershipProcedures } from "./club-members.js";

export const clubsRouter = router({
  create: authedProcedure.input(createClubInput).mutation(({ ctx, input }) => createClub(ctx.db, ctx.user.id, input)),

  /** By id or slug. Outsiders of a private club get its name and description only (`access: "limited"`). */
  get: authedProcedure
    .meta(rest("GET", "/clubs/{clubId}", "A club, by id or slug"))
    .input(clubRefInput)
    .output(clubOutput)
    .query(({ ctx, input }) => getClubForViewer(ctx.db, ctx.user, input)),

  /** Newest first, keyset-paginated; private clubs are listed as `clubs.get` shows them (name and description). */
  list: authedProcedure
    .meta(rest("GET", "/clubs", "Clubs, newest first"))
    .input(listClubsInput)
    .output(clubListOutput)
    .query(({ ctx, input }) => listClubs(ctx.db, ctx.user, input)),

  update: clubRoleProcedure("admin")
    .input(updateClubInput)
    .mutation(({ ctx, input }) => updateClub(ctx.db, ctx.club.id, input.changes)),

  /** Turns betting on or off for all the club's meetings; off refunds every open bet once. Progress and rewards stay. */
  setBetting: clubRoleProcedure("admin")
    .input(setBettingInput)
    .output(clubBettingOutput)
    .mutation(({ ctx, input }) => setClubBetting(ctx.db, ctx.club.id, input.enabled)),

  /** Hides the club from the directory and closes it to new members; its history stays. */
  archive: clubRoleProcedure("owner").mutation(({ ctx }) => archiveClub(ctx.db, ctx.club.id)),

  ...clubMembershipProcedures,
});
