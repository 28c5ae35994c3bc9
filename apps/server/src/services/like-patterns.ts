/** `text` as a LIKE pattern's literal part: its `\`, `%` and `_` escaped, so a search for "50%" means it. */
const literal = (text: string) => text.replaceAll(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching text that contains `text` anywhere. */
export const containing = (text: string) => `%${literal(text)}%`;

/** A LIKE pattern matching text that starts with `text`. */
export const startingWith = (text: string) => `${literal(text)}%`;
