/** The return-case state machine as data: which command may run from which status, and where it can lead. */

export const CASE_STATUSES = [
  "requested",
  "needs_review",
  "approved",
  "rejected",
  "awaiting_shipment",
  "in_transit",
  "received",
  "inspected",
  "resolved",
  "closed",
  "cancelled",
  "expired",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_COMMANDS = [
  "approve",
  "reject",
  "review",
  "cancel",
  "ship",
  "receive",
  "inspect",
  "resolve",
  "close",
  "expire",
] as const;
export type CaseCommandType = (typeof CASE_COMMANDS)[number];

interface Transition {
  readonly from: readonly CaseStatus[];
  /** Possible targets; the command's data picks one (e.g. approve of a keep-it case stays `approved`). */
  readonly to: readonly CaseStatus[];
}

export const TRANSITIONS: Readonly<Record<CaseCommandType, Transition>> = {
  review: { from: ["requested"], to: ["needs_review"] },
  approve: { from: ["requested", "needs_review"], to: ["awaiting_shipment", "approved"] },
  reject: { from: ["requested", "needs_review"], to: ["rejected"] },
  ship: { from: ["awaiting_shipment", "in_transit"], to: ["in_transit"] },
  receive: { from: ["awaiting_shipment", "in_transit", "received", "inspected"], to: ["received"] },
  inspect: { from: ["received", "inspected"], to: ["inspected"] },
  resolve: { from: ["approved", "inspected", "resolved"], to: ["resolved"] },
  close: { from: ["resolved", "rejected"], to: ["closed"] },
  cancel: {
    from: ["requested", "needs_review", "approved", "awaiting_shipment", "in_transit"],
    to: ["cancelled"],
  },
  expire: { from: ["awaiting_shipment"], to: ["expired"] },
};

/** Statuses in which the case no longer holds any quantity of the order (it gave it back). */
export const RELEASING_STATUSES: readonly CaseStatus[] = ["cancelled", "rejected", "expired"];

/** Statuses that end the case: closed, or it gave its quantity back (nothing is owed or shipped any more). */
export const FINISHED_STATUSES: readonly CaseStatus[] = ["closed", ...RELEASING_STATUSES];

export function allowedCommands(status: CaseStatus): CaseCommandType[] {
  return CASE_COMMANDS.filter((c) => TRANSITIONS[c].from.includes(status));
}

export function canRun(command: CaseCommandType, status: CaseStatus): boolean {
  return TRANSITIONS[command].from.includes(status);
}

export function canReach(command: CaseCommandType, target: CaseStatus): boolean {
  return TRANSITIONS[command].to.includes(target);
}
