/** Who did something: recorded on every case event. */
export type ActorKind = "api_key" | "agent" | "staff" | "shopper" | "system" | "cli";

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
  readonly name?: string;
}

export const SYSTEM: Actor = { kind: "system", id: "crossback" };
