/** What a member still reading a meeting's book is told instead of a review's words (reviews cover the whole book). */
export function reviewSpoilerNotice(spoiler: { page: number; readerPage?: number }): string {
  return `A review of the whole book — you are on page ${spoiler.readerPage ?? 0} of ${spoiler.page}`;
}
