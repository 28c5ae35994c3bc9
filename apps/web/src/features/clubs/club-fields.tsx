import { CLUB_CATEGORIES, type createClubInput } from "@booky/domain";
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { SelectField, TextArea, TextField } from "../../components/ui";
import { fieldProps } from "../../lib/form";
import { categoryLabels } from "./labels";

export type ClubFormValues = z.input<typeof createClubInput>;
export type ClubFormOutput = z.output<typeof createClubInput>;
export type ClubForm = UseFormReturn<ClubFormValues, unknown, ClubFormOutput>;
/** The fields the server may name in an error, in the order they appear. */
export const clubFieldNames = ["name", "description", "category", "location", "memberLimit"] as const;

/** The inputs of a club, shared by "start a club" and "edit club". */
export function ClubFields({ form }: { form: ClubForm }) {
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
      <TextField
        label="Member limit"
        type="number"
        {...fieldProps(form, "memberLimit")}
        {...form.register("memberLimit", { valueAsNumber: true })}
      />
    </>
  );
}
