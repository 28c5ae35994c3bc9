import type { Locator, Page } from "playwright-core";

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab until `target` has the focus, as a keyboard user would; fails
 * if it is not reached within `maxPresses` (it is then out of the tab order).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<void> {
  await target.waitFor({ state: "visible", timeout: 15_000 });
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  if (await isFocused(target)) return;
  throw new Error(`${target} was not reached with ${maxPresses} presses of Tab`);
}

/** Tabs to `target` and types `text` into it. */
export async function tabAndType(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to `target` and presses `key` on it (Enter for links and buttons, Space for checkboxes). */
export async function tabAndPress(page: Page, target: Locator, key = "Enter"): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
