export interface StoreCreditLot {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly amount: number;
  readonly remaining: number;
  readonly expiresAt: Date | null;
  readonly caseId: string | null;
  readonly createdAt: Date;
}

export interface StoreCreditRepo {
  addLot(merchantId: string, lot: StoreCreditLot): Promise<void>;
  /** Live lots of the customer in a currency, the soonest to expire first (locked until the transaction ends). */
  liveLots(merchantId: string, customerId: string, currency: string, at: Date): Promise<StoreCreditLot[]>;
  setRemaining(lotId: string, remaining: number): Promise<void>;
  /** Lots past their expiry that still hold credit. */
  expiring(at: Date, limit: number): Promise<(StoreCreditLot & { merchantId: string })[]>;
  markExpired(lotId: string): Promise<void>;
  lots(merchantId: string, customerId: string): Promise<StoreCreditLot[]>;
}
