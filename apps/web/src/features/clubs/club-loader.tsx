import type { RouterOutputs } from "@booky/server";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";
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
