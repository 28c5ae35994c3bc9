import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";
import { useTRPC } from "../../lib/trpc";
import { useLiveNotifications } from "./use-live-notifications";

/** The header's bell: the unread count, kept live by the notification stream. */
export function NotificationBell() {
  const trpc = useTRPC();
  useLiveNotifications();
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions());
  const count = unread.data?.count ?? 0;
  return (
    <NavLink
      to="/notifications"
      aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
      className="relative rounded-md px-3 py-2 hover:bg-stone-100 dark:hover:bg-stone-800"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          data-testid="unread-count"
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </NavLink>
  );
}
