/** A photo a shopper uploaded in the portal; the bytes are in the PhotoStorage under `storageKey`. */
export interface PortalUpload {
  readonly id: string;
  readonly merchantId: string;
  readonly orderId: string;
  readonly caseId: string | null;
  readonly lineId: string | null;
  readonly storage: string;
  readonly storageKey: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: Date;
}

export interface PortalRepo {
  insertUpload(u: PortalUpload): Promise<void>;
  /** The order's uploads among `ids` (others are ignored). */
  uploads(merchantId: string, orderId: string, ids: readonly string[]): Promise<PortalUpload[]>;
  caseUploads(merchantId: string, caseId: string): Promise<PortalUpload[]>;
  uploadCount(merchantId: string, orderId: string): Promise<number>;
  linkUploads(ids: readonly string[], caseId: string, lineId: string): Promise<void>;
  recordLookup(l: {
    merchantId: string;
    orderNumber: string;
    ip: string;
    ok: boolean;
    at: Date;
  }): Promise<void>;
  /** Failed lookups since `since` from an address (any merchant), or for one order number of a merchant. */
  failedLookups(
    q: { ip: string } | { merchantId: string; orderNumber: string },
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }>;
  /** A secret of this installation, created with `create()` on first use (one value for every process). */
  secret(name: string, create: () => string, at: Date): Promise<string>;
  /** The secret if it was created (a check never creates one). */
  existingSecret(name: string): Promise<string | null>;
}
