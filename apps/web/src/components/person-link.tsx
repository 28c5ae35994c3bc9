import { Link } from "react-router";

/** A member's name, linking to their profile. */
export function PersonLink({
  user,
  className = "font-medium hover:underline",
}: {
  user: { username: string; displayName: string };
  className?: string;
}) {
  return (
    <Link to={`/u/${user.username}`} className={className}>
      {user.displayName}
    </Link>
  );
}
