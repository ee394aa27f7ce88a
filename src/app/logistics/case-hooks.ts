import type { CaseCommand, ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { recordDutyClaims } from "./duty-ledger.ts";

/** Logistics records that follow a case command in its transaction: the duty ledger on receipt. */
export async function afterLogisticsCommand(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  cmd: CaseCommand,
  at: Date,
): Promise<void> {
  if (cmd.type === "receive") await recordDutyClaims(r, deps.ids, c, cmd.lines, cmd.locationId ?? null, at);
}
