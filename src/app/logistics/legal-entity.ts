import type { LegalEntity, Repos } from "../ports.ts";

/** The legal entity selling into `country`: its market's, else the merchant's only (or first) one. */
export async function legalEntityFor(
  r: Repos,
  merchantId: string,
  country: string,
): Promise<LegalEntity | null> {
  const entities = await r.setup.legalEntities(merchantId);
  const market = (await r.setup.markets(merchantId)).find(
    (m) => m.countries.includes(country) && m.legalEntityId,
  );
  return entities.find((e) => e.id === market?.legalEntityId) ?? entities[0] ?? null;
}
