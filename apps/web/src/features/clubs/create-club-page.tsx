import { createClubInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { Alert, Button, Card, PageTitle } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClubFields, type ClubFormOutput, type ClubFormValues, clubFieldNames } from "./club-fields";

export function CreateClubPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ClubFormValues, unknown, ClubFormOutput>({
    resolver: zodResolver(createClubInput),
    defaultValues: { category: "fiction", visibility: "public", isOnline: false, memberLimit: 50, location: null },
  });
  const create = useMutation(trpc.clubs.create.mutationOptions());
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (club) => {
        // Lists of "my clubs" (home, clubs page) now include this one.
        void queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
        navigate(`/clubs/${club.slug}`);
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, clubFieldNames)) setFormError(errorMessage(error));
      },
    });
  });

  return (
    <div className="mx-auto max-w-xl">
      <PageTitle subtitle="You will be its owner; invite friends once it exists.">Start a club</PageTitle>
      <Card>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert>{formError}</Alert>}
          <ClubFields form={form} />
          <Button type="submit" busy={create.isPending}>
            Create club
          </Button>
        </form>
      </Card>
    </div>
  );
}
