import { parseIsbn } from "./isbn.js";

/** Accents off, lower case, punctuation to spaces, single spaces: how search compares words. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** An author's name as the catalog stores it: trimmed, single-spaced, Unicode NFC. */
export function normalizeAuthorName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Distinct, normalised author names in their given order (case-insensitively distinct). */
export function normalizeAuthors(authors: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const author of authors) {
    const name = normalizeAuthorName(author);
    const key = foldForSearch(name);
    if (name && !seen.has(key)) {
      seen.add(key);
      result.push(name);
    }
  }
  return result;
}

/** The searchable form of a book's authors, stored beside them: "Gabriel García Márquez" → "gabriel garcia marquez". */
export function authorsSearchText(authors: readonly string[]): string {
  return normalizeAuthors(authors).map(foldForSearch).join(" ");
}

const MAX_TERMS = 8;

/**
 * A PostgreSQL `to_tsquery` text matching every word of the query as a
 * prefix ("lord ring" → "lord:* & ring:*"), so results appear while typing.
 * Only letters and digits pass, so no input can break the tsquery syntax.
 * Null when the query has no word.
 */
export function prefixTsQuery(query: string): string | null {
  const terms = foldForSearch(query).split(" ").filter(Boolean).slice(0, MAX_TERMS);
  return terms.length > 0 ? terms.map((term) => `${term}:*`).join(" & ") : null;
}

export type BookQuery = { kind: "isbn"; isbn13: string } | { kind: "text"; text: string };

/**
 * `isbn:<ISBN-10 or -13>` or a bare valid ISBN looks a book up by ISBN;
 * anything else is a text search. An `isbn:` query with an invalid ISBN is
 * an error (null), not a text search for digits.
 */
export function parseBookQuery(query: string): BookQuery | null {
  const trimmed = query.trim();
  if (/^isbn:/i.test(trimmed)) {
    const isbn13 = parseIsbn(trimmed.slice(5));
    return isbn13 ? { kind: "isbn", isbn13 } : null;
  }
  const bare = /^[\d\s-]{10,17}[\dXx]?$/.test(trimmed) ? parseIsbn(trimmed) : null;
  return bare ? { kind: "isbn", isbn13: bare } : { kind: "text", text: trimmed };
}
