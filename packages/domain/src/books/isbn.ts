/**
 * ISBN rules (ISO 2108). The catalog keys books by ISBN-13; an ISBN-10 is
 * converted by prefixing 978 and recomputing the check digit.
 */

/** Digits (and a final X for ISBN-10) with spaces and hyphens removed, upper-cased. */
function compact(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** The ISBN-13 check digit for its first 12 digits: weights 1,3,1,3…; (10 − sum mod 10) mod 10. */
export function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** The ISBN-10 check character for its first 9 digits: weights 10…2; 11 − sum mod 11, where 10 is X. */
export function isbn10CheckChar(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

export function isValidIsbn13(value: string): boolean {
  const isbn = compact(value);
  return /^97[89]\d{10}$/.test(isbn) && isbn13CheckDigit(isbn.slice(0, 12)) === Number(isbn[12]);
}

export function isValidIsbn10(value: string): boolean {
  const isbn = compact(value);
  return /^\d{9}[\dX]$/.test(isbn) && isbn10CheckChar(isbn.slice(0, 9)) === isbn[9];
}

/** ISBN-10 → ISBN-13 (978 prefix); null when the ISBN-10 is not valid. */
export function isbn10To13(value: string): string | null {
  const isbn = compact(value);
  if (!isValidIsbn10(isbn)) return null;
  const first12 = `978${isbn.slice(0, 9)}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
}

/** ISBN-13 → ISBN-10, which exists only for the 978 prefix; null otherwise. */
export function isbn13To10(value: string): string | null {
  const isbn = compact(value);
  if (!isValidIsbn13(isbn) || !isbn.startsWith("978")) return null;
  const first9 = isbn.slice(3, 12);
  return `${first9}${isbn10CheckChar(first9)}`;
}

/**
 * Any valid ISBN-10 or ISBN-13, written with or without hyphens and spaces,
 * as its canonical ISBN-13 (13 digits); null when it is not a valid ISBN.
 */
export function parseIsbn(value: string): string | null {
  const isbn = compact(value.trim().replace(/^ISBN(?:-1[03])?:?/i, ""));
  if (isbn.length === 13) return isValidIsbn13(isbn) ? isbn : null;
  if (isbn.length === 10) return isbn10To13(isbn);
  return null;
}
