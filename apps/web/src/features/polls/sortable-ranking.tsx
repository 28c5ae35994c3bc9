import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type ScreenReaderInstructions,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";
import { moveItem } from "../../lib/lists";

interface SortableRankingProps {
  /** The ranked ids, most preferred first. */
  ids: string[];
  titleOf: (id: string) => string;
  onChange: (ids: string[]) => void;
  /** Each row's other controls (the buttons), beside its drag handle. */
  controls: (id: string, index: number) => ReactNode;
}

const instructions: ScreenReaderInstructions = {
  draggable:
    "To move a book, press Space or Enter, then the arrow keys up or down; Space or Enter again puts it down, Escape cancels.",
};

/**
 * The ranking as a sortable list (dnd-kit): drag a row by its handle with the
 * mouse or a finger, or focus the handle and move it with the keyboard; every
 * move is announced to screen readers by the book's title and place.
 */
export function SortableRanking({ ids, titleOf, onChange, controls }: SortableRankingProps) {
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const place = (id: string | number) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(String(active.id))}, ranked ${place(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(String(active.id))} is over place ${place(over.id)} of ${ids.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(String(active.id))} put down at place ${place(over.id)} of ${ids.length}.`
        : `${titleOf(String(active.id))} put back.`,
    onDragCancel: ({ active }) => `Moving cancelled: ${titleOf(String(active.id))} stays at place ${place(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveItem(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: instructions }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label="Your ranking" className="flex flex-col gap-2">
          {ids.map((id, index) => (
            <SortableRow key={id} id={id} index={index} title={titleOf(id)}>
              {controls(id, index)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({
  id,
  index,
  title,
  children,
}: {
  id: string;
  index: number;
  title: string;
  children: ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`flex flex-wrap items-center gap-2 rounded-lg border border-stone-300 bg-white p-2 dark:border-stone-700 dark:bg-stone-900 ${isDragging ? "relative z-10 shadow-lg" : ""}`}
    >
      <span className="w-6 font-semibold">{index + 1}.</span>
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Reorder ${title}`}
        className="flex flex-1 cursor-grab touch-none items-center gap-2 rounded text-left focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span aria-hidden="true" className="text-stone-500">
          ⠿
        </span>
        <span>{title}</span>
      </button>
      {children}
    </li>
  );
}
