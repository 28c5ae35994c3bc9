import { Link } from "react-router";
import { PageTitle } from "../components/ui";

export function NotFoundPage() {
  return (
    <div className="py-12 text-center">
      <PageTitle subtitle="This page is not on any of our shelves.">Page not found</PageTitle>
      <Link to="/" className="font-semibold text-brand-700 underline dark:text-brand-500">
        Back to the home page
      </Link>
    </div>
  );
}
