import { useEffect } from "react";

/**
 * The tab's title while the page is shown. The server sends each public
 * page's title with its HTML (for shared links); this keeps it right when the
 * app moves between pages without loading one.
 */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = title ? `${title} · Booky` : "Booky";
    return () => {
      document.title = before;
    };
  }, [title]);
}
