// Generated from docs/openapi.json by openapi-typescript: do not edit.
// Regenerate with `pnpm --filter @booky/client generate` after `pnpm --filter @booky/server openapi`.
export interface paths {
  "/meetings/{meetingId}/bets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The betting pool: a page of horses with odds, my bet, the outcome */
    get: operations["bets-forMeeting"];
    put?: never;
    /** Stake points on an attendee finishing first */
    post: operations["bets-place"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/books/{bookId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A catalog book */
    get: operations["books-get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/clubs/{clubId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A club, by id or slug */
    get: operations["clubs-get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/clubs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Clubs, newest first */
    get: operations["clubs-list"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/clubs/{clubId}/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A club's members, owner and admins first */
    get: operations["clubs-members"];
    put?: never;
    /** Join a public club */
    post: operations["clubs-join"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/leaderboards/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members by score: global, a club's or friends' */
    get: operations["leaderboards-users"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/leaderboards/clubs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Clubs by club score */
    get: operations["leaderboards-clubs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/meetings/{meetingId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A meeting with its book and RSVP counts */
    get: operations["meetings-get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/clubs/{clubId}/meetings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A club's meetings to come or past */
    get: operations["meetings-listForClub"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/meetings/{meetingId}/rsvp": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a meeting: going, interested or not going; racing or reading without racing */
    post: operations["meetings-rsvp"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/points/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My points balance and scores */
    get: operations["points-balance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/points/ledger": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every change to my balance, newest first */
    get: operations["points-ledger"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/meetings/{meetingId}/progress": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every attendee's progress, first finishers first */
    get: operations["progress-forMeeting"];
    put?: never;
    /** Report the page reached */
    post: operations["progress-update"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/meetings/{meetingId}/racing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Race, or read without racing */
    post: operations["progress-setRacing"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/meetings/{meetingId}/progress/mine": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My progress in a meeting's book */
    get: operations["progress-get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/users/{username}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's public profile */
    get: operations["users-get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * Invalid input data error (400)
     * @description The error information
     * @example {
     *       "code": "BAD_REQUEST",
     *       "message": "Invalid input data",
     *       "issues": []
     *     }
     */
    "error.BAD_REQUEST": {
      /**
       * @description The error message
       * @example Invalid input data
       */
      message: string;
      /**
       * @description The error code
       * @example BAD_REQUEST
       */
      code: string;
      /**
       * @description An array of issues that were responsible for the error
       * @example []
       */
      issues?: {
        message: string;
      }[];
    };
    /**
     * Authorization not provided error (401)
     * @description The error information
     * @example {
     *       "code": "UNAUTHORIZED",
     *       "message": "Authorization not provided",
     *       "issues": []
     *     }
     */
    "error.UNAUTHORIZED": {
      /**
       * @description The error message
       * @example Authorization not provided
       */
      message: string;
      /**
       * @description The error code
       * @example UNAUTHORIZED
       */
      code: string;
      /**
       * @description An array of issues that were responsible for the error
       * @example []
       */
      issues?: {
        message: string;
      }[];
    };
    /**
     * Insufficient access error (403)
     * @description The error information
     * @example {
     *       "code": "FORBIDDEN",
     *       "message": "Insufficient access",
     *       "issues": []
     *     }
     */
    "error.FORBIDDEN": {
      /**
       * @description The error message
       * @example Insufficient access
       */
      message: string;
      /**
       * @description The error code
       * @example FORBIDDEN
       */
      code: string;
      /**
       * @description An array of issues that were responsible for the error
       * @example []
       */
      issues?: {
        message: string;
      }[];
    };
    /**
     * Internal server error error (500)
     * @description The error information
     * @example {
     *       "code": "INTERNAL_SERVER_ERROR",
     *       "message": "Internal server error",
     *       "issues": []
     *     }
     */
    "error.INTERNAL_SERVER_ERROR": {
      /**
       * @description The error message
       * @example Internal server error
       */
      message: string;
      /**
       * @description The error code
       * @example INTERNAL_SERVER_ERROR
       */
      code: string;
      /**
       * @description An array of issues that were responsible for the error
       * @example []
       */
      issues?: {
        message: string;
      }[];
    };
    /**
     * Not found error (404)
     * @description The error information
     * @example {
     *       "code": "NOT_FOUND",
     *       "message": "Not found",
     *       "issues": []
     *     }
     */
    "error.NOT_FOUND": {
      /**
       * @description The error message
       * @example Not found
       */
      message: string;
      /**
       * @description The error code
       * @example NOT_FOUND
       */
      code: string;
      /**
       * @description An array of issues that were responsible for the error
       * @example []
       */
      issues?: {
        message: string;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  "bets-forMeeting": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
        search?: string;
      };
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            pool: number;
            open: boolean;
            myBet: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              meetingId: string;
              /** Format: uuid */
              userId: string;
              /** Format: uuid */
              horseId: string;
              stake: number;
              /** @enum {string} */
              status: "open" | "won" | "lost" | "refunded" | "cancelled";
              payout: number | null;
              placedAt: string;
              settledAt: string | null;
              horse: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                bio: string;
                avatarUrl: string | null;
                createdAt: string;
              };
            } | null;
            settlement: {
              /** Format: uuid */
              meetingId: string;
              /** @enum {string} */
              kind: "paid" | "refunded";
              pool: number;
              winnerIds: string[];
              finishers: number;
              attendees: number;
              settledAt: string;
            } | null;
            winners: {
              /** Format: uuid */
              id: string;
              username: string;
              displayName: string;
              bio: string;
              avatarUrl: string | null;
              createdAt: string;
            }[];
            horses: {
              horse: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                bio: string;
                avatarUrl: string | null;
                createdAt: string;
              };
              stake: number;
              backers: number;
              odds: number | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "bets-place": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          horseId: string;
          stake: number;
        };
      };
    };
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            meetingId: string;
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            horseId: string;
            stake: number;
            /** @enum {string} */
            status: "open" | "won" | "lost" | "refunded" | "cancelled";
            payout: number | null;
            placedAt: string;
            settledAt: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "books-get": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        bookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            isbn13: string | null;
            googleVolumeId: string | null;
            title: string;
            subtitle: string | null;
            authors: string[];
            publisher: string | null;
            publishedDate: string | null;
            pageCount: number | null;
            language: string | null;
            coverUrl: string | null;
            description: string | null;
            subjects: string[];
            createdAt: string;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "clubs-get": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The club's id or its slug */
        clubId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json":
            | {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
                description: string;
                /** @enum {string} */
                category:
                  | "fiction"
                  | "non_fiction"
                  | "classics"
                  | "mystery"
                  | "sci_fi_fantasy"
                  | "romance"
                  | "history"
                  | "science"
                  | "poetry"
                  | "young_adult"
                  | "other";
                /** @enum {string} */
                visibility: "public" | "private";
                isOnline: boolean;
                location: string | null;
                memberCount: number;
                memberLimit: number;
                timeZone: string;
                bettingEnabled: boolean;
                archivedAt: string | null;
                createdAt: string;
                /** @constant */
                access: "full";
                myRole: ("member" | "admin" | "owner") | null;
                /** Format: uuid */
                ownerId: string;
              }
            | {
                /** Format: uuid */
                id: string;
                slug: string;
                name: string;
                description: string;
                /** @enum {string} */
                visibility: "public" | "private";
                /** @enum {string} */
                category:
                  | "fiction"
                  | "non_fiction"
                  | "classics"
                  | "mystery"
                  | "sci_fi_fantasy"
                  | "romance"
                  | "history"
                  | "science"
                  | "poetry"
                  | "young_adult"
                  | "other";
                /** @constant */
                access: "limited";
                myRole: ("member" | "admin" | "owner") | null;
              };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "clubs-list": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
        search?: string;
        category?:
          | "fiction"
          | "non_fiction"
          | "classics"
          | "mystery"
          | "sci_fi_fantasy"
          | "romance"
          | "history"
          | "science"
          | "poetry"
          | "young_adult"
          | "other";
        visibility?: "public" | "private";
        isOnline?: boolean;
        mine?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: (
              | {
                  /** Format: uuid */
                  id: string;
                  slug: string;
                  name: string;
                  description: string;
                  /** @enum {string} */
                  category:
                    | "fiction"
                    | "non_fiction"
                    | "classics"
                    | "mystery"
                    | "sci_fi_fantasy"
                    | "romance"
                    | "history"
                    | "science"
                    | "poetry"
                    | "young_adult"
                    | "other";
                  /** @enum {string} */
                  visibility: "public" | "private";
                  isOnline: boolean;
                  location: string | null;
                  memberCount: number;
                  memberLimit: number;
                  timeZone: string;
                  bettingEnabled: boolean;
                  archivedAt: string | null;
                  createdAt: string;
                  /** @constant */
                  access: "full";
                  myRole: ("member" | "admin" | "owner") | null;
                }
              | {
                  /** Format: uuid */
                  id: string;
                  slug: string;
                  name: string;
                  description: string;
                  /** @enum {string} */
                  visibility: "public" | "private";
                  /** @enum {string} */
                  category:
                    | "fiction"
                    | "non_fiction"
                    | "classics"
                    | "mystery"
                    | "sci_fi_fantasy"
                    | "romance"
                    | "history"
                    | "science"
                    | "poetry"
                    | "young_adult"
                    | "other";
                  /** @constant */
                  access: "limited";
                  myRole: ("member" | "admin" | "owner") | null;
                }
            )[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "clubs-members": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
      };
      header?: never;
      path: {
        clubId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              /** @enum {string} */
              role: "member" | "admin" | "owner";
              joinedAt: string;
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                bio: string;
                avatarUrl: string | null;
                createdAt: string;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "clubs-join": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        clubId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            role: "member";
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "leaderboards-users": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
        scope?: "global" | "club" | "friends";
        clubId?: string;
        period?: "allTime" | "thisMonth";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              rank: number;
              score: number;
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                avatarUrl: string | null;
              };
            }[];
            nextCursor: string | null;
            me: {
              rank: number;
              score: number;
            };
            neighbours: {
              rank: number;
              score: number;
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                avatarUrl: string | null;
              };
            }[];
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "leaderboards-clubs": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
        period?: "allTime" | "thisMonth";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              rank: number;
              score: number;
              club: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
                memberCount: number;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "meetings-get": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clubId: string;
            /** Format: uuid */
            bookId: string;
            bookPageCount: number;
            startsAt: string;
            readingDeadline: string;
            timeZone: string;
            place: string | null;
            link: string | null;
            /** @enum {string} */
            status: "scheduled" | "active" | "closed" | "cancelled";
            /** Format: uuid */
            createdBy: string;
            startedAt: string | null;
            closedAt: string | null;
            cancelledAt: string | null;
            createdAt: string;
            updatedAt: string;
            book: {
              /** Format: uuid */
              id: string;
              title: string;
              subtitle: string | null;
              authors: string[];
              coverUrl: string | null;
              pageCount: number | null;
              isbn13: string | null;
            } | null;
            myRole: ("member" | "admin" | "owner") | null;
            myRsvp: {
              /** @enum {string} */
              status: "going" | "interested" | "not_going";
              attended: boolean | null;
              racing: boolean;
            } | null;
            bettingEnabled: boolean;
            rsvpCounts: {
              going: number;
              interested: number;
              not_going: number;
            };
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "meetings-listForClub": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
        when?: "upcoming" | "past";
      };
      header?: never;
      path: {
        clubId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              clubId: string;
              /** Format: uuid */
              bookId: string;
              bookPageCount: number;
              startsAt: string;
              readingDeadline: string;
              timeZone: string;
              place: string | null;
              link: string | null;
              /** @enum {string} */
              status: "scheduled" | "active" | "closed" | "cancelled";
              /** Format: uuid */
              createdBy: string;
              startedAt: string | null;
              closedAt: string | null;
              cancelledAt: string | null;
              createdAt: string;
              updatedAt: string;
              book: {
                /** Format: uuid */
                id: string;
                title: string;
                subtitle: string | null;
                authors: string[];
                coverUrl: string | null;
                pageCount: number | null;
                isbn13: string | null;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "meetings-rsvp": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          status: "going" | "interested" | "not_going";
          racing?: boolean;
        };
      };
    };
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            meetingId: string;
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            status: "going" | "interested" | "not_going";
            attended: boolean | null;
            racing: boolean;
            updatedAt: string;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "points-balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            balance: number;
            score: {
              allTime: number;
              thisMonth: number;
            };
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "points-ledger": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: {
              id: number;
              /** @enum {string} */
              kind: "grant" | "stake" | "payout" | "refund" | "finish_reward" | "attendance_reward";
              amount: number;
              createdAt: string;
              betId: string | null;
              meeting: {
                /** Format: uuid */
                id: string;
                bookTitle: string | null;
              } | null;
              horse: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
              } | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "progress-forMeeting": {
    parameters: {
      query?: {
        cursor?: string | null;
        limit?: number;
      };
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            bookPageCount: number;
            nextCursor: string | null;
            items: {
              page: number;
              finishedAt: string | null;
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                bio: string;
                avatarUrl: string | null;
                createdAt: string;
              };
              percent: number;
              finished: boolean;
              racing: boolean;
              revealed: boolean;
            }[];
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "progress-update": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          page?: number;
          finished?: boolean;
          expectedVersion: number;
          /** @default false */
          correction?: boolean;
        };
      };
    };
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            page: number;
            version: number;
            finishedAt: string | null;
            updatedAt: string | null;
            percent: number;
            finished: boolean;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "progress-setRacing": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          racing: boolean;
        };
      };
    };
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            meetingId: string;
            /** Format: uuid */
            userId: string;
            racing: boolean;
            refundedBets: number;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "progress-get": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            page: number;
            version: number;
            finishedAt: string | null;
            updatedAt: string | null;
            percent: number;
            finished: boolean;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Authorization not provided */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.UNAUTHORIZED"];
        };
      };
      /** @description Insufficient access */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.FORBIDDEN"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
  "users-get": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Successful response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            bio: string;
            avatarUrl: string | null;
            createdAt: string;
          };
        };
      };
      /** @description Invalid input data */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.BAD_REQUEST"];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.NOT_FOUND"];
        };
      };
      /** @description Internal server error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["error.INTERNAL_SERVER_ERROR"];
        };
      };
    };
  };
}
