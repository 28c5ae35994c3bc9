import type { RouterOutputs } from "@booky/server";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { Alert, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

export type Club = RouterOutputs["clubs"]["get"];

/** The club the address names (`/clubs/:slug…`), once loaded; says so when there is none. */
export function ClubLoader({
  skeleton,
  children,
}: {
  /** The skeleton's height while the club loads. */
  skeleton: string;
  children: (club: Club, slug: string) => ReactNode;
}) {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const club = useQuery(trpc.clubs.get.queryOptions({ clubId: slug }));
  if (club.isPending) return <Skeleton className={`${skeleton} w-full`} />;
  if (club.isError) {
    const missing = isTRPCError(club.error) && club.error.data?.code === "NOT_FOUND";
    return <Alert>{missing ? "There is no club at this address." : errorMessage(club.error)}</Alert>;
  }
  return children(club.data, slug);
}

export type FullClub = Extract<Club, { access: "full" }>;

/** The club the address names, for its owner and admins only; anyone else is told `refusal` and sent back to it. */
export function AdminClubLoader({
  skeleton,
  refusal,
  children,
}: {
  skeleton: string;
  refusal: string;
  children: (club: FullClub, slug: string) => ReactNode;
}) {
  return (
    <ClubLoader skeleton={skeleton}>
      {(club, slug) =>
        club.access === "full" && (club.myRole === "owner" || club.myRole === "admin") ? (
          children(club, slug)
        ) : (
          <Alert>
            {refusal}{" "}
            <Link to={`/clubs/${slug}`} className="underline">
              Back to the club
            </Link>
          </Alert>
        )
      }
    </ClubLoader>
  );
}
