import type { LegalEntity, Repos } from "../ports/index.ts";
import { loadSettings } from "./settings.ts";

/**
 * The legal entity selling into `country`: its market's, else the importer of record from the
 * logistics settings, else the merchant's first one.
 */
export async function legalEntityFor(
  r: Repos,
  merchantId: string,
  country: string,
): Promise<LegalEntity | null> {
  const entities = await r.setup.legalEntities(merchantId);
  const market = (await r.setup.markets(merchantId)).find(
    (m) => m.countries.includes(country) && m.legalEntityId,
  );
  const own = entities.find((e) => e.id === market?.legalEntityId);
  return own ?? (await loadSettings(r, merchantId)).importer ?? entities[0] ?? null;
}
