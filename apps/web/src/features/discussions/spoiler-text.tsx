import { spoilerNotice } from "@booky/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SpoilerNotice } from "../../components/spoiler-notice";
import { useTRPC } from "../../lib/trpc";
import type { Moderated, Spoiler } from "./types";

/**
 * A member's text as the server rendered and sanitized it (markdown-it with
 * raw HTML off, then sanitize-html: see services/markdown.ts), or, when the
 * spoiler guard collapsed it, where it is and a button to reveal it; when the
 * moderators hid or removed it, that notice (with their reason, for its author).
 */
export function TextBody({
  html,
  deleted,
  moderated,
  spoiler,
  reveal,
}: {
  html: string | null;
  deleted: boolean;
  moderated: Moderated | null;
  spoiler: Spoiler | null;
  reveal: { clubId: string; kind: "thread" | "comment"; id: string };
}) {
  if (deleted) return <p className="italic text-stone-600 dark:text-stone-400">Deleted.</p>;
  if (moderated) return <ModeratedNotice moderated={moderated} />;
  if (spoiler) return <CollapsedSpoiler spoiler={spoiler} reveal={reveal} />;
  return <Rendered html={html ?? ""} />;
}

/** Server-sanitized Markdown HTML. */
export function Rendered({ html }: { html: string }) {
  return (
    <div
      className="prose-booky flex flex-col gap-2 break-words [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:font-mono [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server with an allowlist (services/markdown.ts)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function CollapsedSpoiler({
  spoiler,
  reveal,
}: {
  spoiler: Spoiler;
  reveal: { clubId: string; kind: "thread" | "comment"; id: string };
}) {
  const trpc = useTRPC();
  const [asked, setAsked] = useState(false);
  const revealed = useQuery({ ...trpc.discussions.reveal.queryOptions(reveal), enabled: asked });
  if (asked && revealed.data?.text) {
    const text = revealed.data.text;
    return (
      <div className="flex flex-col gap-2">
        {"title" in text && <p className="font-semibold">{text.title}</p>}
        <Rendered html={text.html} />
      </div>
    );
  }
  return (
    <SpoilerNotice
      label="Spoiler"
      busy={asked && revealed.isFetching}
      error={revealed.isError ? revealed.error : null}
      onReveal={() => setAsked(true)}
    >
      {spoilerNotice(spoiler)}
    </SpoilerNotice>
  );
}

/** What stands in for a text the moderators hid (pending review) or removed; its author reads why. */
function ModeratedNotice({ moderated }: { moderated: Moderated }) {
  return (
    <div className="rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900">
      <p className="italic">{moderated.notice}.</p>
      {moderated.reason && <p className="mt-1">Why: {moderated.reason}</p>}
    </div>
  );
}

/** A thread's title as the viewer may see it: its own, or what stands in for it. */
export function threadTitle(thread: { deleted: boolean; moderated: Moderated | null; text: { title: string } | null }) {
  if (thread.deleted) return "Deleted thread";
  if (thread.moderated) return thread.moderated.state === "removed" ? "Removed thread" : "Hidden thread";
  return thread.text ? thread.text.title : "Spoiler";
}
