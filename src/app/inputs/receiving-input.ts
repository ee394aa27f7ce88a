import { z } from "zod";

const code = z.string().trim().min(1, "must not be empty").max(200);

/** GET /api/v1/receiving/lookup: what the station scanned. */
export const lookupQuery = z.strictObject({ code });

/** POST /api/v1/blind-receipts: a parcel without an RMA, parked with what is in it. */
export const parkBody = z.strictObject({
  locationCode: z.string().trim().min(1).max(100).optional(),
  /** What was scanned on the parcel (label, tracking, order number), if anything. */
  scannedCode: code.optional(),
  items: z
    .array(
      z.strictObject({
        /** The item's barcode (GTIN) or SKU as scanned or typed. */
        code,
        quantity: z.int().min(1, "must be at least 1").max(10_000),
        description: z.string().trim().min(1).max(500).nullish(),
      }),
    )
    .min(1, "list at least one item found in the parcel")
    .max(200),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ParkBody = z.infer<typeof parkBody>;

export const blindListQuery = z.strictObject({
  status: z.enum(["parked", "matched"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** POST /api/v1/blind-receipts/{id}/match: the case the parcel belongs to, by id or RMA number. */
export const matchBody = z
  .strictObject({
    caseId: z.uuid().optional(),
    caseNumber: z.string().trim().min(1).max(40).optional(),
  })
  .refine((b) => (b.caseId === undefined) !== (b.caseNumber === undefined), {
    message: "give either caseId or caseNumber",
    path: ["caseId"],
  });
