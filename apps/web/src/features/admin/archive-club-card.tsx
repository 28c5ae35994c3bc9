import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, Card, TextArea } from "../../components/ui";
import { errorMessage, fieldError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../../lib/use-session";

/** On a club's page, for site admins: archive the club (hidden from the directory, read-only) or restore it. */
export function ArchiveClubCard({ club }: { club: { id: string; archivedAt: Date | null } }) {
  const session = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const archive = useMutation(
    trpc.admin.archiveClub.mutationOptions({
      onSuccess: () => {
        setReason("");
        return queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
      },
    }),
  );
  if (session.status !== "authenticated" || session.user.role !== "admin") return null;
  const archived = club.archivedAt !== null;
  return (
    <Card title="Site administration">
      <form
        aria-label={archived ? "Restore the club" : "Archive the club"}
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          archive.mutate({ clubId: club.id, archived: !archived, reason });
        }}
      >
        <TextArea
          label={archived ? "Why it comes back" : "Why it is archived"}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={fieldError(archive.error, "reason")}
        />
        {archive.isError && !fieldError(archive.error, "reason") && <Alert>{errorMessage(archive.error)}</Alert>}
        <div>
          <Button type="submit" variant={archived ? "secondary" : "danger"} busy={archive.isPending}>
            {archived ? "Restore the club" : "Archive the club"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
