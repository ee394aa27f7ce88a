import type { ReactNode } from "react";
import { href, navigate } from "./router.ts";

/** A real link that moves within the back office without reloading. */
export function Link(props: {
  to: string;
  query?: Record<string, string>;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  const url = href(props.to, props.query);
  return (
    <a
      href={url}
      className={props.className}
      aria-current={props.current ? "page" : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(url);
      }}
    >
      {props.children}
    </a>
  );
}
