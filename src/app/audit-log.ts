/** One entry of the append-only audit log (issue 8 point 11). Never holds a request body. */
export interface AuditEntry {
  readonly id: string;
  readonly merchantId: string;
  readonly at: Date;
  readonly actor: { readonly kind: string; readonly id: string; readonly name: string };
  /** What kind of change: settings, provider_account, payout_details, payout_approval, export, api_key, erasure. */
  readonly action: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface AuditRepo {
  append(e: AuditEntry): Promise<void>;
  /** Newest first, at most `limit`, entries before `before` (a cursor: the last `at` seen). */
  list(merchantId: string, limit: number, before: Date | null): Promise<AuditEntry[]>;
}

const AUDITED: readonly (readonly [RegExp, string])[] = [
  [/^\/api\/v1\/settings\/payment-providers(\/.*)?$/, "provider_account"],
  [/^\/api\/v1\/settings\/platforms(\/.*)?$/, "platform_connection"],
  [/^\/api\/v1\/settings$/, "settings"],
  [/^\/api\/v1\/settlements\/[^/]+\/bank-account$/, "payout_details"],
  [/^\/api\/v1\/settlements\/[^/]+\/(approve|mark-paid)$/, "payout_approval"],
  [/^\/api\/v1\/payouts\/.*$/, "export"],
  [/^\/api\/v1\/customers\/([^/]+\/)?erasure$/, "erasure"],
  [/^\/api\/admin\/v1\/api-keys(\/.*)?$/, "api_key"],
];

/** The audit action of a state-changing request, or null when it is not audited. */
export function auditActionOf(method: string, path: string): string | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  for (const [re, action] of AUDITED) if (re.test(path)) return action;
  return null;
}
