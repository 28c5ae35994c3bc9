import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Alert, Card, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";
import { AddFriendButton } from "../friends/add-friend-button";
import { MemberReviews } from "../reviews/member-reviews";
import { Avatar } from "./avatar";

export function MemberPage() {
  const { username = "" } = useParams();
  const trpc = useTRPC();
  const session = useSession();
  const profile = useQuery(trpc.users.get.queryOptions({ username }));

  if (profile.isPending) {
    return (
      <Card>
        <div className="flex items-center gap-4">
          <Skeleton className="size-16 rounded-full" />
          <div className="flex flex-col gap-2">
            <Skeleton className="h-6 w-48" />
            <Skeleton className="h-4 w-24" />
          </div>
        </div>
      </Card>
    );
  }
  if (profile.isError) {
    const missing = isTRPCError(profile.error) && ["NOT_FOUND", "BAD_REQUEST"].includes(profile.error.data?.code ?? "");
    return (
      <Alert>
        {missing ? `No member is called @${username}.` : errorMessage(profile.error)}{" "}
        <Link to="/" className="underline">
          Go home
        </Link>
      </Alert>
    );
  }
  const member = profile.data;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="flex items-center gap-4">
          <Avatar name={member.displayName} url={member.avatarUrl} />
          <div>
            <h1 className="font-serif text-2xl font-bold">{member.displayName}</h1>
            <p className="text-stone-600 dark:text-stone-400">@{member.username}</p>
          </div>
        </div>
        {member.bio && <p className="mt-4 whitespace-pre-line">{member.bio}</p>}
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          Member since {member.createdAt.toLocaleDateString(undefined, { year: "numeric", month: "long" })}
        </p>
        {session.status === "authenticated" && session.user.id !== member.id && (
          <div className="mt-4">
            <AddFriendButton username={member.username} />
          </div>
        )}
      </Card>
      {session.status === "authenticated" && <MemberReviews userId={member.id} />}
    </div>
  );
}
