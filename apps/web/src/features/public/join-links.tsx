import { Link, useLocation } from "react-router";
import { buttonClass } from "../../components/ui";

/** Where sign-up and log-in send a visitor afterwards: back to the page they were on. */
export function useBackHere(): string {
  const location = useLocation();
  return encodeURIComponent(`${location.pathname}${location.search}`);
}

/** "Sign up to join" and "Log in", both leading back to this page. */
export function JoinLinks({ label = "Sign up to join" }: { label?: string }) {
  const next = useBackHere();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link to={`/sign-up?next=${next}`} className={buttonClass("primary")}>
        {label}
      </Link>
      <Link to={`/log-in?next=${next}`} className="font-semibold text-brand-700 underline dark:text-brand-500">
        I have an account: log in
      </Link>
    </div>
  );
}
