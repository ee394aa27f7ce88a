import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ApiError } from "../../shared/api.ts";
import { AdminLayout } from "../AdminLayout.tsx";
import { BlindReceiptForm } from "../receiving/BlindReceiptForm.tsx";
import { ChooseCase } from "../receiving/ChooseCase.tsx";
import { cachedLookup, cacheLookup, fromCommand } from "../receiving/lookups.ts";
import { cleanScan, lineOfScan, namesReturn } from "../receiving/match.ts";
import { ParcelPanel, type ViewLine } from "../receiving/ParcelPanel.tsx";
import { ParkedList } from "../receiving/ParkedList.tsx";
import { pendingUnits, type QueuedAction } from "../receiving/queue.ts";
import { ScanField } from "../receiving/ScanField.tsx";
import { StationBar } from "../receiving/StationBar.tsx";
import type { Lookup, ParkedItem, ReceivingCase } from "../receiving/types.ts";
import { stationActions } from "../receiving/useStationActions.ts";
import { useSyncQueue } from "../receiving/useSyncQueue.ts";
import { WrongItemPrompt } from "../receiving/WrongItemPrompt.tsx";
import type { ReturnCaseJson } from "../returns/types.ts";
import { useSession } from "../session.tsx";
import { useProblemText } from "../useForm.ts";

type Mode =
  | { readonly kind: "idle"; readonly notFound?: string }
  | { readonly kind: "choose"; readonly cases: readonly ReceivingCase[] }
  | { readonly kind: "case"; readonly kase: ReceivingCase }
  | { readonly kind: "blind"; readonly scannedCode: string | null };
type Said = { id: string; values: Record<string, string | number>; tone: "ok" | "bad" | "info" };

/**
 * The receiving station (tablet, keyboard-wedge scanner): scan a parcel's label, QR code, RMA or order
 * number; scan items to tick them off; grade each unit; record exceptions; park a parcel without a
 * return. Every change is queued with its idempotency key and sent in order, offline or not.
 */
export default function ReceivingPage() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { client, me, can } = useSession();
  const problemText = useProblemText();
  const scanRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [location, setLocation] = useState(() => localStorage.getItem("crossback.receiving.location") ?? "");
  const [said, setSaid] = useState<Said | null>(null);
  const [wrong, setWrong] = useState<string | null>(null);
  const [items, setItems] = useState<ParkedItem[]>([]);
  const [note, setNote] = useState("");
  const [refresh, setRefresh] = useState(0);
  const say = (id: string, values: Said["values"] = {}, tone: Said["tone"] = "info") =>
    setSaid({ id, values, tone });

  const onSent = useCallback((a: QueuedAction, res: unknown) => {
    if (a.kind === "park") {
      setRefresh((n) => n + 1);
      const number = (res as { number?: string } | null)?.number;
      if (number) setSaid({ id: "receiving.blind.parked", values: { number }, tone: "ok" });
    } else if (res)
      setMode((m) =>
        m.kind === "case" && m.kase.id === a.caseId
          ? { kind: "case", kase: fromCommand(res as ReturnCaseJson, m.kase) }
          : m,
      );
  }, []);
  const account = me?.account.id ?? "";
  const { queue, online, failures, enqueue, sync, dismissFailures } = useSyncQueue(
    client,
    `crossback.receiving.queue.${account}`,
    onSent,
  );
  const act = stationActions(enqueue, location, say);

  const kase = mode.kind === "case" ? mode.kase : null;
  // What the server has, plus what the queue has not sent yet.
  const lines: ViewLine[] = useMemo(
    () =>
      (kase?.lines ?? []).map((l) => {
        const got = pendingUnits(queue, l.id, "receive");
        return {
          ...l,
          received: l.received + got,
          expected: Math.max(0, l.expected - got),
          toGrade: Math.max(0, l.toInspect + got - pendingUnits(queue, l.id, "inspect")),
        };
      }),
    [kase, queue],
  );

  async function lookup(code: string) {
    setWrong(null);
    let found: Lookup | null = null;
    try {
      found = await client.merchant<Lookup>("GET", `/receiving/lookup?code=${encodeURIComponent(code)}`);
      cacheLookup(account, code, found);
    } catch (e) {
      found = cachedLookup(account, code);
      if (!found) {
        const offline = e instanceof ApiError && e.problem.status === 0;
        if (offline) say("receiving.scan.offline", {}, "bad");
        else setSaid({ id: "receiving.scan.problem", values: { problem: problemText(e) }, tone: "bad" });
        return;
      }
    }
    const [first] = found.cases;
    if (!first) {
      setMode({ kind: "idle", notFound: code });
      say("receiving.scan.notFound", { code }, "bad");
    } else if (found.cases.length > 1) {
      setMode({ kind: "choose", cases: found.cases });
      say("receiving.scan.several", { count: found.cases.length });
    } else openCase(first);
  }
  function openCase(c: ReceivingCase) {
    setMode({ kind: "case", kase: c });
    say("receiving.scan.opened", { number: c.number }, "ok");
    scanRef.current?.focus();
  }

  function onScan(raw: string) {
    const code = cleanScan(raw);
    if (!code) return;
    if (mode.kind === "blind") {
      const i = items.findIndex((x) => x.code === code);
      setItems(
        i >= 0
          ? items.map((x, j) => (j === i ? { ...x, quantity: x.quantity + 1 } : x))
          : [...items, { code, quantity: 1, description: null }],
      );
      return say("receiving.blind.added", { code }, "ok");
    }
    if (mode.kind === "case") {
      const l = lineOfScan(lines, code);
      if (l && l.expected > 0 && mode.kase.allowedCommands.includes("receive"))
        return act.receiveOne(mode.kase, l);
      if (l) return act.exception(mode.kase, "extra", code, l);
      if (!namesReturn(code)) {
        setWrong(code);
        return say("receiving.scan.wrongItem", { code }, "bad");
      }
    }
    void lookup(code);
  }
  const refocus = () => scanRef.current?.focus();

  useEffect(() => {
    if (location) localStorage.setItem("crossback.receiving.location", location);
    scanRef.current?.focus();
  }, [location]);

  const title = t("receiving.title");
  // The station works across the merchant's stock: not for a vendor account (its API refuses it).
  if (!can("returns:receive") || me?.account.role === "vendor")
    return (
      <AdminLayout title={title} current="receiving">
        <h1>{title}</h1>
        <p className="notice notice--bad">{t("problem.forbidden")}</p>
      </AdminLayout>
    );
  const scanLabel = `receiving.scan.${mode.kind === "case" ? "itemLabel" : mode.kind === "blind" ? "blindLabel" : "parcelLabel"}`;
  return (
    <AdminLayout title={title} current="receiving">
      <div className="station">
        <h1>{title}</h1>
        <StationBar
          client={client}
          location={location}
          setLocation={setLocation}
          sync={{ queue, online, failures, problemText, sync: () => void sync(), dismiss: dismissFailures }}
        />
        <ScanField label={t(scanLabel)} hint={t("receiving.scan.hint")} onScan={onScan} inputRef={scanRef} />
        <p className={`announce announce--${said?.tone ?? "info"}`} role="status" aria-live="polite">
          {said ? t(said.id, said.values) : ""}
        </p>
        {wrong && kase && (
          <WrongItemPrompt
            code={wrong}
            record={() => {
              act.exception(kase, "wrong_item", wrong, null);
              setWrong(null);
              refocus();
            }}
            ignore={() => {
              setWrong(null);
              refocus();
            }}
          />
        )}
        {mode.kind === "idle" && (
          <p className="button-row">
            <button
              type="button"
              className={mode.notFound ? "primary big" : "secondary big"}
              onClick={() => setMode({ kind: "blind", scannedCode: mode.notFound ?? null })}
            >
              <FormattedMessage id={mode.notFound ? "receiving.blind.start" : "receiving.blind.noLabel"} />
            </button>
          </p>
        )}
        {mode.kind === "choose" && <ChooseCase cases={mode.cases} open={openCase} />}
        {mode.kind === "case" && (
          <ParcelPanel
            kase={mode.kase}
            lines={lines}
            client={client}
            problemText={problemText}
            receiveOne={(l) => act.receiveOne(mode.kase, l)}
            markShort={() => act.markShort(mode.kase, lines, t("receiving.exception.shortLabel"))}
            grade={(l, g) => {
              act.grade(mode.kase, l, g, t(`disposition.${g.disposition}`));
              refocus();
            }}
            close={() => {
              setMode({ kind: "idle" });
              setSaid(null);
              refocus();
            }}
          />
        )}
        {mode.kind === "blind" && (
          <BlindReceiptForm
            scannedCode={mode.scannedCode}
            items={items}
            note={note}
            setItems={setItems}
            setNote={setNote}
            park={() => {
              act.park(items, mode.scannedCode, note);
              setItems([]);
              setNote("");
              setMode({ kind: "idle" });
            }}
            cancel={() => setMode({ kind: "idle" })}
          />
        )}
        <ParkedList
          client={client}
          refresh={refresh + (queue.length === 0 ? 0 : 1)}
          problemText={problemText}
          matched={(number, rma) => say("receiving.parked.matched", { number, rma }, "ok")}
        />
      </div>
    </AdminLayout>
  );
}
