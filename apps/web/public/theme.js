// Runs before the page paints (a classic script in <head>), so a dark page never flashes light.
// The member's choice ("light" or "dark") is kept in localStorage; without one the system's preference rules.
(() => {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let chosen = null;
    try {
      chosen = localStorage.getItem("booky-theme");
    } catch {
      // Storage can be disabled; the system's preference still applies.
    }
    const dark = chosen === "dark" || (chosen !== "light" && query.matches);
    document.documentElement.classList.toggle("dark", dark);
  };
  apply();
  query.addEventListener("change", apply);
})();
