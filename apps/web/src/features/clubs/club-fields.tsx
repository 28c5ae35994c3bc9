import { CLUB_CATEGORIES, createClubInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FormEventHandler } from "react";
import { type DefaultValues, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { Form } from "../../components/form-parts";
import { Button, SelectField, TextArea, TextField } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { categoryLabels } from "./labels";

export type ClubFormValues = z.input<typeof createClubInput>;
export type ClubFormOutput = z.output<typeof createClubInput>;
export type ClubForm = UseFormReturn<ClubFormValues, unknown, ClubFormOutput>;
/** The fields the server may name in an error, in the order they appear. */
export const clubFieldNames = ["name", "description", "category", "location", "memberLimit", "timeZone"] as const;

/** The zones the browser knows (IANA names), for the club's time zone. */
const timeZones = Intl.supportedValuesOf("timeZone");

/** The visitor's own zone: a new club meets where its founder is, unless they say otherwise. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A club's form, with the server's refusals placed under the inputs they are about. */
export function useClubForm(defaultValues: DefaultValues<ClubFormValues>) {
  const form: ClubForm = useForm<ClubFormValues, unknown, ClubFormOutput>({
    resolver: zodResolver(createClubInput),
    defaultValues,
  });
  return { form, ...useServerErrors(form, clubFieldNames) };
}

/** The form of a club, shared by "start a club" and "edit club". */
export function ClubFormView({
  of,
  onSubmit,
  submitLabel,
  busy,
}: {
  /** What `useClubForm` gave. */
  of: { form: ClubForm; formError: string | null };
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  busy: boolean;
}) {
  return (
    <Form onSubmit={onSubmit} error={of.formError}>
      <ClubFields form={of.form} />
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

function ClubFields({ form }: { form: ClubForm }) {
  return (
    <>
      <TextField label="Name" {...fieldProps(form, "name")} />
      <TextArea label="Description" {...fieldProps(form, "description")} />
      <SelectField label="Category" {...fieldProps(form, "category")}>
        {CLUB_CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {categoryLabels[value]}
          </option>
        ))}
      </SelectField>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" {...form.register("isOnline")} /> We meet online
      </label>
      <TextField
        label="Where you meet"
        placeholder="City, café, library…"
        {...fieldProps(form, "location")}
        {...form.register("location", { setValueAs: (value: string | null) => (value ? value : null) })}
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
      <SelectField label="Time zone" {...fieldProps(form, "timeZone")}>
        {[...new Set(["UTC", ...timeZones])].map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Member limit"
        type="number"
        {...fieldProps(form, "memberLimit")}
        {...form.register("memberLimit", { valueAsNumber: true })}
      />
    </>
  );
}
