/**
 * The demo community beyond the four documented accounts: members of the
 * demo clubs, each with a bio and an avatar (an SVG the web app serves from
 * `/demo-avatars/<username>.svg`, so a visitor's browser asks nobody else).
 */
export const demoMembers = [
  { username: "elena", displayName: "Elena Marchetti", bio: "Underlines in pencil, erases nothing." },
  { username: "farid", displayName: "Farid Haddad", bio: "Audiobooks on the bike, paper at night." },
  { username: "grace", displayName: "Grace Okafor", bio: "Will argue for the unreliable narrator." },
  { username: "hugo", displayName: "Hugo Lindqvist", bio: "Reads the last page first. Sorry." },
  { username: "ines", displayName: "Inês Carvalho", bio: "Poetry in the morning, crime after dark." },
  { username: "jonas", displayName: "Jonas Weber", bio: "Keeps a spreadsheet of every book since 2009." },
  { username: "kiko", displayName: "Kiko Tanaka", bio: "Translations, and the translators' notes." },
  { username: "lena", displayName: "Lena Novak", bio: "Library card is my most used card." },
  { username: "marco", displayName: "Marco Bianchi", bio: "Brings snacks; expects spoilers to be tagged." },
  { username: "nadia", displayName: "Nadia Rahman", bio: "Science fiction with real science, please." },
  { username: "oscar", displayName: "Oscar Dubois", bio: "Second-hand bookshops in every city I visit." },
  { username: "priya", displayName: "Priya Nair", bio: "Finishes every book, even the bad ones." },
  { username: "quinn", displayName: "Quinn O'Brien", bio: "Here for the discussions, stays for the bets." },
  { username: "rosa", displayName: "Rosa Jiménez", bio: "Reads the classics her teachers ruined." },
  { username: "sam", displayName: "Sam Whitfield", bio: "One chapter before bed. Two on Fridays." },
  { username: "tomas", displayName: "Tomás Herrera", bio: "Historical fiction and the history behind it." },
  { username: "uma", displayName: "Uma Shah", bio: "Margins full of questions." },
  { username: "viktor", displayName: "Viktor Petrov", bio: "Russian novels, unabridged, no regrets." },
  { username: "wren", displayName: "Wren Adeyemi", bio: "Short stories between long ones." },
  { username: "yusuf", displayName: "Yusuf Demir", bio: "Reading on the night bus since forever." },
] as const;

export const demoAvatarPath = (username: string) => `/demo-avatars/${username}.svg`;
