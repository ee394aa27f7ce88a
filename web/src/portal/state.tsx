import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Boot } from "../shared/boot.ts";
import { type PortalApi, portalApi } from "./api.ts";
import type { Draft, PortalOrder } from "./types.ts";

interface PortalState {
  readonly boot: Boot;
  readonly slug: string;
  readonly api: PortalApi;
  readonly order: PortalOrder | null;
  setOrder(o: PortalOrder | null): void;
  readonly draft: Draft;
  setDraft(d: Draft): void;
}

const EMPTY: Draft = { lines: {}, resolution: "refund", replacementSku: null };
const KEY = "crossback-portal-draft";

function stored(slug: string): Draft {
  try {
    const raw = sessionStorage.getItem(`${KEY}:${slug}`);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Draft) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

const Ctx = createContext<PortalState | null>(null);

export function PortalProvider({ boot, slug, children }: { boot: Boot; slug: string; children: ReactNode }) {
  const api = useMemo(() => portalApi(boot.api, slug), [boot.api, slug]);
  const [order, setOrder] = useState<PortalOrder | null>(null);
  const [draft, setDraftState] = useState<Draft>(() => stored(slug));
  const setDraft = useCallback(
    (d: Draft) => {
      setDraftState(d);
      try {
        sessionStorage.setItem(`${KEY}:${slug}`, JSON.stringify(d));
      } catch {
        // private mode: the draft lives as long as the page
      }
    },
    [slug],
  );
  const value = useMemo(
    () => ({ boot, slug, api, order, setOrder, draft, setDraft }),
    [boot, slug, api, order, draft, setDraft],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePortal(): PortalState {
  const s = useContext(Ctx);
  if (!s) throw new Error("usePortal outside PortalProvider");
  return s;
}

export const emptyDraft = EMPTY;
