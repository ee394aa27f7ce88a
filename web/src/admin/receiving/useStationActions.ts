import type { ViewLine } from "./ParcelPanel.tsx";
import { newKey, type QueuedAction } from "./queue.ts";
import type { Disposition, Grade, ParkedItem, ReceivingCase } from "./types.ts";

type Say = (id: string, values: Record<string, string | number>, tone: "ok" | "bad" | "info") => void;

/**
 * What the station's buttons and scans do to a return: each is one queued API command (receive,
 * exception, inspect, park) with its own idempotency key, at the station's location.
 */
export function stationActions(enqueue: (a: QueuedAction) => void, location: string, say: Say) {
  const at = location ? { locationCode: location } : {};
  const caseAction = (
    c: ReceivingCase,
    kind: "receive" | "exception" | "inspect",
    body: object,
    lineId: string | null,
    label: string,
  ) =>
    enqueue({
      key: newKey(),
      kind,
      path: `/returns/${c.id}/${kind === "inspect" ? "inspect" : "receive"}`,
      body: { ...at, ...body },
      caseId: c.id,
      lineId,
      units: kind === "exception" ? 0 : 1,
      label,
    });
  return {
    receiveOne(c: ReceivingCase, l: ViewLine) {
      caseAction(c, "receive", { lines: [{ lineId: l.id, quantity: 1 }] }, l.id, l.sku);
      say("receiving.scan.ticked", { title: l.title, received: l.received + 1, approved: l.approved }, "ok");
    },
    exception(c: ReceivingCase, kind: "wrong_item" | "extra", code: string, l: ViewLine | null) {
      const x = { kind, quantity: 1, note: code, ...(l ? { lineId: l.id } : {}) };
      caseAction(c, "exception", { lines: [], exceptions: [x] }, l?.id ?? null, code);
      say(kind === "extra" ? "receiving.scan.extra" : "receiving.scan.wrongRecorded", { code }, "bad");
    },
    markShort(c: ReceivingCase, lines: readonly ViewLine[], label: string) {
      const short = lines
        .filter((l) => l.expected > 0)
        .map((l) => ({ kind: "short", lineId: l.id, quantity: l.expected }));
      caseAction(c, "exception", { lines: [], exceptions: short }, null, label);
      say("receiving.exception.shortRecorded", { count: short.reduce((s, x) => s + x.quantity, 0) }, "bad");
    },
    grade(
      c: ReceivingCase,
      l: ViewLine,
      g: { grade: Grade; disposition: Disposition; outcome: "accepted" | "refused" },
      dispositionName: string,
    ) {
      const line = {
        lineId: l.id,
        quantity: 1,
        outcome: g.outcome,
        condition: g.grade,
        disposition: g.disposition,
      };
      caseAction(c, "inspect", { lines: [line] }, l.id, l.sku);
      say("receiving.grade.saved", { title: l.title, disposition: dispositionName }, "ok");
    },
    park(items: readonly ParkedItem[], scannedCode: string | null, note: string) {
      enqueue({
        key: newKey(),
        kind: "park",
        path: "/blind-receipts",
        body: {
          ...at,
          items,
          ...(scannedCode ? { scannedCode } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        caseId: null,
        lineId: null,
        units: 0,
        label: items.map((x) => x.code).join(", "),
      });
      say("receiving.blind.queued", {}, "ok");
    },
  };
}
