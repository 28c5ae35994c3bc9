import { READING_STATUSES, type ReadingStatus } from "@booky/domain";
import { SelectField } from "../../components/ui";
import { statusLabel } from "./labels";

/**
 * A choice among the reading statuses, with one more option for none: "every status" where it filters a
 * list (`noneChoosable`), "not on my shelves" where it sets a book's status (shown, never chosen again).
 */
export function ReadingStatusSelect({
  label,
  value,
  onChange,
  noneLabel,
  noneChoosable = false,
}: {
  label: string;
  value: ReadingStatus | null;
  onChange: (status: ReadingStatus | null) => void;
  noneLabel: string;
  noneChoosable?: boolean;
}) {
  return (
    <SelectField
      label={label}
      value={value ?? ""}
      onChange={(event) => onChange((event.target.value || null) as ReadingStatus | null)}
    >
      <option value="" disabled={!noneChoosable}>
        {noneLabel}
      </option>
      {READING_STATUSES.map((status) => (
        <option key={status} value={status}>
          {statusLabel[status]}
        </option>
      ))}
    </SelectField>
  );
}
