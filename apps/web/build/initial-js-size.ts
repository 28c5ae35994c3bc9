import { gzipSizeSync } from "gzip-size";
import type { Logger, Plugin } from "vite";

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/**
 * Prints the JavaScript a first visit downloads before any page shows (the
 * entry chunk and everything it imports statically, gzipped) and fails the
 * build when it exceeds `budgetKb`. Pages are lazy chunks and not counted.
 */
export function initialJsSize({ budgetKb }: { budgetKb: number }): Plugin {
  let logger: Logger | undefined;
  let report: string[] = [];
  return {
    name: "booky:initial-js-size",
    apply: "build",
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_options, bundle) {
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (chunk?.type !== "chunk" || initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const output of Object.values(bundle)) if (output.type === "chunk" && output.isEntry) visit(output.fileName);

      const sizes = [...initial].map((fileName) => {
        const chunk = bundle[fileName];
        return { fileName, gzip: chunk?.type === "chunk" ? gzipSizeSync(chunk.code) : 0 };
      });
      const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
      report = [
        `Initial JS (entry + static imports, gzip): ${kB(total)} of a ${budgetKb} kB budget`,
        ...sizes.sort((a, b) => b.gzip - a.gzip).map(({ fileName, gzip }) => `  ${fileName}  ${kB(gzip)}`),
      ];
      if (total > budgetKb * 1000) {
        this.error(`${report.join("\n")}\nThe first load exceeds its budget: load the new code lazily.`);
      }
    },
    closeBundle() {
      // After Vite's own chunk table, so it is the last thing the build prints.
      for (const line of report) logger?.info(line);
    },
  };
}
