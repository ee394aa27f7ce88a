import { createReturn } from "../../src/app/create-return.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import type { Actor } from "../../src/domain/actor.ts";

export const AGENT: Actor = { kind: "agent", id: "agent-1", name: "Agent One" };

/** A return of one unit of line L1 of the order, opened by an agent through the use case: its id. */
export async function agentReturn(deps: Deps, merchantId: string, orderExternalId: string): Promise<string> {
  const made = await createReturn(
    deps,
    merchantId,
    {
      orderExternalId,
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
      source: "agent",
    },
    AGENT,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  return made.value.id;
}
