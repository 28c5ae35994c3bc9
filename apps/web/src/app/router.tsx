import { createBrowserRouter } from "react-router";
import { AppShell } from "../components/app-shell";
import { RedirectIfAuthenticated, RequireAuth } from "./guards";
import { RouteError } from "./route-error";

/** Every page is its own chunk: the first load carries only the shell. */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import("../features/home/home-page")).HomePage }) },
      {
        path: "sign-up",
        lazy: async () => {
          const { SignUpPage } = await import("../features/auth/sign-up-page");
          return {
            element: (
              <RedirectIfAuthenticated>
                <SignUpPage />
              </RedirectIfAuthenticated>
            ),
          };
        },
      },
      {
        path: "log-in",
        lazy: async () => {
          const { LogInPage } = await import("../features/auth/log-in-page");
          return {
            element: (
              <RedirectIfAuthenticated>
                <LogInPage />
              </RedirectIfAuthenticated>
            ),
          };
        },
      },
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
        lazy: async () => {
          const { ProfileSettingsPage } = await import("../features/profile/profile-settings-page");
          return {
            element: (
              <RequireAuth>
                <ProfileSettingsPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "clubs",
        lazy: async () => {
          const { ClubsPage } = await import("../features/clubs/clubs-page");
          return {
            element: (
              <RequireAuth>
                <ClubsPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "clubs/new",
        lazy: async () => {
          const { CreateClubPage } = await import("../features/clubs/create-club-page");
          return {
            element: (
              <RequireAuth>
                <CreateClubPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "clubs/:slug",
        lazy: async () => {
          const { ClubPage } = await import("../features/clubs/club-page");
          return {
            element: (
              <RequireAuth>
                <ClubPage />
              </RequireAuth>
            ),
          };
        },
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
        lazy: async () => {
          const { MeetingPage } = await import("../features/meetings/meeting-page");
          return {
            element: (
              <RequireAuth>
                <MeetingPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: "u/:username",
        lazy: async () => ({ Component: (await import("../features/profile/member-page")).MemberPage }),
      },
      { path: "*", lazy: async () => ({ Component: (await import("./not-found-page")).NotFoundPage }) },
    ],
  },
]);
