/** What an erasure changed (issue 8 point 13). */
export interface ErasureOutcome {
  readonly orderIds: readonly string[];
  readonly caseIds: readonly string[];
  /** Portal photos whose rows were removed: the stored files are wiped after the commit. */
  readonly photoKeys: readonly string[];
}

export interface ErasureRepo {
  /** The merchant's customer with this e-mail (as stored: trimmed, lower case). */
  customerByEmail(merchantId: string, email: string): Promise<string | null>;
  /** The customer's settlements still moving money (an erasure waits for them). */
  inFlight(
    merchantId: string,
    customerId: string,
    statuses: readonly string[],
  ): Promise<{ id: string; status: string }[]>;
  /**
   * Pseudonymises the customer's personal data on customers, orders, cases, events, shipments, credit
   * notes' documents, e-mails, webhook payloads, stored responses and portal photos; never ledger rows,
   * amounts or numbers.
   */
  pseudonymise(merchantId: string, customerId: string, email: string): Promise<ErasureOutcome>;
}
