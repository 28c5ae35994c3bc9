import { createShelfInput, type ShelfVisibility } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MutationError } from "../../components/query-view";
import { ActionGroup, Button, ConfirmButton, TextField } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { VisibilitySelect } from "./visibility-select";

type Shelf = RouterOutputs["shelves"]["mine"]["items"][number];
const renameInput = createShelfInput.pick({ name: true });

/** Renames a shelf in place; the server's refusal (a name already used) shows under the field. */
function RenameForm({ shelf, onDone }: { shelf: Shelf; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof renameInput>, unknown, z.output<typeof renameInput>>({
    resolver: zodResolver(renameInput),
    defaultValues: { name: shelf.name },
  });
  const rename = useMutation(
    trpc.shelves.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() });
        onDone();
      },
      onError: (error) => form.setError("name", { type: "server", message: errorMessage(error) }),
    }),
  );
  const onSubmit = form.handleSubmit(({ name }) => rename.mutate({ shelfId: shelf.id, changes: { name } }));
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Rename ${shelf.name}`}
      className="flex flex-wrap items-start gap-2"
    >
      <TextField
        label={`New name for ${shelf.name}`}
        autoComplete="off"
        autoFocus
        className="min-w-48 flex-1"
        {...fieldProps(form, "name")}
      />
      <Button type="submit" busy={rename.isPending} className="mt-6">
        Save name
      </Button>
      <Button variant="secondary" onClick={onDone} className="mt-6">
        Cancel
      </Button>
    </form>
  );
}

/** One of my shelves: its place in my order, its name, who sees it, and deleting it. */
export function ShelfRow({
  shelf,
  place,
  count,
  onMove,
  moving,
}: {
  shelf: Shelf;
  /** Its index in my order, and how many shelves there are. */
  place: number;
  count: number;
  /** Moves the shelf by one place up (-1) or down (1); undefined while the order cannot change. */
  onMove: ((by: -1 | 1) => void) | undefined;
  moving: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() });
  const update = useMutation(trpc.shelves.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.shelves.delete.mutationOptions({ onSuccess: refresh }));

  return (
    <li aria-label={shelf.name} className="flex flex-col gap-3 py-3">
      <MutationError of={[update, remove]} />
      {renaming ? (
        <RenameForm shelf={shelf} onDone={() => setRenaming(false)} />
      ) : (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="font-medium">
            {place + 1}. {shelf.name}
          </span>
          <span className="text-sm text-stone-600 dark:text-stone-400">
            {shelf.bookCount} {shelf.bookCount === 1 ? "book" : "books"}
          </span>
        </div>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <VisibilitySelect
          label={`Who sees ${shelf.name}`}
          value={shelf.visibility}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate({ shelfId: shelf.id, changes: { visibility: event.target.value as ShelfVisibility } })
          }
        />
        <ActionGroup label={`Change ${shelf.name}`}>
          <Button
            variant="secondary"
            className="px-3 py-1"
            aria-label={`Move ${shelf.name} up`}
            disabled={!onMove || place === 0}
            busy={moving}
            onClick={() => onMove?.(-1)}
          >
            ↑
          </Button>
          <Button
            variant="secondary"
            className="px-3 py-1"
            aria-label={`Move ${shelf.name} down`}
            disabled={!onMove || place === count - 1}
            busy={moving}
            onClick={() => onMove?.(1)}
          >
            ↓
          </Button>
          {!renaming && (
            <Button variant="secondary" className="px-3 py-1" onClick={() => setRenaming(true)}>
              Rename
            </Button>
          )}
          <ConfirmButton
            size="small"
            question={`Delete ${shelf.name}? Its books stay in your library.`}
            confirmLabel="Delete shelf"
            busy={remove.isPending}
            onConfirm={() => remove.mutate({ shelfId: shelf.id })}
          >
            Delete
          </ConfirmButton>
        </ActionGroup>
      </div>
    </li>
  );
}
