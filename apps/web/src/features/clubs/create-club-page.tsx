import { CLUB_CATEGORIES, createClubInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { Alert, Button, Card, PageTitle, TextArea, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { categoryLabels } from "./labels";

type Values = z.input<typeof createClubInput>;
const fields = ["name", "description", "category", "location", "memberLimit"] as const;

export function CreateClubPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createClubInput>>({
    resolver: zodResolver(createClubInput),
    defaultValues: { category: "fiction", visibility: "public", isOnline: false, memberLimit: 50, location: null },
  });
  const create = useMutation(trpc.clubs.create.mutationOptions());
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (club) => navigate(`/clubs/${club.slug}`),
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, fields)) setFormError(errorMessage(error));
      },
    });
  });

  return (
    <div className="mx-auto max-w-xl">
      <PageTitle subtitle="You will be its owner; invite friends once it exists.">Start a club</PageTitle>
      <Card>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="Name" {...fieldProps(form, "name")} />
          <TextArea label="Description" {...fieldProps(form, "description")} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Category
            <select
              {...form.register("category")}
              className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-900"
            >
              {CLUB_CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {categoryLabels[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" {...form.register("isOnline")} /> We meet online
          </label>
          <TextField
            label="Where you meet"
            placeholder="City, café, library…"
            {...fieldProps(form, "location")}
            {...form.register("location", { setValueAs: (value: string) => (value ? value : null) })}
          />
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="font-medium">Who can join</legend>
            <label className="flex items-center gap-2">
              <input type="radio" value="public" {...form.register("visibility")} /> Anyone (public)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="private" {...form.register("visibility")} /> By request or invitation (private)
            </label>
          </fieldset>
          <TextField
            label="Member limit"
            type="number"
            {...fieldProps(form, "memberLimit")}
            {...form.register("memberLimit", { valueAsNumber: true })}
          />
          <Button type="submit" busy={create.isPending}>
            Create club
          </Button>
        </form>
      </Card>
    </div>
  );
}
