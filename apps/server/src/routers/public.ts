import { bookIdInput, getClubInput, publicClubListInput, publicClubsInput } from "@booky/domain";
import {
  publicBookPage,
  publicClubDirectory,
  publicClubMeetings,
  publicClubPage,
  publicClubRace,
} from "../services/public-pages.js";
import { publicProcedure, router } from "../trpc.js";

/** Pages readable without an account (members' public profiles are `users.get`). */
export const publicRouter = router({
  /** The club directory, by name; private clubs by name and description only. */
  clubs: publicProcedure.input(publicClubsInput).query(({ ctx, input }) => publicClubDirectory(ctx.db, input)),

  /** A public club's page (about, meetings to come, member count, its race); a private club's name and description. */
  club: publicProcedure.input(getClubInput).query(({ ctx, input }) => publicClubPage(ctx.db, input)),

  /** More of a public club's meetings to come, after the page's first few. */
  clubMeetings: publicProcedure.input(publicClubListInput).query(({ ctx, input }) => publicClubMeetings(ctx.db, input)),

  /** More readers of a public club's race, after the page's first ones. */
  clubRace: publicProcedure.input(publicClubListInput).query(({ ctx, input }) => publicClubRace(ctx.db, input)),

  book: publicProcedure.input(bookIdInput).query(({ ctx, input }) => publicBookPage(ctx.db, input.bookId)),
});
