import { createClubInput } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate, useParams } from "react-router";
import { Alert, Button, Card, ConfirmButton, PageTitle, Skeleton } from "../../components/ui";
import { applyServerFieldErrors, errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClubFields, type ClubFormOutput, type ClubFormValues, clubFieldNames } from "./club-fields";

type FullClub = Extract<RouterOutputs["clubs"]["get"], { access: "full" }>;

export function EditClubPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const club = useQuery(trpc.clubs.get.queryOptions({ slug }));

  if (club.isPending) return <Skeleton className="h-96 w-full" />;
  if (club.isError) {
    const missing = isTRPCError(club.error) && club.error.data?.code === "NOT_FOUND";
    return <Alert>{missing ? "There is no club at this address." : errorMessage(club.error)}</Alert>;
  }
  const data = club.data;
  if (data.access !== "full" || (data.myRole !== "owner" && data.myRole !== "admin")) {
    return (
      <Alert>
        Only the club's owner and admins can edit it.{" "}
        <Link to={`/clubs/${slug}`} className="underline">
          Back to the club
        </Link>
      </Alert>
    );
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageTitle
        subtitle={
          <Link to={`/clubs/${slug}`} className="underline">
            Back to {data.name}
          </Link>
        }
      >
        Edit club
      </PageTitle>
      <EditClubForm club={data} />
      {data.myRole === "owner" && <ArchiveClub club={data} />}
    </div>
  );
}

function EditClubForm({ club }: { club: FullClub }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ClubFormValues, unknown, ClubFormOutput>({
    resolver: zodResolver(createClubInput),
    defaultValues: {
      name: club.name,
      description: club.description,
      category: club.category,
      isOnline: club.isOnline,
      location: club.location,
      visibility: club.visibility,
      memberLimit: club.memberLimit,
    },
  });
  const update = useMutation(trpc.clubs.update.mutationOptions());
  const onSubmit = form.handleSubmit((changes) => {
    setFormError(null);
    update.mutate(
      { clubId: club.id, changes },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
          navigate(`/clubs/${club.slug}`);
        },
        onError: (error) => {
          if (!applyServerFieldErrors(error, form.setError, clubFieldNames)) setFormError(errorMessage(error));
        },
      },
    );
  });

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {formError && <Alert>{formError}</Alert>}
        <ClubFields form={form} />
        <Button type="submit" busy={update.isPending}>
          Save changes
        </Button>
      </form>
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
