import { Link, useRouteError } from "react-router";
import { Alert, PageTitle } from "../components/ui";

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <PageTitle>Something went wrong</PageTitle>
      <Alert>This page failed to load. Reload to try again; if it keeps happening, tell us.</Alert>
      <Link to="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
        Back to the home page
      </Link>
    </main>
  );
}
