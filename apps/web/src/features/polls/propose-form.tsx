import { proposeBookInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, TextArea } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { BookPicker, type PickedBook } from "../books/book-picker";

type Values = z.input<typeof proposeBookInput>;

/** A member proposes a catalog book for the club's next read, with a short pitch. */
export function ProposeForm({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [book, setBook] = useState<PickedBook | null>(null);
  const form = useForm<Values, unknown, z.output<typeof proposeBookInput>>({
    resolver: zodResolver(proposeBookInput),
    defaultValues: { clubId, bookId: "", pitch: "" },
  });
  const { formError, clear, onError } = useServerErrors(form, ["bookId", "pitch"]);
  const propose = useMutation(
    trpc.polls.propose.mutationOptions({
      onSuccess: () => {
        form.reset({ clubId, bookId: "", pitch: "" });
        setBook(null);
        return queryClient.invalidateQueries({ queryKey: trpc.polls.proposals.pathKey() });
      },
    }),
  );
  const pick = (picked: PickedBook | null) => {
    setBook(picked);
    form.setValue("bookId", picked?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };
  const bookError = form.formState.errors.bookId?.message;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        clear();
        propose.mutate(values, { onError });
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <BookPicker value={book} onChange={pick} error={bookError} />
      <TextArea label="Pitch (Markdown)" {...fieldProps(form, "pitch")} />
      <div>
        <Button type="submit" busy={propose.isPending}>
          Propose book
        </Button>
      </div>
    </form>
  );
}
