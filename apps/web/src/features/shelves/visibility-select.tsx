import { SHELF_VISIBILITIES, type ShelfVisibility } from "@booky/domain";
import type { ComponentProps } from "react";
import { SelectField } from "../../components/ui";
import { visibilityLabel } from "./labels";

/** Who may see a shelf: everyone, friends only, or its owner alone. */
export function VisibilitySelect(
  props: Omit<ComponentProps<typeof SelectField>, "children"> & { value?: ShelfVisibility },
) {
  return (
    <SelectField {...props}>
      {SHELF_VISIBILITIES.map((visibility) => (
        <option key={visibility} value={visibility}>
          {visibilityLabel[visibility]}
        </option>
      ))}
    </SelectField>
  );
}
