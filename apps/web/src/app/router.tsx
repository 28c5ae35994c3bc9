import { type ComponentType, lazy, type ReactNode } from "react";
import { createBrowserRouter, type Params } from "react-router";
import { AppShell } from "../components/app-shell";
import { MembersOrVisitors, RedirectIfAuthenticated, RequireAuth } from "./guards";
import { RouteError } from "./route-error";

type Guard = ComponentType<{ children: ReactNode }>;
type Load = () => Promise<ComponentType>;

/**
 * A page loaded as its own chunk, behind `guard` when it has one: members only
 * (`RequireAuth`) or visitors only (`RedirectIfAuthenticated`: log in, sign up).
 */
const page =
  (load: Load, Guard?: Guard) => async (): Promise<{ element: ReactNode } | { Component: ComponentType }> => {
    const Page = await load();
    if (!Guard) return { Component: Page };
    return {
      element: (
        <Guard>
          <Page />
        </Guard>
      ),
    };
  };

const membersOnly = RequireAuth;
const visitorsOnly = RedirectIfAuthenticated;
/** Visitors read these pages too, in their public version (features/public), loaded only for them. */
const visitorVersion = (load: Load): Guard => {
  const Visitor = lazy(async () => ({ default: await load() }));
  return ({ children }) => <MembersOrVisitors visitor={Visitor}>{children}</MembersOrVisitors>;
};
const publicVersion = {
  clubs: visitorVersion(() => import("../features/public/public-clubs-page").then((m) => m.PublicClubsPage)),
  club: visitorVersion(() => import("../features/public/public-club-page").then((m) => m.PublicClubPage)),
  book: visitorVersion(() => import("../features/public/public-book-page").then((m) => m.PublicBookPage)),
};

/** Starts a page's reads while its code loads (a route loader that never holds the navigation up). */
type Prefetch = (params: Params) => Promise<void>;

/** The pages, by path: what each loads, who may see it (everyone, where no guard is named), what it prefetches. */
const pages: [path: string | null, load: Load, guard?: Guard, prefetch?: Prefetch][] = [
  [null, () => import("../features/home/home-page").then((m) => m.HomePage)],
  ["sign-up", () => import("../features/auth/sign-up-page").then((m) => m.SignUpPage), visitorsOnly],
  ["log-in", () => import("../features/auth/log-in-page").then((m) => m.LogInPage), visitorsOnly],
  ["forgot-password", () => import("../features/auth/forgot-password-page").then((m) => m.ForgotPasswordPage)],
  ["reset-password", () => import("../features/auth/reset-password-page").then((m) => m.ResetPasswordPage)],
  [
    "settings/profile",
    () => import("../features/profile/profile-settings-page").then((m) => m.ProfileSettingsPage),
    membersOnly,
  ],
  [
    "settings/api-tokens",
    () => import("../features/api-tokens/api-tokens-page").then((m) => m.ApiTokensPage),
    membersOnly,
  ],
  ["clubs", () => import("../features/clubs/clubs-page").then((m) => m.ClubsPage), publicVersion.clubs],
  ["clubs/new", () => import("../features/clubs/create-club-page").then((m) => m.CreateClubPage), membersOnly],
  ["clubs/:slug", () => import("../features/clubs/club-page").then((m) => m.ClubPage), publicVersion.club],
  ["clubs/:slug/edit", () => import("../features/clubs/edit-club-page").then((m) => m.EditClubPage), membersOnly],
  [
    "clubs/:slug/webhooks",
    () => import("../features/webhooks/club-webhooks-page").then((m) => m.ClubWebhooksPage),
    membersOnly,
  ],
  [
    "clubs/:slug/discussion",
    () => import("../features/discussions/discussion-pages").then((m) => m.ClubDiscussionPage),
    membersOnly,
  ],
  [
    "clubs/:slug/discussions/:threadId",
    () => import("../features/discussions/thread-page").then((m) => m.ThreadPage),
    membersOnly,
  ],
  [
    "clubs/:slug/moderation",
    () => import("../features/moderation/club-moderation-pages").then((m) => m.ClubModerationPage),
    membersOnly,
  ],
  [
    "clubs/:slug/moderation/audit",
    () => import("../features/moderation/club-moderation-pages").then((m) => m.ClubAuditPage),
    membersOnly,
  ],
  [
    "clubs/:slug/moderation/cases/:caseId",
    () => import("../features/moderation/club-moderation-pages").then((m) => m.ClubCasePage),
    membersOnly,
  ],
  ["admin", () => import("../features/admin/dashboard-page").then((m) => m.AdminDashboardPage), membersOnly],
  ["admin/queue", () => import("../features/admin/admin-area").then((m) => m.AdminQueuePage), membersOnly],
  ["admin/queue/cases/:caseId", () => import("../features/admin/admin-area").then((m) => m.AdminCasePage), membersOnly],
  ["admin/audit", () => import("../features/admin/admin-area").then((m) => m.AdminAuditPage), membersOnly],
  ["admin/members", () => import("../features/admin/members-page").then((m) => m.AdminMembersPage), membersOnly],
  ["admin/members/:userId", () => import("../features/admin/member-page").then((m) => m.AdminMemberPage), membersOnly],
  ["clubs/:slug/polls", () => import("../features/polls/polls-page").then((m) => m.ClubPollsPage), membersOnly],
  ["clubs/:slug/polls/:pollId", () => import("../features/polls/poll-page").then((m) => m.PollPage), membersOnly],
  [
    "meetings/:meetingId/discussion",
    () => import("../features/discussions/discussion-pages").then((m) => m.MeetingDiscussionPage),
    membersOnly,
  ],
  [
    "notifications",
    () => import("../features/notifications/notifications-page").then((m) => m.NotificationsPage),
    membersOnly,
  ],
  [
    "settings/notifications",
    () => import("../features/notifications/settings-page").then((m) => m.NotificationSettingsPage),
    membersOnly,
  ],
  ["unsubscribe", () => import("../features/notifications/unsubscribe-page").then((m) => m.UnsubscribePage)],
  ["books", () => import("../features/books/books-page").then((m) => m.BooksPage), membersOnly],
  ["books/:bookId", () => import("../features/books/book-page").then((m) => m.BookPage), publicVersion.book],
  [
    "meetings/:meetingId",
    () => import("../features/meetings/meeting-page").then((m) => m.MeetingPage),
    membersOnly,
    ({ meetingId = "" }) =>
      import("../features/meetings/meeting-queries").then((m) => m.prefetchMeetingPage(meetingId)),
  ],
  ["calendar", () => import("../features/calendar/calendar-page").then((m) => m.CalendarPage), membersOnly],
  ["friends", () => import("../features/friends/friends-page").then((m) => m.FriendsPage), membersOnly],
  ["shelves", () => import("../features/shelves/shelves-page").then((m) => m.ShelvesPage), membersOnly],
  [
    "shelves/manage",
    () => import("../features/shelves/manage-shelves-page").then((m) => m.ManageShelvesPage),
    membersOnly,
  ],
  ["trades", () => import("../features/trades/trades-page").then((m) => m.TradesPage), membersOnly],
  ["loans", () => import("../features/loans/loans-page").then((m) => m.LoansPage), membersOnly],
  [
    "trades/new/:userId",
    () => import("../features/trades/trade-builder-page").then((m) => m.TradeBuilderPage),
    membersOnly,
  ],
  ["import", () => import("../features/imports/import-page").then((m) => m.ImportPage), membersOnly],
  ["points", () => import("../features/points/points-page").then((m) => m.PointsPage), membersOnly],
  [
    "leaderboards",
    () => import("../features/leaderboards/leaderboards-page").then((m) => m.LeaderboardsPage),
    membersOnly,
  ],
  ["u/:username", () => import("../features/profile/member-page").then((m) => m.MemberPage)],
  ["*", () => import("./not-found-page").then((m) => m.NotFoundPage)],
];

/** Every page is its own chunk: the first load carries only the shell. */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: pages.map(([path, load, guard, prefetch]) => {
      const loader = prefetch
        ? ({ params }: { params: Params }) => {
            void prefetch(params).catch(() => {});
            return null;
          }
        : undefined;
      return path === null
        ? { index: true, lazy: page(load, guard) }
        : { path, lazy: page(load, guard), ...(loader ? { loader } : {}) };
    }),
  },
]);
