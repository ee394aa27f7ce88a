import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantById } from "../../app/account-queries.ts";
import { boundedRecord, checkMoneyFields, currencyCode, moneyText } from "../../app/inputs/fields.ts";
import type { Deps, MerchantSettings } from "../../app/ports/index.ts";
import { checkBic, checkIban } from "../../domain/payouts/iban-bic.ts";
import { RESOLUTIONS } from "../../domain/return-reasons.ts";
import { merchantOf } from "../auth.ts";

const TENDERS = ["card", "gift_card", "store_credit", "bank_transfer", "cash_on_delivery", "other"] as const;

/** PUT /api/v1/settings: the merchant's money settings. */
export const settingsBody = z
  .object({
    tenderOrder: z.array(z.enum(TENDERS)).min(1).max(6).optional(),
    bankTransferApprovalAbove: boundedRecord(currencyCode, moneyText).optional(),
    goodwillMax: boundedRecord(currencyCode, moneyText).optional(),
    payoutFourEyesAbove: boundedRecord(currencyCode, moneyText).optional(),
    sepaDebtor: z
      .object({
        name: z.string().trim().min(1).max(70),
        iban: z.string().min(15).max(34),
        bic: z.string().min(8).max(11),
      })
      .optional(),
    storeCreditExpiryDays: z.int().min(1).max(3650).nullish(),
    refundDeadlineWarningDays: z.int().min(0).max(30).optional(),
    autoRefund: z.boolean().optional(),
    marketplaceMinimums: z
      .strictObject({
        windowDays: z.int().min(0).max(3650).optional(),
        resolutions: z.array(z.enum(RESOLUTIONS)).max(RESOLUTIONS.length).optional(),
        maxRestockingFeePercent: z
          .number()
          .min(0)
          .max(100)
          .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, { message: "at most 2 decimals" })
          .optional(),
      })
      .optional(),
    branding: z
      .object({
        displayName: z.string().trim().min(1).max(100).nullish(),
        logoUrl: z
          .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
          .max(2000)
          .nullish(),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as "#1F6FEB"')
          .nullish(),
        supportEmail: z.email().max(320).nullish(),
        shopUrl: z
          .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
          .max(2000)
          .nullish(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    for (const [cur, amount] of Object.entries(s.bankTransferApprovalAbove ?? {}))
      checkMoneyFields(cur, [[["bankTransferApprovalAbove", cur], amount]], ctx);
    for (const [cur, amount] of Object.entries(s.goodwillMax ?? {}))
      checkMoneyFields(cur, [[["goodwillMax", cur], amount]], ctx);
    for (const [cur, amount] of Object.entries(s.payoutFourEyesAbove ?? {}))
      checkMoneyFields(cur, [[["payoutFourEyesAbove", cur], amount]], ctx);
    if (s.sepaDebtor) {
      const iban = checkIban(s.sepaDebtor.iban, "sepaDebtor.iban");
      if (!iban.ok)
        for (const i of iban.error)
          ctx.addIssue({ code: "custom", path: ["sepaDebtor", "iban"], message: i.message });
      const bic = checkBic(s.sepaDebtor.bic, "sepaDebtor.bic");
      if (!bic.ok)
        for (const i of bic.error)
          ctx.addIssue({ code: "custom", path: ["sepaDebtor", "bic"], message: i.message });
    }
  });

export const settingsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/settings",
      { schema: { tags: ["settings"], summary: "The merchant's money settings" } },
      async (req) => {
        const m = await merchantById(deps, merchantOf(req));
        return { settlementCurrency: m?.settlementCurrency, ...m?.settings };
      },
    );
    app.put(
      "/settings",
      {
        schema: { tags: ["settings"], summary: "Replace the merchant's money settings", body: settingsBody },
      },
      async (req) => {
        const settings = req.body as MerchantSettings;
        await deps.store.transaction((r) => r.merchants.updateSettings(merchantOf(req), settings));
        const m = await merchantById(deps, merchantOf(req));
        return { settlementCurrency: m?.settlementCurrency, ...m?.settings };
      },
    );
  };
