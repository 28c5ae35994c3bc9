import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { Composer, type ComposerValues } from "./composer";

/** What an author edits: their thread (title and body) or comment, from its Markdown source. */
type Editable =
  | { kind: "thread"; clubId: string; id: string; title: string; body: string; page: number | null }
  | { kind: "comment"; clubId: string; id: string; body: string; page: number | null };

/**
 * The author's "Edit" button: opens the composer on the text's own source;
 * saving marks it edited (with the time, shown beside the author). An empty
 * page tag keeps the page it had.
 */
export function EditText({ text, withPage, label }: { text: Editable; withPage: boolean; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const onSuccess = async () => {
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: trpc.discussions.pathKey() });
  };
  const editThread = useMutation(trpc.discussions.editThread.mutationOptions({ onSuccess }));
  const editComment = useMutation(trpc.discussions.editComment.mutationOptions({ onSuccess }));
  if (!open) {
    return (
      <Button variant="secondary" className="px-3 py-1" aria-label={label} onClick={() => setOpen(true)}>
        Edit
      </Button>
    );
  }
  const save = (values: ComposerValues) => {
    const page = values.page === null ? {} : { page: values.page };
    return text.kind === "thread"
      ? editThread.mutateAsync({
          clubId: text.clubId,
          threadId: text.id,
          changes: { title: values.title ?? text.title, body: values.body, ...page },
        })
      : editComment.mutateAsync({ clubId: text.clubId, commentId: text.id, changes: { body: values.body, ...page } });
  };
  return (
    <fieldset
      aria-label="Editing"
      className="flex w-full flex-col gap-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700"
    >
      <Composer
        withTitle={text.kind === "thread"}
        withPage={withPage}
        submitLabel="Save changes"
        busy={editThread.isPending || editComment.isPending}
        initial={text.kind === "thread" ? { title: text.title, body: text.body, page: text.page } : text}
        onSubmit={save}
      />
      <Button variant="secondary" className="self-start px-3 py-1" onClick={() => setOpen(false)}>
        Cancel editing
      </Button>
    </fieldset>
  );
}
