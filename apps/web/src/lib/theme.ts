import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const STORAGE_KEY = "booky-theme";

/** The theme on screen: public/theme.js sets the `dark` class before the first paint. */
function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** Shows `theme` now and on every later visit (it then wins over the system's preference). */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be disabled: the choice then lasts for this page only.
  }
  document.documentElement.classList.toggle("dark", theme === "dark");
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme);
}
