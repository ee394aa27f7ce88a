import { useEffect, useState } from "react";

const typing = (el: Element | null) =>
  !!el &&
  (["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) ||
    (el instanceof HTMLElement && el.isContentEditable));

/**
 * Keyboard shortcuts of the queue: j / k move to the next / previous case (focusing its link, Enter
 * opens it), x selects it for a bulk action, / jumps to the filters. Inactive while typing in a field.
 */
export function useQueueKeys(items: readonly { id: string }[], toggle: (id: string) => void): number {
  const [active, setActive] = useState(-1);
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    setShown(items);
    setActive(-1);
  }
  useEffect(() => {
    const focusRow = (i: number) =>
      document.querySelectorAll<HTMLAnchorElement>("table.queue a.case-link")[i]?.focus();
    function onKey(ev: KeyboardEvent) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey || typing(document.activeElement)) return;
      if (ev.key === "/") {
        ev.preventDefault();
        document.getElementById("filter-status")?.focus();
        return;
      }
      if (items.length === 0) return;
      if (ev.key === "j" || ev.key === "k") {
        const next = Math.min(items.length - 1, Math.max(0, active + (ev.key === "j" ? 1 : -1)));
        setActive(next);
        focusRow(next);
      } else if (ev.key === "x" && active >= 0) {
        const item = items[active];
        if (item) toggle(item.id);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, active, toggle]);
  return active;
}
