export interface LegalEntity {
  readonly id: string;
  /** The merchant's key for it (`PUT /legal-entities/{code}`); null for entities set up otherwise. */
  readonly code?: string | null;
  readonly name: string;
  readonly country: string;
  readonly vatNumber: string | null;
  readonly eoriNumber: string | null;
  readonly iossNumber: string | null;
  readonly address: Readonly<Record<string, string>>;
}

export interface Market {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly countries: string[];
  readonly currency: string;
  readonly languages: string[];
  readonly legalEntityId: string | null;
}

export interface Location {
  readonly id: string;
  readonly code: string;
  readonly kind: "warehouse" | "hub" | "vendor";
  readonly name: string;
  readonly country: string;
  readonly address: Readonly<Record<string, string>>;
}

export interface Vendor {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly returnLocationId: string | null;
}

export interface SetupRepo {
  insertLegalEntity(merchantId: string, e: LegalEntity): Promise<void>;
  insertMarket(merchantId: string, m: Market): Promise<void>;
  insertLocation(merchantId: string, l: Location): Promise<void>;
  insertVendor(merchantId: string, v: Vendor): Promise<void>;
  /** Creates or replaces the entity with this code (its id stays). */
  upsertLegalEntity(merchantId: string, e: LegalEntity & { readonly code: string }): Promise<LegalEntity>;
  /** Creates or replaces the market with this code (its id stays). */
  upsertMarket(merchantId: string, m: Market): Promise<Market>;
  legalEntities(merchantId: string): Promise<LegalEntity[]>;
  markets(merchantId: string): Promise<Market[]>;
  locations(merchantId: string): Promise<Location[]>;
  vendors(merchantId: string): Promise<Vendor[]>;
  locationByCode(merchantId: string, code: string): Promise<Location | null>;
}
