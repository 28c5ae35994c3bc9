import { rowSchemas } from "@booky/db";

export const bookOutput = rowSchemas.books.pick({
  id: true,
  isbn13: true,
  googleVolumeId: true,
  title: true,
  subtitle: true,
  authors: true,
  publisher: true,
  publishedDate: true,
  pageCount: true,
  language: true,
  coverUrl: true,
  description: true,
  subjects: true,
  createdAt: true,
});
