/** One issue of a `BAD_REQUEST`: the input field (`path`) and what is wrong with it. */
export interface BookyErrorIssue {
  path?: (string | number)[];
  message: string;
  [key: string]: unknown;
}

/**
 * Booky's stable error body: every REST error answers the HTTP status of its
 * code with this shape (docs/api.md, "Errors").
 */
export interface BookyErrorBody {
  code: string;
  message: string;
  issues?: BookyErrorIssue[];
  data?: {
    code?: string;
    httpStatus?: number;
    path?: string;
    /** `TOO_MANY_REQUESTS`: seconds to wait. */
    retryAfter?: number | null;
    /** A lost compare-and-set (`CONFLICT`): where the thing stands now. */
    current?: unknown;
    [key: string]: unknown;
  };
}

const isErrorBody = (value: unknown): value is BookyErrorBody =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as BookyErrorBody).code === "string" &&
  typeof (value as BookyErrorBody).message === "string";

/** A call Booky refused or failed: the HTTP status and Booky's error body, typed. */
export class BookyApiError extends Error {
  override readonly name = "BookyApiError";
  /** The HTTP status, e.g. 409. */
  readonly status: number;
  /** Booky's error code, e.g. `CONFLICT`, `FORBIDDEN`, `TOO_MANY_REQUESTS`. */
  readonly code: string;
  /** The whole error body as Booky sent it. */
  readonly body: BookyErrorBody;
  /** The server's request id (the `x-request-id` header), to quote in a bug report. */
  readonly requestId: string | null;

  constructor(status: number, body: BookyErrorBody, requestId: string | null) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.body = body;
    this.requestId = requestId;
  }

  /** `BAD_REQUEST`'s issues per input field (empty otherwise). */
  get issues(): BookyErrorIssue[] {
    return this.body.issues ?? [];
  }

  /** The error's details (`current` of a lost compare-and-set, `retryAfter` of a rate limit). */
  get data(): NonNullable<BookyErrorBody["data"]> {
    return this.body.data ?? {};
  }

  /** The error an answer stands for: Booky's body when it sent one, else one made from the status. */
  static async fromResponse(response: Response): Promise<BookyApiError> {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const requestId = response.headers.get("x-request-id");
    if (isErrorBody(body)) return new BookyApiError(response.status, body, requestId);
    const message = text.trim().slice(0, 200) || response.statusText || `HTTP ${response.status}`;
    return new BookyApiError(response.status, { code: `HTTP_${response.status}`, message }, requestId);
  }
}
