import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { Alert, Card, ConfirmButton, PageTitle } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClubBettingCard } from "./club-betting-card";
import { ClubFormView, useClubForm } from "./club-fields";
import { AdminClubLoader, type FullClub } from "./club-loader";

export function EditClubPage() {
  return (
    <AdminClubLoader skeleton="h-96" refusal="Only the club's owner and admins can edit it.">
      {(club, slug) => <EditClub data={club} slug={slug} />}
    </AdminClubLoader>
  );
}

function EditClub({ data, slug }: { data: FullClub; slug: string }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageTitle
        subtitle={
          <>
            <Link to={`/clubs/${slug}`} className="underline">
              Back to {data.name}
            </Link>
            {" · "}
            <Link to={`/clubs/${slug}/webhooks`} className="underline">
              Webhooks
            </Link>
          </>
        }
      >
        Edit club
      </PageTitle>
      <EditClubForm club={data} />
      <ClubBettingCard club={data} />
      {data.myRole === "owner" && <ArchiveClub club={data} />}
    </div>
  );
}

function EditClubForm({ club }: { club: FullClub }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const clubForm = useClubForm({
    name: club.name,
    description: club.description,
    category: club.category,
    isOnline: club.isOnline,
    location: club.location,
    visibility: club.visibility,
    memberLimit: club.memberLimit,
    timeZone: club.timeZone,
  });
  const update = useMutation(trpc.clubs.update.mutationOptions());
  const { form, clear, onError } = clubForm;
  const onSubmit = form.handleSubmit((changes) => {
    clear();
    update.mutate(
      { clubId: club.id, changes },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
          navigate(`/clubs/${club.slug}`);
        },
        onError,
      },
    );
  });

  return (
    <Card>
      <ClubFormView of={clubForm} onSubmit={onSubmit} submitLabel="Save changes" busy={update.isPending} />
    </Card>
  );
}

function ArchiveClub({ club }: { club: FullClub }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.clubs.archive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() }),
    }),
  );
  return (
    <Card title="Archive the club">
      <div className="flex flex-col items-start gap-3">
        {club.archivedAt ? (
          <Alert tone="info">
            Archived on {club.archivedAt.toLocaleDateString(undefined, { dateStyle: "long" })}: hidden from the
            directory and closed to new members.
          </Alert>
        ) : (
          <>
            <p className="text-sm text-stone-700 dark:text-stone-300">
              An archived club leaves the directory and takes no new members. Its members and meetings stay.
            </p>
            {archive.isError && <Alert>{errorMessage(archive.error)}</Alert>}
            <ConfirmButton
              question="Archive this club for good?"
              confirmLabel="Yes, archive it"
              busy={archive.isPending}
              onConfirm={() => archive.mutate({ clubId: club.id })}
            >
              Archive club
            </ConfirmButton>
          </>
        )}
      </div>
    </Card>
  );
}
