import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, Button, TextArea, TextField } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

const BODY_MAX = 20_000;
const fields = z.object({
  title: z.string().trim().max(200),
  body: z.string().trim().min(1, "Write something").max(BODY_MAX, `At most ${BODY_MAX} characters`),
  page: z.string().trim().regex(/^\d*$/, "A whole page number"),
});
export type ComposerValues = { title?: string; body: string; page: number | null };

/**
 * Writes a thread (with a title) or a comment, in Markdown with a preview
 * rendered by the server exactly as it will be shown. In a meeting's
 * discussion the page tag says what the text talks about; left empty, a
 * thread has none and a comment takes the page of what it answers. Never the
 * author's own page: that would tell the others how far they have read.
 */
export function Composer({
  withTitle,
  withPage,
  submitLabel,
  onSubmit,
  busy,
  initial,
}: {
  withTitle: boolean;
  withPage: boolean;
  submitLabel: string;
  onSubmit: (values: ComposerValues) => Promise<unknown>;
  busy: boolean;
  /** The text being edited (its Markdown source); a new text starts empty. */
  initial?: { title?: string; body: string; page: number | null };
}) {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(fields),
    defaultValues: { title: initial?.title ?? "", body: initial?.body ?? "", page: initial?.page?.toString() ?? "" },
  });
  const server = useServerErrors(form, ["title", "body", "page"]);
  const preview = useMutation(trpc.discussions.preview.mutationOptions());
  const [previewing, setPreviewing] = useState(false);

  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={form.handleSubmit(async (values) => {
        server.clear();
        try {
          await onSubmit({
            ...(withTitle ? { title: values.title } : {}),
            body: values.body,
            page: values.page ? Number(values.page) : null,
          });
        } catch (error) {
          server.onError(error);
          return;
        }
        form.reset();
        setPreviewing(false);
      })}
    >
      {server.formError && <Alert>{server.formError}</Alert>}
      {withTitle && <TextField label="Title" {...fieldProps(form, "title")} />}
      {previewing ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">Preview</p>
          <div
            className="min-h-16 rounded-lg border border-stone-300 p-3 dark:border-stone-700 [&_a]:underline"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's sanitized rendering (services/markdown.ts)
            dangerouslySetInnerHTML={{ __html: preview.data?.html ?? "" }}
          />
        </div>
      ) : (
        <TextArea label={withTitle ? "Post (Markdown)" : "Comment (Markdown)"} {...fieldProps(form, "body")} />
      )}
      {withPage && (
        <TextField
          label="About page"
          inputMode="numeric"
          hint={`Readers below this page see it collapsed. Empty: ${withTitle ? "no page, everyone reads it" : "the page of what you answer"}.`}
          {...fieldProps(form, "page")}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button
          variant="secondary"
          busy={preview.isPending}
          onClick={() => {
            if (!previewing) preview.mutate({ body: form.getValues("body") });
            setPreviewing(!previewing);
          }}
        >
          {previewing ? "Edit" : "Preview"}
        </Button>
      </div>
    </form>
  );
}
