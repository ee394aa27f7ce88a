import type { ReactNode } from "react";
import { href, navigate } from "./router.ts";

/** A real link (opens in a new tab, works without JS routing) that moves within the portal. */
export function Link({
  slug,
  to,
  query,
  children,
  className,
}: {
  slug: string;
  to: string;
  query?: Record<string, string>;
  children: ReactNode;
  className?: string;
}) {
  const url = href(slug, to, query);
  return (
    <a
      href={url}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(url);
      }}
    >
      {children}
    </a>
  );
}
