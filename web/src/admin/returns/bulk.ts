import type { Client } from "../api.ts";

export interface BulkOutcome {
  readonly done: number;
  readonly failed: readonly { readonly number: string; readonly error: unknown }[];
}

/**
 * Runs one command on each selected case in turn, through the same API route as a single action (so
 * each is checked, recorded with the account as actor and idempotent); collects what was refused.
 */
export async function runBulk(
  client: Client,
  cases: readonly { id: string; number: string; version: number }[],
  command: "approve" | "reject",
  reason: string,
): Promise<BulkOutcome> {
  let done = 0;
  const failed: { number: string; error: unknown }[] = [];
  for (const c of cases) {
    try {
      await client.merchant("POST", `/returns/${c.id}/${command}`, {
        ...(reason ? { reason } : {}),
        expectedVersion: c.version,
      });
      done++;
    } catch (e) {
      failed.push({ number: c.number, error: e });
    }
  }
  return { done, failed };
}
