import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { FormPage } from "../../components/form-parts";
import { useTRPC } from "../../lib/trpc";
import { browserTimeZone, ClubFormView, useClubForm } from "./club-fields";

export function CreateClubPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const clubForm = useClubForm({
    category: "fiction",
    visibility: "public",
    isOnline: false,
    memberLimit: 50,
    location: null,
    timeZone: browserTimeZone(),
  });
  const create = useMutation(trpc.clubs.create.mutationOptions());
  const { form, clear, onError } = clubForm;
  const onSubmit = form.handleSubmit((values) => {
    clear();
    create.mutate(values, {
      onSuccess: (club) => {
        // Lists of "my clubs" (home, clubs page) now include this one.
        void queryClient.invalidateQueries({ queryKey: trpc.clubs.pathKey() });
        navigate(`/clubs/${club.slug}`);
      },
      onError,
    });
  });

  return (
    <FormPage title="Start a club" subtitle="You will be its owner; invite friends once it exists." wide>
      <ClubFormView of={clubForm} onSubmit={onSubmit} submitLabel="Create club" busy={create.isPending} />
    </FormPage>
  );
}
