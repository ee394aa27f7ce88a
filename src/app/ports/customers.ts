export interface Customer {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly locale: string | null;
  readonly timeZone: string | null;
}

export interface CustomerRepo {
  get(merchantId: string, id: string): Promise<Customer | null>;
  /** The customer with this e-mail, created when new (gift recipients get their own store credit). */
  ensure(
    merchantId: string,
    c: { email: string; name: string | null; locale: string | null },
    id: string,
    at: Date,
  ): Promise<Customer>;
}
