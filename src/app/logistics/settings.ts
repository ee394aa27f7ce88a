import type { DomainError } from "../../domain/errors.ts";
import type { CarrierRules } from "../../domain/logistics/carrier-choice.ts";
import {
  DEFAULT_EXPECTED,
  DEFAULT_RECOVERY,
  type RoutingSettings,
} from "../../domain/logistics/routing-settings.ts";
import type { Money } from "../../domain/money.ts";
import { ok, type Result } from "../../domain/result.ts";
import { toMoney } from "../inputs/fields.ts";
import { type LogisticsSettingsBody, logisticsSettingsBody } from "../inputs/logistics-input.ts";
import type { Deps, LegalEntity, Repos } from "../ports/index.ts";
import type { Parcel } from "./ports.ts";

/** A merchant's logistics settings, defaults applied, in the shapes the domain uses. */
export interface LogisticsSettings {
  readonly document: LogisticsSettingsBody;
  readonly routing: RoutingSettings;
  readonly carrierRules: CarrierRules;
  readonly signer: string | null;
  readonly incoterm: string;
  readonly exportedFrom: string | null;
  /** The importer of record from the settings (used when no market names a legal entity). */
  readonly importer: LegalEntity | null;
  readonly defaultParcel: Parcel;
  readonly delayGraceDays: number;
  readonly labelValidityDays: number;
}

const m = (x: { amount: string; currency: string }): Money => toMoney(x.amount, x.currency);

export function toSettings(doc: LogisticsSettingsBody): LogisticsSettings {
  return {
    document: doc,
    routing: {
      prefer: doc.prefer,
      recoveryPercent: { ...DEFAULT_RECOVERY, ...doc.recoveryPercent },
      expectedDisposition: { ...DEFAULT_EXPECTED, ...doc.expectedDisposition },
      keepIt: doc.keepIt,
      donate: doc.donate ? { cost: m(doc.donate.cost) } : null,
      liquidate: doc.liquidate
        ? { percent: doc.liquidate.percent, cost: m(doc.liquidate.cost), countries: doc.liquidate.countries }
        : null,
    },
    carrierRules: doc.carrierRules,
    signer: doc.customs.signer ?? null,
    incoterm: doc.customs.incoterm,
    exportedFrom: doc.customs.exportedFrom ?? null,
    importer: doc.customs.importer
      ? {
          id: "settings",
          name: doc.customs.importer.name,
          country: doc.customs.importer.country,
          vatNumber: doc.customs.importer.vatNumber,
          eoriNumber: doc.customs.importer.eoriNumber ?? null,
          iossNumber: doc.customs.importer.iossNumber ?? null,
          address: {},
        }
      : null,
    defaultParcel: doc.defaultParcel,
    delayGraceDays: doc.delayGraceDays,
    labelValidityDays: doc.labelValidityDays,
  };
}

export async function loadSettings(r: Repos, merchantId: string): Promise<LogisticsSettings> {
  const stored = await r.locations.settings(merchantId);
  return toSettings(logisticsSettingsBody.parse(stored ?? {}));
}

export async function saveSettings(
  deps: Deps,
  merchantId: string,
  body: LogisticsSettingsBody,
): Promise<Result<LogisticsSettings, DomainError>> {
  await deps.store.transaction((r) => r.locations.saveSettings(merchantId, body, deps.clock.now()));
  return ok(toSettings(body));
}
