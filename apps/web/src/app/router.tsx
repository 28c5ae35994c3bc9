import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { AppShell } from "../components/app-shell";
import { RedirectIfAuthenticated, RequireAuth } from "./guards";
import { RouteError } from "./route-error";

/** A members-only page, loaded as its own chunk. */
const membersOnly = (load: () => Promise<ComponentType>) => async () => {
  const Page = await load();
  return {
    element: (
      <RequireAuth>
        <Page />
      </RequireAuth>
    ),
  };
};

/** A page for visitors only (log in, sign up): members go on to where they were heading. */
const visitorsOnly = (load: () => Promise<ComponentType>) => async () => {
  const Page = await load();
  return {
    element: (
      <RedirectIfAuthenticated>
        <Page />
      </RedirectIfAuthenticated>
    ),
  };
};

/** Every page is its own chunk: the first load carries only the shell. */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import("../features/home/home-page")).HomePage }) },
      { path: "sign-up", lazy: visitorsOnly(async () => (await import("../features/auth/sign-up-page")).SignUpPage) },
      { path: "log-in", lazy: visitorsOnly(async () => (await import("../features/auth/log-in-page")).LogInPage) },
      {
        path: "forgot-password",
        lazy: async () => ({ Component: (await import("../features/auth/forgot-password-page")).ForgotPasswordPage }),
      },
      {
        path: "reset-password",
        lazy: async () => ({ Component: (await import("../features/auth/reset-password-page")).ResetPasswordPage }),
      },
      {
        path: "settings/profile",
        lazy: membersOnly(async () => (await import("../features/profile/profile-settings-page")).ProfileSettingsPage),
      },
      { path: "clubs", lazy: membersOnly(async () => (await import("../features/clubs/clubs-page")).ClubsPage) },
      {
        path: "clubs/new",
        lazy: membersOnly(async () => (await import("../features/clubs/create-club-page")).CreateClubPage),
      },
      { path: "clubs/:slug", lazy: membersOnly(async () => (await import("../features/clubs/club-page")).ClubPage) },
      {
        path: "clubs/:slug/edit",
        lazy: membersOnly(async () => (await import("../features/clubs/edit-club-page")).EditClubPage),
      },
      {
        path: "books",
        lazy: async () => {
          const { BooksPage } = await import("../features/books/books-page");
          return {
            element: (
              <RequireAuth>
                <BooksPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "books/:bookId",
        lazy: async () => {
          const { BookPage } = await import("../features/books/book-page");
          return {
            element: (
              <RequireAuth>
                <BookPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "meetings/:meetingId",
        lazy: membersOnly(async () => (await import("../features/meetings/meeting-page")).MeetingPage),
      },
      {
        path: "calendar",
        lazy: membersOnly(async () => (await import("../features/calendar/calendar-page")).CalendarPage),
      },
      {
        path: "friends",
        lazy: membersOnly(async () => (await import("../features/friends/friends-page")).FriendsPage),
      },
      { path: "points", lazy: membersOnly(async () => (await import("../features/points/points-page")).PointsPage) },
      {
        path: "leaderboards",
        lazy: membersOnly(async () => (await import("../features/leaderboards/leaderboards-page")).LeaderboardsPage),
      },
      {
        path: "u/:username",
        lazy: async () => ({ Component: (await import("../features/profile/member-page")).MemberPage }),
      },
      { path: "*", lazy: async () => ({ Component: (await import("./not-found-page")).NotFoundPage }) },
    ],
  },
]);
