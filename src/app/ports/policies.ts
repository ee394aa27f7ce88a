import type { ExtenuatingEvent } from "../../domain/policy/extenuating-event.ts";

/** One saved version of a merchant return policy (its document is the public JSON, defaults applied). */
export interface StoredPolicy {
  readonly id: string;
  readonly version: number;
  readonly document: unknown;
  readonly createdAt: Date;
  readonly actorId: string;
}

export interface PolicyRepo {
  /** Serialises policy writes of one merchant until the transaction ends (overlap checks stay true). */
  lock(merchantId: string): Promise<void>;
  insert(merchantId: string, p: StoredPolicy): Promise<boolean>;
  get(merchantId: string, id: string, version?: number): Promise<StoredPolicy | null>;
  /** The latest version of every policy of the merchant. */
  latestAll(merchantId: string): Promise<StoredPolicy[]>;
  versions(merchantId: string, id: string): Promise<{ version: number; createdAt: Date; actorId: string }[]>;
}

export interface ExtenuatingEventRepo {
  /** Inserts or replaces the event with this id. */
  upsert(merchantId: string, e: ExtenuatingEvent, at: Date, actorId: string, rowId: string): Promise<void>;
  list(merchantId: string): Promise<ExtenuatingEvent[]>;
}
