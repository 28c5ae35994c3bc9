import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A volume as the Books API v1 returns it (the fields Booky reads, plus some it ignores). */
export interface FakeVolume {
  id: string;
  volumeInfo: Record<string, unknown>;
  /** What a search lists instead of `volumeInfo`: Google's list answers may be thinner than a volume's own page. */
  listedInfo?: Record<string, unknown>;
  /** ISBNs an `isbn:` search finds this volume by although its identifiers lack them (as Google does). */
  foundByIsbn?: string[];
}

export function fakeVolume(
  id: string,
  info: { title: string; authors?: string[]; isbn13?: string; isbn10?: string; pageCount?: number } & Record<
    string,
    unknown
  >,
): FakeVolume {
  const { isbn13, isbn10, ...rest } = info;
  const identifiers = [
    ...(isbn13 ? [{ type: "ISBN_13", identifier: isbn13 }] : []),
    ...(isbn10 ? [{ type: "ISBN_10", identifier: isbn10 }] : []),
    { type: "OTHER", identifier: `FAKE:${id}` },
  ];
  return {
    id,
    volumeInfo: {
      printType: "BOOK",
      imageLinks: {
        smallThumbnail: `http://books.google.com/books/content?id=${id}&printsec=frontcover&img=1&zoom=5`,
        thumbnail: `http://books.google.com/books/content?id=${id}&printsec=frontcover&img=1&zoom=1`,
      },
      industryIdentifiers: identifiers,
      ...rest,
    },
  };
}

/** Books the fake knows by default: real books, none of them in the tests' empty catalogs. */
export const defaultVolumes: FakeVolume[] = [
  fakeVolume("pirnsiVol01", {
    title: "Piranesi",
    authors: ["Susanna Clarke"],
    publisher: "Bloomsbury Publishing USA",
    publishedDate: "2020-09-15",
    pageCount: 272,
    isbn13: "9781635575637",
    language: "en",
    categories: ["Fiction / Fantasy / General"],
    description: "Piranesi lives in the House. Perhaps he always has.",
  }),
  fakeVolume("klaraSunV02", {
    title: "Klara and the Sun",
    subtitle: "A novel",
    authors: ["Kazuo Ishiguro"],
    publisher: "Knopf",
    publishedDate: "2021-03-02",
    pageCount: 307,
    isbn13: "9780593318171",
    language: "en",
    categories: ["Fiction / Literary"],
  }),
  fakeVolume("ministryV03", {
    title: "The Ministry for the Future",
    authors: ["Kim Stanley Robinson"],
    publisher: "Orbit",
    publishedDate: "2020-10-06",
    pageCount: 563,
    isbn13: "9780316300131",
    categories: ["Fiction / Science Fiction / General"],
  }),
  fakeVolume("hailMaryV04", {
    title: "Project Hail Mary",
    authors: ["Andy Weir"],
    publisher: "Ballantine Books",
    publishedDate: "2021-05-04",
    pageCount: 496,
    isbn13: "9780593135204",
    categories: ["Fiction / Science Fiction / Space Opera"],
  }),
  // Only an ISBN-10: the catalog stores it converted to ISBN-13 (9780441172719).
  fakeVolume("duneAceV005", {
    title: "Dune",
    authors: ["Frank Herbert"],
    publisher: "Ace Books",
    publishedDate: "1990",
    pageCount: 535,
    isbn10: "0441172717",
  }),
  // No ISBN and no page count: importable, but a meeting must give its pages.
  fakeVolume("noIsbnVol06", { title: "The Garden Notebook of Mrs. Hale", authors: ["Edith Hale"] }),
];

export type FakeMode =
  | { kind: "ok" }
  | { kind: "slow"; delayMs: number }
  | { kind: "status"; status: 429 | 500 | 503 }
  | { kind: "flaky"; failures: number; status: 429 | 500 | 503 }
  | { kind: "malformed-json" }
  | { kind: "malformed-shape" }
  | { kind: "down" };

function errorBody(code: number, message: string) {
  return {
    error: {
      code,
      message,
      errors: [{ message, domain: "global", reason: code === 429 ? "rateLimitExceeded" : "backendError" }],
    },
  };
}

function matches(volume: FakeVolume, q: string): boolean {
  const info = volume.volumeInfo as {
    title: string;
    authors?: string[];
    industryIdentifiers?: { identifier: string }[];
  };
  if (q.startsWith("isbn:")) {
    const wanted = q.slice(5);
    if (volume.foundByIsbn?.includes(wanted)) return true;
    return (info.industryIdentifiers ?? []).some(
      (id) =>
        id.identifier === wanted || (wanted.startsWith("978") && wanted.slice(3, 12) === id.identifier.slice(0, 9)),
    );
  }
  const authors = Array.isArray(info.authors) ? info.authors.join(" ") : String(info.authors ?? "");
  const haystack = `${info.title} ${authors}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * A local HTTP server answering like the Books API v1 (`/books/v1/volumes?q=`,
 * `/books/v1/volumes/{id}`, paging by `startIndex`/`maxResults`, JSON error
 * bodies), with switchable misbehaviour: slow answers, 429/5xx, malformed
 * payloads, or refusing connections altogether.
 */
export async function startFakeGoogleBooks(volumes: FakeVolume[] = defaultVolumes) {
  let mode: FakeMode = { kind: "ok" };
  const requests: { path: string; query: URLSearchParams }[] = [];
  const catalog = [...volumes];

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake");
    requests.push({ path: url.pathname, query: url.searchParams });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (mode.kind === "slow")
      await new Promise((resolve) => setTimeout(resolve, (mode as { delayMs: number }).delayMs));
    if (mode.kind === "status") return send(mode.status, errorBody(mode.status, "Backend Error"));
    if (mode.kind === "flaky" && mode.failures > 0) {
      mode = { ...mode, failures: mode.failures - 1 };
      return send(mode.status, errorBody(mode.status, "Backend Error"));
    }
    if (mode.kind === "malformed-json") return send(200, '{"kind": "books#volumes", "totalItems": 3, "items": [');
    if (mode.kind === "malformed-shape") return send(200, { kind: "books#volumes", totalItems: "many", items: "none" });

    const single = url.pathname.match(/^\/books\/v1\/volumes\/([^/]+)$/);
    if (single) {
      const volume = catalog.find((candidate) => candidate.id === decodeURIComponent(single[1] ?? ""));
      return volume
        ? send(200, { kind: "books#volume", id: volume.id, volumeInfo: volume.volumeInfo })
        : send(404, errorBody(404, "The volume ID could not be found."));
    }
    if (url.pathname !== "/books/v1/volumes") return send(404, errorBody(404, "Not Found"));
    const q = url.searchParams.get("q")?.trim() ?? "";
    if (!q) return send(400, errorBody(400, "Missing query."));
    const startIndex = Number(url.searchParams.get("startIndex") ?? 0);
    const maxResults = Math.min(40, Number(url.searchParams.get("maxResults") ?? 10));
    const found = catalog.filter((volume) => matches(volume, q));
    const page = found
      .slice(startIndex, startIndex + maxResults)
      .map((volume) => ({ kind: "books#volume", id: volume.id, volumeInfo: volume.listedInfo ?? volume.volumeInfo }));
    return send(200, { kind: "books#volumes", totalItems: found.length, ...(page.length ? { items: page } : {}) });
  }

  const server = createServer((request, response) => {
    if (mode.kind === "down") {
      request.socket.destroy();
      return;
    }
    answer(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Adds volumes (e.g. many matches for paging tests). */
    add: (...more: FakeVolume[]) => catalog.push(...more),
    setMode: (next: FakeMode) => {
      mode = next;
    },
    close,
  };
}

export type FakeGoogleBooks = Awaited<ReturnType<typeof startFakeGoogleBooks>>;
