import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { initialJsSize } from "./build/initial-js-size";

const apiTarget = process.env.BOOKY_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    initialJsSize({ budgetKb: 150 }),
    // Installable: a web app manifest and a Workbox service worker that keeps the app's shell (its built
    // files) so it opens offline. Data is never cached by it: the API stays live; a progress report made
    // offline waits as a paused mutation and is sent on reconnect (features/meetings/progress-form.tsx).
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      includeAssets: ["favicon.svg", "theme.js", "demo-avatars/*.svg"],
      manifest: {
        name: "Booky",
        short_name: "Booky",
        description: "Book clubs that actually finish the book.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#fafaf9",
        theme_color: "#b45309",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,woff2}"],
        // Every page of the app is index.html; the server's own paths are never answered from the cache.
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/trpc/, /^\/api\//, /^\/calendar\//, /^\/(healthz|readyz|metrics)$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Workspace packages are consumed as TypeScript sources.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { "/trpc": apiTarget, "/api": apiTarget, "/healthz": apiTarget, "/imports": apiTarget },
  },
  build: { sourcemap: true, reportCompressedSize: true },
});
