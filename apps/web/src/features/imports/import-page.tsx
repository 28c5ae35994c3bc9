import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { PagedListCard, Row } from "../../components/paged-list";
import { Alert, Button, Card, PageTitle, ProgressBar } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { download, uploadExport } from "./upload";

/** Import a Goodreads or StoryGraph export with live progress and its failed rows; export the library. */
export function ImportPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (chosen: File) => uploadExport(chosen),
    onSuccess: (started) => setImportId(started.id),
  });
  const progress = useQuery({
    ...trpc.imports.get.queryOptions({ importId: importId ?? "" }),
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data?.finishedAt ? false : 500),
  });
  const job = progress.data;
  const done = Boolean(job?.finishedAt);
  const failures = useInfiniteQuery({
    ...trpc.imports.failures.infiniteQueryOptions({ importId: importId ?? "", limit: 20 }, byCursor),
    enabled: done,
  });
  // The import changed the shelves and copies: what was cached of them is stale now.
  useEffect(() => {
    if (!done) return;
    void queryClient.invalidateQueries({ queryKey: trpc.shelves.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.copies.pathKey() });
  }, [done, queryClient, trpc]);
  const percent = job && job.totalRows > 0 ? Math.round((job.doneRows / job.totalRows) * 100) : 0;

  return (
    <div>
      <PageTitle subtitle="Bring your shelves from Goodreads or StoryGraph: their CSV export, as it is.">
        Import and export
      </PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-6">
          <Card title="Import a file">
            <form
              className="flex flex-col gap-3"
              onSubmit={(event) => {
                event.preventDefault();
                if (file) start.mutate(file);
              }}
            >
              <label htmlFor="import-file" className="text-sm font-medium">
                Export file (CSV)
              </label>
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                className="text-sm"
              />
              {start.isError && <Alert>{(start.error as Error).message}</Alert>}
              <Button type="submit" busy={start.isPending} disabled={!file}>
                Import
              </Button>
            </form>
          </Card>
          {job && (
            <Card title={done ? "Import finished" : "Importing…"}>
              <ProgressBar
                label="Import progress"
                percent={percent}
                valueText={`${job.doneRows} of ${job.totalRows} rows`}
              />
              <p className="mt-2 text-sm" data-testid="import-counts">
                {job.doneRows} of {job.totalRows} rows · {job.matched} matched · {job.created} added to the catalog ·{" "}
                {job.unchanged} already imported · {job.failed} failed
              </p>
              {done && (
                <p className="mt-2 text-sm">
                  <Link to="/shelves" className="underline">
                    See your shelves
                  </Link>
                </p>
              )}
            </Card>
          )}
          {done && job && job.failed > 0 && (
            <PagedListCard
              title="Rows that failed"
              label="Rows that failed"
              query={failures}
              moreLabel="Show more failed rows"
              footer={
                <Button
                  variant="secondary"
                  className="mt-3"
                  onClick={async () => {
                    const csv = await client.imports.failuresCsv.query({ importId: job.id });
                    download(csv.fileName, csv.csv, "text/csv");
                  }}
                >
                  Download failed rows (CSV)
                </Button>
              }
            >
              {(row) => (
                <Row key={row.id}>
                  <span>
                    Row {row.rowNumber}
                    {row.title ? `: ${row.title}` : ""}
                  </span>
                  <span className="text-sm text-red-800 dark:text-red-300">{row.reason}</span>
                </Row>
              )}
            </PagedListCard>
          )}
        </div>
        <Card title="Export your library">
          <p className="mb-3 text-sm">
            Everything you keep here: statuses, dates, ratings, reviews, shelves and copies.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={async () => {
                const exported = await client.imports.exportGoodreads.query();
                download(exported.fileName, exported.csv, "text/csv");
              }}
            >
              Export as Goodreads CSV
            </Button>
            <Button
              variant="secondary"
              onClick={async () => {
                const exported = await queryClient.fetchQuery(trpc.imports.exportJson.queryOptions());
                download("booky-library.json", JSON.stringify(exported, null, 2), "application/json");
              }}
            >
              Export as JSON
            </Button>
          </div>
        </Card>
      </div>
    </div>
  );
}
