/** A URL-safe slug from a club name: lower case ASCII words joined by dashes, at most 48 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "club";
}

/** The slug with a short suffix, for when the plain one is taken. */
export function slugWithSuffix(name: string, suffix: string): string {
  return `${slugify(name).slice(0, 40)}-${suffix}`;
}
