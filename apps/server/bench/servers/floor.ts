// The hand-written floor: the SQL of `meetings.get` and `progress.update`, sent with postgres.js
// from plain Fastify routes (no tRPC, no Drizzle, no superjson, no plugins). What tRPC costs is
// measured against this. Same token check, same statements, same answers.
// Run by the bench as a child process: PORT, DATABASE_URL, DATABASE_POOL_MAX, JWT_SECRET.
import { judgeProgress, percentRead } from "@booky/domain";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import postgres from "postgres";
import { createAccessTokens } from "../../src/services/tokens.js";

const env = process.env;
const sql = postgres(env.DATABASE_URL as string, {
  max: Number(env.DATABASE_POOL_MAX ?? 10),
  onnotice: () => {},
  // Rows come back with camelCase keys, as Drizzle maps them: the floor answers in Booky's shape.
  transform: postgres.camel,
  connection: { application_name: "booky-floor" },
});
const tokens = createAccessTokens({
  secret: env.JWT_SECRET as string,
  issuer: "booky",
  audience: "booky-web",
  ttlSeconds: 600,
});

interface MeetingRow {
  id: string;
  clubId: string;
  bookId: string;
  status: string;
  bookPageCount: number;
  visibility: "public" | "private";
  role: string | null;
  [column: string]: unknown;
}

/** The signed-in user, as `authenticated` in trpc.ts proves it: token, then one session join. */
async function signedInUser(request: FastifyRequest) {
  const header = request.headers.authorization;
  const claims = header?.startsWith("Bearer ") ? await tokens.verify(header.slice(7)) : null;
  if (!claims) return null;
  const [user] = await sql`
    select u.id, u.email, u.username, u.display_name, u.bio, u.avatar_url, u.role, u.created_at
    from sessions s join users u on u.id = s.user_id
    where s.id = ${claims.sessionId} and s.user_id = ${claims.userId} and s.revoked_at is null
      and s.expires_at > now() and u.deleted_at is null`;
  return user ?? null;
}

/** The meeting, its club's visibility and the caller's role: `findMeetingWithRole`. */
async function meetingWithRole(meetingId: string, userId: string) {
  const [row] = await sql<MeetingRow[]>`
    select m.*, c.visibility, cm.role from meetings m join clubs c on c.id = m.club_id
    left join club_members cm on cm.club_id = m.club_id and cm.user_id = ${userId}
    where m.id = ${meetingId}`;
  return row ?? null;
}

function fail(reply: FastifyReply, status: number, message: string, current?: unknown) {
  return reply.code(status).send({ error: { message, current } });
}

const app = Fastify({ logger: false });

app.get("/ping", async () => ({ ok: true }));

app.get<{ Querystring: { meetingId: string } }>("/meetings.get", async (request, reply) => {
  const user = await signedInUser(request);
  if (!user) return fail(reply, 401, "Sign in to continue");
  const meeting = await meetingWithRole(request.query.meetingId, user.id);
  if (!meeting) return fail(reply, 404, "No such meeting");
  if (meeting.visibility === "private" && !meeting.role) return fail(reply, 403, "Join this club");
  // The book, the kept answer counts and the caller's answer in one statement, as meetings.get does.
  const [summary] = await sql`
    select b.id, b.title, b.subtitle, b.authors, b.cover_url, b.page_count, b.isbn13,
      c.going, c.interested, c.not_going, r.status as my_status, r.attended as my_attended,
      r.racing as my_racing, (select betting_enabled from clubs where id = ${meeting.clubId}) as betting_enabled
    from books b
      left join meeting_rsvp_counts c on c.meeting_id = ${meeting.id}
      left join meeting_rsvps r on r.meeting_id = ${meeting.id} and r.user_id = ${user.id}
    where b.id = ${meeting.bookId}`;
  const {
    going = 0,
    interested = 0,
    notGoing = 0,
    myStatus,
    myAttended,
    myRacing,
    bettingEnabled = true,
    ...book
  } = summary ?? {};
  const rsvpCounts = { going, interested, not_going: notGoing };
  const myRsvp = myStatus ? { status: myStatus, attended: myAttended, racing: myRacing ?? true } : null;
  // The reminder stamp is the job's bookkeeping: meetings.get's output contract leaves it out.
  const { visibility: _visibility, role, remindedAt: _remindedAt, ...fields } = meeting;
  return { ...fields, book: summary ? book : null, myRole: role, myRsvp, rsvpCounts, bettingEnabled };
});

interface ProgressBody {
  meetingId: string;
  page: number;
  expectedVersion: number;
  correction?: boolean;
}

app.post<{ Body: ProgressBody }>("/progress.update", async (request, reply) => {
  const input = request.body;
  const user = await signedInUser(request);
  if (!user) return fail(reply, 401, "Sign in to continue");
  const meeting = await meetingWithRole(input.meetingId, user.id);
  if (!meeting) return fail(reply, 404, "No such meeting");
  if (!meeting.role) return fail(reply, 403, "Only club members can do this");
  if (meeting.status !== "scheduled" && meeting.status !== "active") return fail(reply, 409, "Progress is closed");
  const outcome = await sql.begin(async (tx) => {
    const [rsvp] = await tx`select status from meeting_rsvps where meeting_id = ${meeting.id} and user_id = ${user.id}`;
    if (rsvp?.status !== "going") return { status: 403, message: "Only attendees report progress" } as const;
    const [current] = await tx`select page, version, finished_at, updated_at from reading_progress
      where meeting_id = ${meeting.id} and user_id = ${user.id}`;
    if ((current?.version ?? 0) !== input.expectedVersion) {
      return { status: 409, message: "Stale version", current: current ?? null } as const;
    }
    const verdict = judgeProgress({
      current: current?.page ?? null,
      next: input.page,
      pageCount: meeting.bookPageCount,
      correction: input.correction ?? false,
    });
    if (!verdict.ok) return { status: 400, message: verdict.message } as const;
    const finishedAt = verdict.finished ? (current?.finishedAt ?? new Date()) : null;
    const [saved] = current
      ? await tx`update reading_progress set page = ${verdict.page}, finished_at = ${finishedAt},
            version = version + 1, updated_at = now()
          where meeting_id = ${meeting.id} and user_id = ${user.id} and version = ${input.expectedVersion}
          returning page, version, finished_at, updated_at`
      : await tx`insert into reading_progress (meeting_id, user_id, page, finished_at)
          values (${meeting.id}, ${user.id}, ${verdict.page}, ${finishedAt}) on conflict do nothing
          returning page, version, finished_at, updated_at`;
    if (!saved) return { status: 409, message: "Stale version", current: null } as const;
    await tx`insert into reading_progress_history (meeting_id, user_id, page, correction)
      values (${meeting.id}, ${user.id}, ${verdict.page}, ${current !== undefined && verdict.page < current.page})`;
    return { status: 200, saved } as const;
  });
  // Echoed like Booky does, so the bench knows whose report this answers.
  reply.header("x-request-id", request.headers["x-request-id"]);
  if (outcome.status !== 200) {
    return fail(reply, outcome.status, outcome.message, "current" in outcome ? outcome.current : undefined);
  }
  const { saved } = outcome;
  return {
    page: saved.page,
    version: saved.version,
    finishedAt: saved.finishedAt,
    updatedAt: saved.updatedAt,
    percent: percentRead(saved.page, meeting.bookPageCount),
    finished: saved.finishedAt !== null,
  };
});

await app.listen({ host: "127.0.0.1", port: Number(env.PORT ?? 0) });
const address = app.server.address();
console.log(JSON.stringify({ listening: typeof address === "object" && address ? address.port : null }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await app.close();
    await sql.end({ timeout: 2 });
    process.exit(0);
  });
}
