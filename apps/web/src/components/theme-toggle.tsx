import { chooseTheme, useTheme } from "../lib/theme";

/** Switches between light and dark; the choice is remembered on this device. */
export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === "dark";
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => chooseTheme(dark ? "light" : "dark")}
      title="Dark theme"
      className="rounded-md px-3 py-2 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800"
    >
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span>
      <span className="sr-only">Dark theme</span>
    </button>
  );
}
