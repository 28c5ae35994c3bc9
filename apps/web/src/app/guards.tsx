import { type ComponentType, type ReactNode, Suspense } from "react";
import { Navigate, useLocation } from "react-router";
import { Button, Card, Spinner } from "../components/ui";
import { refreshSession } from "../lib/trpc";
import { useSession } from "../lib/use-session";

function Loading() {
  return (
    <div className="flex justify-center py-16">
      <Spinner label="Loading your session…" />
    </div>
  );
}

/** The session could not be checked (no connection): say so and wait, rather than send a member to log in. */
export function Unreachable() {
  return (
    <div role="status" className="mx-auto my-10 max-w-md text-center">
      <Card>
        <h1 className="font-serif text-2xl font-bold">You are offline</h1>
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          Booky cannot reach the server right now. This page opens by itself when the connection returns; reports you
          made are kept on this device until then.
        </p>
        <Button className="mt-4" variant="secondary" onClick={() => void refreshSession()}>
          Try again
        </Button>
      </Card>
    </div>
  );
}

/** Members only: others go to log in and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <Loading />;
  if (session.status === "unreachable") return <Unreachable />;
  if (session.status === "anonymous") {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/log-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Log-in and sign-up pages send members already signed in on to where they were going. */
export function RedirectIfAuthenticated({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <Loading />;
  if (session.status === "authenticated") return <Navigate to={safeNext(location.search)} replace />;
  return children;
}

/** Only same-site paths: an open redirect would let a link send members anywhere. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/**
 * A page members and visitors both open (a club, a book, the directory):
 * members get theirs (`children`), visitors its public version (`visitor`,
 * a lazy component: loaded only for them).
 */
export function MembersOrVisitors({ visitor: Visitor, children }: { visitor: ComponentType; children: ReactNode }) {
  const session = useSession();
  if (session.status === "loading") return <Loading />;
  if (session.status === "unreachable") return <Unreachable />;
  if (session.status === "anonymous") {
    return (
      <Suspense fallback={<Loading />}>
        <Visitor />
      </Suspense>
    );
  }
  return children;
}
