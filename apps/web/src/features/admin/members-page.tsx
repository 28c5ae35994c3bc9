import type { RouterOutputs } from "@booky/server";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { PagedListCard, Row } from "../../components/paged-list";
import { SearchInput } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { AdminArea } from "./admin-area";
import { Standing } from "./standing";

type Member = RouterOutputs["admin"]["members"]["items"][number];

/** `/admin/members`: members whose username, name or e-mail starts with what is typed. */
export function AdminMembersPage() {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const settled = useDebouncedValue(query.trim());
  const members = useInfiniteQuery(trpc.admin.members.infiniteQueryOptions({ query: settled }, byCursor));
  return (
    <AdminArea title="Members">
      <SearchInput label="Find a member" value={query} onChange={setQuery} placeholder="Username, name or e-mail" />
      <PagedListCard
        title="Members"
        query={members}
        label="Members"
        empty="No member matches."
        moreLabel="More members"
      >
        {(member: Member) => (
          <Row key={member.id}>
            <span className="flex flex-col">
              <Link to={`/admin/members/${member.id}`} className="font-semibold underline">
                {member.displayName}
              </Link>
              <span className="text-sm text-stone-600 dark:text-stone-400">
                @{member.username} · {member.email}
                {member.role === "admin" && " · site admin"}
              </span>
            </span>
            <Standing suspension={member.suspension} />
          </Row>
        )}
      </PagedListCard>
    </AdminArea>
  );
}
