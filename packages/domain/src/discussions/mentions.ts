/**
 * `@username` mentions in a text: the distinct usernames named, lowercased
 * like stored usernames. An address such as `ann@example.org` is not a mention
 * (an `@` must not follow a word character).
 */
const MENTION = /(?<![\w@])@([a-z0-9](?:[a-z0-9_]{1,28}[a-z0-9]))(?![\w])/gi;

/** At most this many members are notified from one text: a wall of mentions is noise, not a message. */
export const MENTIONS_MAX = 20;

export function mentionedUsernames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    if (match[1]) names.add(match[1].toLowerCase());
    if (names.size >= MENTIONS_MAX) break;
  }
  return [...names];
}
