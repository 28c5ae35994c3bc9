import { createShelfInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Form } from "../../components/form-parts";
import { Button, Card, TextField } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { VisibilitySelect } from "./visibility-select";

/** A new shelf of my own, named, last in my order. */
export function NewShelfForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof createShelfInput>, unknown, z.output<typeof createShelfInput>>({
    resolver: zodResolver(createShelfInput),
    defaultValues: { name: "", visibility: "private" },
  });
  const server = useServerErrors(form, ["name", "visibility"]);
  const create = useMutation(
    trpc.shelves.create.mutationOptions({
      onSuccess: () => {
        form.reset({ name: "", visibility: form.getValues("visibility") });
        return queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() });
      },
      onError: server.onError,
    }),
  );
  const onSubmit = form.handleSubmit((input) => {
    server.clear();
    create.mutate(input);
  });
  return (
    <Card title="New shelf">
      <Form onSubmit={onSubmit} error={server.formError} label="New shelf">
        <TextField label="Shelf name" autoComplete="off" {...fieldProps(form, "name")} />
        <VisibilitySelect label="Who sees it" {...fieldProps(form, "visibility")} />
        <Button type="submit" busy={create.isPending}>
          Create shelf
        </Button>
      </Form>
    </Card>
  );
}
