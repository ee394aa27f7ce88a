import { type DomainError, invalid } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { LegalEntityBody, MarketBody } from "./inputs/setup-input.ts";
import type { Deps, LegalEntity, Market } from "./ports/index.ts";

/**
 * PUT /legal-entities/{code}: creates or replaces a legal entity (its id, and so its credit-note
 * numbering, stays). Each entity numbers its own credit notes per year.
 */
export function putLegalEntity(
  deps: Deps,
  merchantId: string,
  code: string,
  body: LegalEntityBody,
): Promise<{ entity: LegalEntity; created: boolean }> {
  return deps.store.transaction(async (r) => {
    const existing = (await r.setup.legalEntities(merchantId)).find((e) => e.code === code);
    const address = Object.fromEntries(
      Object.entries(body.address).filter((x): x is [string, string] => typeof x[1] === "string"),
    );
    const entity = await r.setup.upsertLegalEntity(merchantId, {
      id: existing?.id ?? deps.ids.next(),
      code,
      name: body.name,
      country: body.country,
      vatNumber: body.vatNumber ?? null,
      eoriNumber: body.eoriNumber ?? null,
      iossNumber: body.iossNumber ?? null,
      address: { ...address, country: body.country },
    });
    return { entity, created: !existing };
  });
}

/**
 * PUT /markets/{code}: the shopper countries one legal entity sells to. A country belongs to one
 * market only (its entity issues the credit notes of orders shipped there).
 */
export function putMarket(
  deps: Deps,
  merchantId: string,
  code: string,
  body: MarketBody,
): Promise<Result<{ market: Market; created: boolean }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const entity = (await r.setup.legalEntities(merchantId)).find((e) => e.code === body.legalEntity);
    if (!entity) return err(invalid("legalEntity", `no legal entity "${body.legalEntity}": PUT it first`));
    const markets = await r.setup.markets(merchantId);
    const countries = [...new Set(body.countries)];
    for (const [i, c] of countries.entries()) {
      const other = markets.find((m) => m.code !== code && m.countries.includes(c));
      if (other) return err(invalid(`countries[${i}]`, `${c} is already in market "${other.code}"`));
    }
    const existing = markets.find((m) => m.code === code);
    const market = await r.setup.upsertMarket(merchantId, {
      id: existing?.id ?? deps.ids.next(),
      code,
      name: body.name,
      countries,
      currency: body.currency,
      languages: [...new Set(body.languages)],
      legalEntityId: entity.id,
    });
    return ok({ market, created: !existing });
  });
}

export const listLegalEntities = (deps: Deps, merchantId: string): Promise<LegalEntity[]> =>
  deps.store.read.setup.legalEntities(merchantId);

export const listMarkets = (deps: Deps, merchantId: string): Promise<Market[]> =>
  deps.store.read.setup.markets(merchantId);
