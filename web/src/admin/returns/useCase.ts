import { useCallback, useEffect, useRef, useState } from "react";
import type { Client } from "../api.ts";
import type { CaseEventJson, CreditNoteJson, ReturnCaseJson } from "./types.ts";

export interface CaseData {
  readonly kase: ReturnCaseJson;
  readonly events: readonly CaseEventJson[];
  readonly creditNotes: readonly CreditNoteJson[];
}

/** A case with its events and credit notes, reloaded after every action taken on it. */
export function useCase(client: Client, id: string, onError: (e: unknown) => void) {
  const [data, setData] = useState<CaseData | null>(null);
  const report = useRef(onError);
  report.current = onError;
  const reload = useCallback(async () => {
    try {
      const [kase, events, notes] = await Promise.all([
        client.merchant<ReturnCaseJson>("GET", `/returns/${id}`),
        client.merchant<{ items: CaseEventJson[] }>("GET", `/returns/${id}/events`),
        client.merchant<{ items: CreditNoteJson[] }>("GET", `/credit-notes?caseId=${id}`),
      ]);
      setData({ kase, events: events.items, creditNotes: notes.items });
    } catch (e) {
      report.current(e);
    }
  }, [client, id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, reload };
}
