import { type ReactNode, useState } from "react";
import { Alert, Button } from "./ui";

/**
 * A secret the server keeps only a digest of (a calendar link, a personal
 * access token, a webhook's signing secret): shown this once, read-only, with
 * a button that copies it and a status line saying so.
 */
export function ShownOnce({
  label,
  value,
  copyLabel,
  note,
  copiedNote,
  made,
}: {
  label: string;
  value: string;
  copyLabel: string;
  /** What the status line says until it is copied. */
  note: string;
  copiedNote: string;
  /** What was just made, announced above the secret ("Token … made."). */
  made?: ReactNode;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(value);
  };
  const secret = (
    <>
      <div className="flex w-full flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          {label}
          <input
            readOnly
            value={value}
            onFocus={(event) => event.currentTarget.select()}
            className="rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        <Button variant="secondary" onClick={() => void copy()}>
          {copyLabel}
        </Button>
      </div>
      <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
        {copied === value ? copiedNote : note}
      </p>
    </>
  );
  if (!made) return secret;
  return (
    <div className="flex flex-col gap-2">
      <Alert tone="success">{made}</Alert>
      {secret}
    </div>
  );
}
