import { Link } from "react-router";
import { Unreachable } from "../../app/guards";
import { buttonClass, Card, PageTitle, Skeleton } from "../../components/ui";
import { useSession } from "../../lib/use-session";
import { MyInvitations } from "../clubs/my-invitations";
import { ActivityFeed } from "../friends/activity-feed";
import { PointsCard } from "../points/points-card";
import { ClubsForYouCard } from "../recommendations/clubs-for-you-card";
import { ForYouCard } from "../recommendations/for-you-card";
import { ReadersLikeYouCard } from "../recommendations/readers-like-you-card";
import { ActiveReads } from "./active-reads";
import { ComingUp, MyClubs } from "./member-home-cards";

export function HomePage() {
  const session = useSession();
  if (session.status === "loading") return <Skeleton className="h-40 w-full" />;
  if (session.status === "unreachable") return <Unreachable />;

  if (session.status === "anonymous") {
    return (
      <section className="py-10 text-center">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">Book clubs that finish the book.</h1>
        <p className="mx-auto mt-4 max-w-xl text-lg text-stone-700 dark:text-stone-300">
          Form a club, pick the next read, track everyone's pages and put a few points on who reaches the end first.
        </p>
        <div className="mt-8 flex justify-center gap-3">
          <Link to="/sign-up" className={buttonClass("primary", "px-5 py-3 text-base")}>
            Start reading together
          </Link>
          <Link to="/log-in" className={buttonClass("secondary", "px-5 py-3 text-base")}>
            Log in
          </Link>
        </div>
        <p className="mt-6">
          <Link to="/clubs" className="font-semibold text-brand-700 underline dark:text-brand-500">
            Browse the clubs reading now
          </Link>
        </p>
      </section>
    );
  }

  return (
    <div>
      <PageTitle subtitle="Here is what your clubs are reading.">Welcome back, {session.user.displayName}</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <MyInvitations />
        <ComingUp />
        <ActiveReads />
        <PointsCard />
        <ForYouCard />
        <ClubsForYouCard />
        <ReadersLikeYouCard />
        <MyClubs />
        <ActivityFeed glance />
        <Card title="Your profile">
          <p className="text-stone-700 dark:text-stone-300">
            Tell your club who you are: add a bio and an avatar.{" "}
            <Link to="/settings/profile" className="font-semibold text-brand-700 underline dark:text-brand-500">
              Edit your profile
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
