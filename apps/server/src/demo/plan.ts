import type { CLUB_CATEGORIES, ClubRoleName, ClubVisibility } from "@booky/domain";

/**
 * One demo meeting, at 19:00 in its club's zone `startsInDays` from today.
 * `startsInDays` < 0 is a past meeting (played out, closed, settled);
 * otherwise its reading deadline is `readingDays` before it starts. `progress` pairs a reader with the share of
 * the book read (1: finished; the first listed finishes first).
 */
export interface DemoMeeting {
  isbn13: string;
  startsInDays: number;
  readingDays: number;
  place: string | null;
  link: string | null;
  going: readonly string[];
  interested?: readonly string[];
  /** bettor, horse, stake */
  bets?: readonly (readonly [string, string, number])[];
  progress?: readonly (readonly [string, number])[];
  /** Answered "going" but did not come (past meetings). */
  absent?: readonly string[];
}

export interface DemoClub {
  slug: string;
  name: string;
  description: string;
  category: (typeof CLUB_CATEGORIES)[number];
  visibility: ClubVisibility;
  location: string | null;
  timeZone: string;
  owner: string;
  members: readonly (readonly [string, Exclude<ClubRoleName, "owner">])[];
  meetings: readonly DemoMeeting[];
}

export const demoClubs = [
  {
    slug: "thursday-classics-circle",
    name: "Thursday Classics Circle",
    description:
      "The books everyone pretends to have read, actually read. We meet every few weeks at a café near the station; newcomers welcome, spoilers tagged.",
    category: "classics",
    visibility: "public",
    location: "Caffè Mulassano, Turin",
    timeZone: "Europe/Rome",
    owner: "chiara",
    members: [
      ["ada", "admin"],
      ["bruno", "member"],
      ["dev", "member"],
      ["elena", "member"],
      ["farid", "member"],
      ["grace", "member"],
      ["hugo", "member"],
      ["ines", "member"],
      ["rosa", "member"],
      ["viktor", "member"],
    ],
    meetings: [
      {
        // Settled: dev finished first (bruno and dev backed him), chiara and grace finished too, hugo did not.
        isbn13: "9780142000670",
        startsInDays: -12,
        readingDays: 0,
        place: "Caffè Mulassano, Turin",
        link: null,
        going: ["chiara", "bruno", "dev", "grace", "hugo", "rosa"],
        bets: [
          ["bruno", "dev", 100],
          ["dev", "dev", 50],
          ["chiara", "chiara", 80],
          ["hugo", "grace", 60],
        ],
        progress: [
          ["dev", 1],
          ["chiara", 1],
          ["grace", 1],
          ["rosa", 1],
          ["bruno", 0.7],
          ["hugo", 0.4],
        ],
        absent: ["hugo"],
      },
      {
        // The race under way.
        isbn13: "9780060929879",
        startsInDays: 6,
        readingDays: 1,
        place: "Caffè Mulassano, Turin",
        link: null,
        going: ["chiara", "ada", "bruno", "dev", "elena", "farid", "viktor"],
        interested: ["ines"],
        bets: [
          ["bruno", "chiara", 120],
          ["ada", "elena", 80],
          ["dev", "dev", 150],
          ["elena", "elena", 60],
          ["farid", "chiara", 40],
        ],
        progress: [
          ["elena", 0.81],
          ["chiara", 0.64],
          ["dev", 0.35],
          ["ada", 0.52],
          ["bruno", 0.22],
          ["viktor", 0.1],
        ],
      },
      {
        isbn13: "9780143039952",
        startsInDays: 34,
        readingDays: 2,
        place: "Caffè Mulassano, Turin",
        link: null,
        going: ["chiara", "rosa"],
        interested: ["viktor", "ada"],
      },
    ],
  },
  {
    slug: "night-shift-sci-fi",
    name: "Night Shift Sci-Fi",
    description:
      "Online, late, and unashamedly nerdy: one science-fiction or fantasy novel a month, discussed on a video call after the kids are asleep.",
    category: "sci_fi_fantasy",
    visibility: "public",
    location: null,
    // Online across an ocean: members elsewhere see the club's clock beside their own.
    timeZone: "America/New_York",
    owner: "bruno",
    members: [
      ["dev", "admin"],
      ["ada", "member"],
      ["jonas", "member"],
      ["kiko", "member"],
      ["nadia", "member"],
      ["quinn", "member"],
      ["sam", "member"],
      ["yusuf", "member"],
    ],
    meetings: [
      {
        // Settled with nobody finishing: every bet was refunded; attendance still scores.
        isbn13: "9780385333849",
        startsInDays: -20,
        readingDays: 0,
        place: null,
        link: "https://meet.example.org/night-shift",
        going: ["bruno", "nadia", "quinn", "sam"],
        bets: [
          ["nadia", "nadia", 70],
          ["quinn", "sam", 30],
        ],
        progress: [
          ["nadia", 1],
          ["quinn", 1],
          ["sam", 0.6],
          ["bruno", 0.5],
        ],
      },
      {
        isbn13: "9780307265432",
        startsInDays: 12,
        readingDays: 1,
        place: null,
        link: "https://meet.example.org/night-shift",
        going: ["bruno", "dev", "kiko", "nadia", "yusuf"],
        bets: [
          ["kiko", "nadia", 50],
          ["yusuf", "yusuf", 25],
        ],
        progress: [
          ["nadia", 0.4],
          ["kiko", 0.18],
          ["bruno", 0.05],
        ],
      },
    ],
  },
  {
    slug: "quiet-margins",
    name: "Quiet Margins",
    description: "A small, private poetry circle. Members bring one poem each time, and we read a collection together.",
    category: "poetry",
    visibility: "private",
    location: "Ada's living room",
    timeZone: "Europe/London",
    owner: "ada",
    members: [
      ["chiara", "admin"],
      ["ines", "member"],
      ["lena", "member"],
      ["uma", "member"],
      ["wren", "member"],
    ],
    meetings: [
      {
        isbn13: "9780375751516",
        startsInDays: 9,
        readingDays: 0,
        place: "Ada's living room",
        link: null,
        going: ["ada", "chiara", "ines", "uma"],
        progress: [
          ["ines", 0.5],
          ["uma", 0.3],
        ],
      },
    ],
  },
] as const satisfies readonly DemoClub[];

/** Who is friends with whom (the first asked, the second accepted). */
export const demoFriendships = [
  ["bruno", "dev"],
  ["bruno", "chiara"],
  ["chiara", "ada"],
  ["dev", "ada"],
  ["ada", "elena"],
  ["bruno", "nadia"],
  ["chiara", "grace"],
  ["dev", "farid"],
  ["elena", "farid"],
  ["kiko", "yusuf"],
  ["oscar", "priya"],
  ["tomas", "marco"],
] as const;
