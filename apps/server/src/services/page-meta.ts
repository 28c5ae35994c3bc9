import type { Executor } from "@booky/db";
import { AppError } from "../errors.js";
import { getMemberProfile } from "./accounts.js";
import { publicBookPage, publicClubPage } from "./public-pages.js";

/** What a shared link previews: the page's title and description, and an image when it has one. */
export interface PageMeta {
  title: string;
  description: string;
  image?: string | null;
}

const SITE = "Booky";
const DEFAULT: PageMeta = { title: SITE, description: "Booky: book clubs that actually finish the book." };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** At most `length` characters on one line, cut at a word. */
function shorten(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.lastIndexOf(" ", length - 1);
  return `${flat.slice(0, cut > 0 ? cut : length - 1)}…`;
}

/** Unknown pages get the site's own preview: a page that is not there is the web app's to say. */
async function orDefault(load: () => Promise<PageMeta>): Promise<PageMeta> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError) return DEFAULT;
    throw error;
  }
}

/**
 * The preview of a public page (the club directory, a club, a book, a
 * member), from the same public services visitors read: a private club
 * previews with its name and description only.
 */
export function pageMeta(db: Executor, pathname: string): Promise<PageMeta> {
  const [first, second, ...rest] = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (rest.length > 0) return Promise.resolve(DEFAULT);
  if (first === "clubs" && !second) {
    return Promise.resolve({ title: `Book clubs · ${SITE}`, description: "Find a book club to read with on Booky." });
  }
  if (first === "clubs" && second && second !== "new") {
    return orDefault(async () => {
      const club = await publicClubPage(db, { slug: second });
      const next = club.access === "full" ? club.upcoming[0] : undefined;
      const reading = next ? ` Reading ${next.book.title} next.` : "";
      return {
        title: `${club.name} · ${SITE}`,
        description: shorten(`${club.description || "A book club on Booky."}${reading}`),
        image: next?.book.coverUrl ?? null,
      };
    });
  }
  if (first === "books" && second && UUID.test(second)) {
    return orDefault(async () => {
      const book = await publicBookPage(db, second);
      const by = book.authors.length > 0 ? ` by ${book.authors.join(", ")}` : "";
      return {
        title: `${book.title}${by} · ${SITE}`,
        description: shorten(book.description ?? `${book.title}${by}, read by book clubs on Booky.`),
        image: book.coverUrl,
      };
    });
  }
  if (first === "u" && second) {
    return orDefault(async () => {
      const member = await getMemberProfile(db, second);
      return {
        title: `${member.displayName} (@${member.username}) · ${SITE}`,
        description: shorten(member.bio || `${member.displayName} reads with book clubs on Booky.`),
        image: member.avatarUrl,
      };
    });
  }
  return Promise.resolve(DEFAULT);
}
