import type { Sql } from "postgres";

/**
 * What a rejected fuzz call must not move, watched by PostgreSQL itself: a row
 * trigger on every base table of Booky's and graphile-worker's appends the
 * table's name to `fuzz_watch.writes` for each inserted, deleted or really
 * changed row (an update that leaves the row as it was is not a change), and a
 * statement trigger does for a truncate. The journal is written in the
 * writer's transaction, so a rolled-back write leaves nothing; draining it
 * after a call names exactly the tables that call changed. (Hashing every row
 * of every table after each of the fuzz's thousands of calls did the same in
 * minutes.)
 */
export async function watchWrites(sql: Sql) {
  const tables = await sql<{ name: string }[]>`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_schema in ('public', 'graphile_worker') and table_type = 'BASE TABLE' order by 1`;
  await sql.unsafe(`
    create schema if not exists fuzz_watch;
    create table if not exists fuzz_watch.writes (name text not null);
    create or replace function fuzz_watch.note() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old is not distinct from new then return null; end if;
      insert into fuzz_watch.writes (name) values (format('%I.%I', tg_table_schema, tg_table_name));
      return null;
    end $$;`);
  // Every table's two triggers in one statement: one round trip per server, not two hundred.
  await sql.unsafe(
    tables
      .map(
        ({ name }) => `
      create or replace trigger fuzz_watch_rows after insert or update or delete on ${name}
        for each row execute function fuzz_watch.note();
      create or replace trigger fuzz_watch_truncate after truncate on ${name}
        for each statement execute function fuzz_watch.note();`,
      )
      .join(""),
  );
  return {
    tables: tables.map(({ name }) => name),
    /** The tables written since the last drain (sorted, each once), and the journal emptied. */
    async drain(): Promise<string[]> {
      const rows = await sql<{ name: string }[]>`
        with gone as (delete from fuzz_watch.writes returning name) select distinct name from gone order by 1`;
      return rows.map(({ name }) => name);
    },
  };
}
