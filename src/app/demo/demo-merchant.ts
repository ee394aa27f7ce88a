import type { IdSource, LegalEntity, Location, Market, Repos, Vendor } from "../ports/index.ts";

/** The demo merchant's set-up: three legal entities, ten markets, a warehouse, return hubs and two marketplace vendors. */

export const DEMO_SLUG = "demo";
export const DEMO_NAME = "Northwind Apparel & Goods";

type EntityKey = "eu" | "uk" | "us";

const ENTITIES: readonly (Omit<LegalEntity, "id"> & { key: EntityKey })[] = [
  {
    key: "eu",
    name: "Northwind Apparel B.V.",
    country: "NL",
    vatNumber: "NL859912345B01",
    eoriNumber: "NL859912345",
    iossNumber: "IM5280012345",
    address: { line1: "Keizersgracht 123", postalCode: "1015 CJ", city: "Amsterdam", country: "NL" },
  },
  {
    key: "uk",
    name: "Northwind Apparel UK Ltd",
    country: "GB",
    vatNumber: "GB123456789",
    eoriNumber: "GB123456789000",
    iossNumber: null,
    address: { line1: "1 Long Acre", postalCode: "WC2E 9LH", city: "London", country: "GB" },
  },
  {
    key: "us",
    name: "Northwind Apparel Inc.",
    country: "US",
    vatNumber: null,
    eoriNumber: null,
    iossNumber: null,
    address: {
      line1: "600 Mission Street",
      postalCode: "94105",
      city: "San Francisco",
      region: "CA",
      country: "US",
    },
  },
];

const MARKETS: readonly (Omit<Market, "id" | "legalEntityId"> & { entity: EntityKey })[] = [
  {
    code: "eu",
    name: "European Union",
    countries: ["DE", "FR", "NL", "AT", "BE"],
    currency: "EUR",
    languages: ["de", "fr", "nl", "en"],
    entity: "eu",
  },
  { code: "uk", name: "United Kingdom", countries: ["GB"], currency: "GBP", languages: ["en"], entity: "uk" },
  {
    code: "us",
    name: "United States",
    countries: ["US"],
    currency: "USD",
    languages: ["en", "es"],
    entity: "us",
  },
  { code: "jp", name: "Japan", countries: ["JP"], currency: "JPY", languages: ["ja"], entity: "eu" },
  { code: "au", name: "Australia", countries: ["AU"], currency: "AUD", languages: ["en"], entity: "eu" },
  { code: "br", name: "Brazil", countries: ["BR"], currency: "BRL", languages: ["pt"], entity: "eu" },
  { code: "mx", name: "Mexico", countries: ["MX"], currency: "MXN", languages: ["es"], entity: "us" },
  { code: "kr", name: "South Korea", countries: ["KR"], currency: "KRW", languages: ["ko"], entity: "eu" },
];

const LOCATIONS: readonly Omit<Location, "id">[] = [
  {
    code: "NL-VENLO",
    kind: "warehouse",
    name: "Main warehouse Venlo",
    country: "NL",
    address: { line1: "Celsiusweg 20", postalCode: "5928 PR", city: "Venlo", country: "NL" },
  },
  {
    code: "GB-DAVENTRY",
    kind: "hub",
    name: "UK returns hub Daventry",
    country: "GB",
    address: { line1: "Unit 4, DIRFT", postalCode: "NN6 7GX", city: "Daventry", country: "GB" },
  },
  {
    code: "US-CA-ONTARIO",
    kind: "hub",
    name: "US returns hub Ontario, California",
    country: "US",
    address: {
      line1: "4200 E Airport Dr",
      postalCode: "91761",
      city: "Ontario",
      region: "CA",
      country: "US",
    },
  },
  {
    code: "JP-CHIBA",
    kind: "hub",
    name: "Japan returns hub Ichikawa",
    country: "JP",
    address: { line1: "2-1 Shiohama", postalCode: "272-0127", city: "Ichikawa", region: "12", country: "JP" },
  },
  {
    code: "AU-SYDNEY",
    kind: "hub",
    name: "Australia returns hub Sydney",
    country: "AU",
    address: { line1: "15 Bourke Rd", postalCode: "2020", city: "Mascot", region: "NSW", country: "AU" },
  },
  {
    code: "VND-KYOTO",
    kind: "vendor",
    name: "Kyoto Ceramics Studio",
    country: "JP",
    address: { line1: "3-12 Gojozaka", postalCode: "605-0846", city: "Kyoto", region: "26", country: "JP" },
  },
  {
    code: "VND-INNSBRUCK",
    kind: "vendor",
    name: "Alpine Outfitters returns desk",
    country: "AT",
    address: { line1: "Museumstraße 8", postalCode: "6020", city: "Innsbruck", country: "AT" },
  },
];

const VENDORS: readonly (Omit<Vendor, "id" | "returnLocationId"> & { returnTo: string })[] = [
  { code: "kyoto-ceramics", name: "Kyoto Ceramics Studio", country: "JP", returnTo: "VND-KYOTO" },
  { code: "alpine-outfitters", name: "Alpine Outfitters GmbH", country: "AT", returnTo: "VND-INNSBRUCK" },
];

/** Inserts the merchant's legal entities, markets, locations and vendors. */
export async function setUpDemoMerchant(r: Repos, ids: IdSource, merchantId: string): Promise<void> {
  const entityIds = new Map<EntityKey, string>();
  for (const { key, ...e } of ENTITIES) {
    const id = ids.next();
    entityIds.set(key, id);
    await r.setup.insertLegalEntity(merchantId, { id, code: key, ...e });
  }
  for (const { entity, ...m } of MARKETS) {
    await r.setup.insertMarket(merchantId, {
      id: ids.next(),
      ...m,
      legalEntityId: entityIds.get(entity) ?? null,
    });
  }
  const locationIds = new Map<string, string>();
  for (const l of LOCATIONS) {
    const id = ids.next();
    locationIds.set(l.code, id);
    await r.setup.insertLocation(merchantId, { id, ...l });
  }
  for (const { returnTo, ...v } of VENDORS) {
    await r.setup.insertVendor(merchantId, {
      id: ids.next(),
      ...v,
      returnLocationId: locationIds.get(returnTo) ?? null,
    });
  }
}
