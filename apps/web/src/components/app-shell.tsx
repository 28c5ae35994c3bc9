import { useMutation } from "@tanstack/react-query";
import { Link, NavLink, Outlet } from "react-router";
import { NotificationBell } from "../features/notifications/bell";
import { Avatar } from "../features/profile/avatar";
import { useTRPC } from "../lib/trpc";
import { useLeaveSession, useSession } from "../lib/use-session";
import { ThemeToggle } from "./theme-toggle";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${
    isActive
      ? "bg-brand-100 text-brand-800 dark:bg-stone-800 dark:text-brand-100"
      : "hover:bg-stone-100 dark:hover:bg-stone-800"
  }`;

/** The members' sections, after Home, in the main navigation. */
const memberSections = [
  ["/clubs", "Clubs"],
  ["/calendar", "Calendar"],
  ["/friends", "Friends"],
  ["/books", "Books"],
  ["/shelves", "Shelves"],
  ["/trades", "Trades"],
  ["/loans", "Loans"],
  ["/leaderboards", "Leaderboards"],
  ["/points", "Points"],
] as const;

export function AppShell() {
  const session = useSession();
  const trpc = useTRPC();
  const leave = useLeaveSession();
  const logOut = useMutation(trpc.auth.logOut.mutationOptions({ onSettled: () => leave("/log-in") }));

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
        {/* One row from lg up (1024 px): the nav never wraps there; the display name shows only on wide screens. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 px-4 py-3 lg:flex-nowrap">
          <Link
            to="/"
            className="mr-2 flex shrink-0 items-center gap-2 font-serif text-xl font-bold text-brand-700 dark:text-brand-500"
          >
            <img src="/favicon.svg" alt="" className="size-7" />
            Booky
          </Link>
          <nav
            aria-label="Main"
            className="order-last flex w-full flex-wrap items-center justify-center gap-1 sm:order-none sm:w-auto sm:flex-1 sm:justify-start lg:flex-nowrap"
          >
            <NavLink to="/" end className={navClass}>
              Home
            </NavLink>
            {session.status === "authenticated" &&
              memberSections.map(([to, label]) => (
                <NavLink key={to} to={to} className={navClass}>
                  {label}
                </NavLink>
              ))}
            {session.status === "authenticated" && session.user.role === "admin" && (
              <NavLink to="/admin" className={navClass}>
                Admin
              </NavLink>
            )}
            {session.status === "anonymous" && (
              <NavLink to="/clubs" className={navClass}>
                Clubs
              </NavLink>
            )}
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <ThemeToggle />
            {session.status === "authenticated" && (
              <>
                <NotificationBell />
                <NavLink
                  to="/settings/profile"
                  className={(state) => `${navClass(state)} flex items-center gap-2`}
                  title={session.user.displayName}
                >
                  <Avatar name={session.user.displayName} url={session.user.avatarUrl} size={24} />
                  <span className="sr-only">Profile of </span>
                  {/* Named for screen readers always; shown beside the avatar only where the header has room. */}
                  <span className="sr-only 2xl:not-sr-only 2xl:max-w-32 2xl:truncate">{session.user.displayName}</span>
                </NavLink>
                <button
                  type="button"
                  onClick={() => logOut.mutate()}
                  disabled={logOut.isPending}
                  className="rounded-md px-3 py-2 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800"
                >
                  Log out
                </button>
              </>
            )}
            {session.status === "anonymous" && (
              <>
                <NavLink to="/log-in" className={navClass}>
                  Log in
                </NavLink>
                <Link
                  to="/sign-up"
                  className="rounded-lg bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                >
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <Outlet />
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
        <p>Booky — book clubs that finish the book.</p>
        <p className="mt-2">
          {/* Served by the server, not a page of the app: a full navigation. */}
          <a href="/api/docs" className="underline underline-offset-2 hover:text-stone-900 dark:hover:text-stone-100">
            API reference
          </a>
        </p>
      </footer>
    </div>
  );
}
