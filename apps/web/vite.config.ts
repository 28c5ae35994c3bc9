import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { initialJsSize } from "./build/initial-js-size";

const apiTarget = process.env.BOOKY_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), tailwindcss(), initialJsSize({ budgetKb: 150 })],
  // Workspace packages are consumed as TypeScript sources.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { "/trpc": apiTarget, "/healthz": apiTarget, "/imports": apiTarget },
  },
  build: { sourcemap: true, reportCompressedSize: true },
});
