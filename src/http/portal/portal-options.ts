import { portalSigningKey } from "../../app/portal/session-token.ts";
import type { Deps } from "../../app/ports/index.ts";

/** A security event (blocked brute force, …): one JSON line, whatever the request logging. */
export type SecurityLog = (event: Readonly<Record<string, unknown>>) => void;

export const stderrSecurityLog: SecurityLog = (event) =>
  process.stderr.write(`${JSON.stringify({ level: "warn", time: new Date().toISOString(), ...event })}\n`);

export interface PortalOptions {
  readonly key: () => Promise<string>;
  readonly securityLog: SecurityLog;
}

export function portalOptions(
  deps: Deps,
  secret: string | null | undefined,
  log?: SecurityLog,
): PortalOptions {
  return { key: () => portalSigningKey(deps, secret), securityLog: log ?? stderrSecurityLog };
}

/** Per-address limits of the portal's routes (on top of the failed-lookup limits of the use case). */
export const PORTAL_RATE = {
  lookup: { max: 30, timeWindow: 60_000 },
  read: { max: 300, timeWindow: 60_000 },
  write: { max: 60, timeWindow: 60_000 },
  upload: { max: 30, timeWindow: 60_000 },
  /** The returns assistant: a question every few seconds is plenty for a person. */
  assistant: { max: 20, timeWindow: 60_000 },
} as const;
