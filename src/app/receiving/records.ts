import type { Actor } from "../../domain/actor.ts";
import type { BlindReceiptStatus, ParkedItem } from "../../domain/receiving/blind-receipt.ts";

/** A parcel that arrived without an RMA anyone could find: parked at a location until matched to a case. */
export interface BlindReceipt {
  readonly id: string;
  readonly merchantId: string;
  /** BR-000001, numbered per merchant: written on the parcel while it waits. */
  readonly number: string;
  readonly locationId: string | null;
  /** What was scanned on the parcel (a label, tracking or order number), if anything. */
  readonly scannedCode: string | null;
  readonly items: readonly ParkedItem[];
  readonly note: string | null;
  readonly status: BlindReceiptStatus;
  readonly caseId: string | null;
  readonly parkedAt: Date;
  readonly parkedBy: Actor;
  readonly matchedAt: Date | null;
  readonly matchedBy: Actor | null;
}

export interface ReceivingRepo {
  nextBlindNumber(merchantId: string): Promise<number>;
  insertBlind(b: BlindReceipt): Promise<void>;
  /** The merchant's blind receipt, locked until the transaction ends when `lock` is set. */
  blind(merchantId: string, id: string, lock?: boolean): Promise<BlindReceipt | null>;
  listBlind(merchantId: string, q: { status?: BlindReceiptStatus; limit: number }): Promise<BlindReceipt[]>;
  markMatched(merchantId: string, id: string, caseId: string, at: Date, by: Actor): Promise<void>;
  /** The id of the merchant's case with this number (R-000123). */
  caseIdByNumber(merchantId: string, number: string): Promise<string | null>;
  /** Ids of the merchant's cases of an order, newest first. */
  caseIdsByOrder(merchantId: string, orderId: string): Promise<string[]>;
  /** Per SKU, the GTIN-14 the catalogue holds for it (SKUs without one are left out). */
  gtins(merchantId: string, skus: readonly string[]): Promise<Map<string, string>>;
  /** Per line of the case, the code of the location its units were last received at. */
  receiptLocations(merchantId: string, caseId: string): Promise<Map<string, string>>;
}

export interface ReceivingRepos {
  readonly receiving: ReceivingRepo;
}
