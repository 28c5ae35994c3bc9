import { saveReviewInput } from "@booky/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert, Button, Card, ConfirmButton, TextArea, TextField } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { RatingWidget } from "./rating-widget";

/** The caller's rating and review of a book: rate, write, edit, delete. */
export function ReviewComposer({ bookId }: { bookId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.reviews.mine.queryOptions({ bookId }));
  const [rating, setRating] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [spoiler, setSpoiler] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!mine.data) return;
    setRating(mine.data.rating);
    setTitle(mine.data.title ?? "");
    setBody(mine.data.body ?? "");
    setSpoiler(mine.data.spoiler);
  }, [mine.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
  const save = useMutation(trpc.reviews.save.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.reviews.remove.mutationOptions({
      onSuccess: () => {
        setRating(null);
        setTitle("");
        setBody("");
        setSpoiler(false);
        return refresh();
      },
    }),
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The same schema the server validates with.
    const parsed = saveReviewInput.safeParse({ bookId, rating: rating ?? 0, title, body, spoiler });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Check the review");
    setProblem(null);
    save.mutate(parsed.data);
  };

  return (
    <Card title={mine.data ? "Your review" : "Rate and review"}>
      <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Your review">
        <RatingWidget value={rating} onChange={setRating} />
        <TextField label="Title (optional)" value={title} onChange={(event) => setTitle(event.target.value)} />
        <TextArea
          label="Review (optional, Markdown)"
          rows={4}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={spoiler} onChange={(event) => setSpoiler(event.target.checked)} />
          Contains spoilers
        </label>
        {(problem || save.isError) && <Alert>{problem ?? errorMessage(save.error)}</Alert>}
        {save.isSuccess && !save.isPending && <Alert tone="success">Saved.</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending}>
            {mine.data ? "Save changes" : "Save"}
          </Button>
          {mine.data && (
            <ConfirmButton
              question="Delete your rating and review?"
              confirmLabel="Delete it"
              busy={remove.isPending}
              onConfirm={() => remove.mutate({ bookId })}
            >
              Delete
            </ConfirmButton>
          )}
        </div>
      </form>
    </Card>
  );
}
