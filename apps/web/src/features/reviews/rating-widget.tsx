import { RATING_STEPS } from "@booky/domain";
import { useId } from "react";
import { starsText } from "./types";

/**
 * Half-star rating as a native radio group: arrow keys move between the ten
 * steps, Space picks, and a screen reader says "3.5 stars". Drawn as stars.
 */
export function RatingWidget({
  value,
  onChange,
  legend = "Your rating",
}: {
  value: number | null;
  onChange: (halves: number) => void;
  legend?: string;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex items-center gap-0.5">
        {RATING_STEPS.map((halves) => {
          const filled = value !== null && halves <= value;
          return (
            <label key={halves} className="cursor-pointer">
              <input
                type="radio"
                name={name}
                value={halves}
                checked={value === halves}
                onChange={() => onChange(halves)}
                className="peer sr-only"
                aria-label={starsText(halves)}
              />
              <span
                aria-hidden="true"
                className={`inline-block w-3 overflow-hidden text-2xl leading-none peer-focus-visible:outline-2 peer-focus-visible:outline-brand-700 ${
                  filled ? "text-amber-600 dark:text-amber-400" : "text-stone-400 dark:text-stone-600"
                } ${halves % 2 === 0 ? "[direction:rtl]" : ""}`}
              >
                ★
              </span>
            </label>
          );
        })}
        <span className="ml-2 text-sm" aria-live="polite">
          {value === null ? "Not rated" : starsText(value)}
        </span>
      </div>
    </fieldset>
  );
}
