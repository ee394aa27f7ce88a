/** The merchant API's receiving JSON, as the station reads it (see the OpenAPI document, tag receiving). */
export interface ReceivingLine {
  readonly id: string;
  readonly sku: string;
  readonly gtin: string | null;
  readonly title: string;
  readonly approved: number;
  readonly received: number;
  readonly accepted: number;
  readonly refused: number;
  /** Units still expected in a parcel. */
  readonly expected: number;
  /** Units received and not yet graded. */
  readonly toInspect: number;
}

export interface ReceivingCase {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly orderExternalId: string;
  readonly allowedCommands: readonly string[];
  readonly lines: readonly ReceivingLine[];
}

export interface Lookup {
  readonly code: string;
  readonly matchedBy: "parcel" | "case_number" | "tracking" | "order" | "none";
  readonly cases: readonly ReceivingCase[];
}

export interface ParkedItem {
  readonly code: string;
  readonly quantity: number;
  readonly description: string | null;
}

export interface BlindReceipt {
  readonly id: string;
  readonly number: string;
  readonly status: "parked" | "matched";
  readonly location: string | null;
  readonly scannedCode: string | null;
  readonly items: readonly ParkedItem[];
  readonly note: string | null;
  readonly caseId: string | null;
  readonly parkedAt: string;
}

export interface LocationJson {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly active?: boolean;
}

/** The API's condition grades and dispositions (test/web/admin-catalogues.test.ts keeps them equal). */
export const GRADES = ["sealed", "like_new", "good", "damaged", "unusable", "unknown"] as const;
export type Grade = (typeof GRADES)[number];
export const DISPOSITIONS = [
  "restock",
  "restock_b_grade",
  "refurbish",
  "quarantine",
  "scrap",
  "return_to_vendor",
  "return_to_shopper",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The server's default disposition per grade (src/domain/case-logistics-commands.ts). */
export const DEFAULT_DISPOSITION: Readonly<Record<Grade, Disposition>> = {
  sealed: "restock",
  like_new: "restock",
  good: "restock_b_grade",
  damaged: "refurbish",
  unusable: "scrap",
  unknown: "quarantine",
};
