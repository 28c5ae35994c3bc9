import { avatarUrlSchema, bioSchema, displayNameSchema } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, Button, Card, TextArea, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { type Account, sessionStore } from "../../lib/session-store";
import { useTRPC } from "../../lib/trpc";

/** The server's field rules; an empty avatar box means "no avatar". */
const formSchema = z.object({
  displayName: displayNameSchema,
  bio: bioSchema,
  avatarUrl: z.union([z.literal(""), avatarUrlSchema]),
});
type Values = z.input<typeof formSchema>;

export function EditProfileForm({ user }: { user: Account }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { displayName: user.displayName, bio: user.bio, avatarUrl: user.avatarUrl ?? "" },
  });
  const { errors, isDirty } = form.formState;
  const update = useMutation(trpc.users.updateProfile.mutationOptions());

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(
      { ...values, avatarUrl: values.avatarUrl === "" ? null : values.avatarUrl },
      {
        onSuccess: (updated) => {
          sessionStore.updateUser(updated);
          form.reset({ displayName: updated.displayName, bio: updated.bio, avatarUrl: updated.avatarUrl ?? "" });
          void queryClient.invalidateQueries(trpc.users.get.queryFilter({ username: updated.username }));
        },
        onError: (error) => applyServerFieldErrors(error, form.setError, ["displayName", "bio", "avatarUrl"]),
      },
    ),
  );

  return (
    <Card title="Profile">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {update.isSuccess && !isDirty && <Alert tone="success">Profile saved.</Alert>}
        {update.isError && !Object.keys(errors).length && <Alert>{errorMessage(update.error)}</Alert>}
        <TextField label="Display name" {...fieldProps(form, "displayName")} />
        <TextArea label="Bio" {...fieldProps(form, "bio")} />
        <TextField label="Avatar URL" type="url" placeholder="https://…" {...fieldProps(form, "avatarUrl")} />
        <div>
          <Button type="submit" busy={update.isPending} disabled={!isDirty}>
            Save profile
          </Button>
        </div>
      </form>
    </Card>
  );
}
