import { readFile, stat } from "node:fs/promises";
import { FX_SOURCE } from "../app/fx-values.ts";
import { CSV_LIMITS, importOrdersCsv } from "../app/import-orders.ts";
import { createApiKey, createMerchant, listApiKeys, revokeApiKey } from "../app/merchants.ts";
import type { Deps } from "../app/ports/index.ts";
import { type DomainError, describe } from "../domain/errors.ts";
import { parseEcbXml } from "../domain/fx.ts";
import { parseApiKeyFlags } from "./api-key-flags.ts";

interface Flags {
  readonly name?: string;
  readonly merchant?: string;
  readonly "skip-invalid"?: boolean;
  readonly scopes?: string | undefined;
  readonly "expires-in-days"?: string | undefined;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

/** A flag given wrong: exit code 2, like an unknown command. */
function usage(message: string): number {
  console.error(message);
  return 2;
}

function failWith(e: DomainError): number {
  return fail(describe(e));
}

export async function merchantsCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [sub, slug] = args;
  if (sub === "list") {
    for (const m of await deps.store.read.merchants.list()) console.log(`${m.slug}\t${m.name}\t${m.id}`);
    return 0;
  }
  if (sub !== "create" || !slug) return fail("usage: crossback merchants create <slug> --name <name>");
  const r = await createMerchant(deps, { slug, name: flags.name ?? slug });
  if (!r.ok) return failWith(r.error);
  console.log(`merchant ${r.value.slug} created (${r.value.id})`);
  return 0;
}

export async function apiKeyCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [sub, target] = args;
  const slug = flags.merchant;
  if (!slug) return fail("--merchant <slug> is required");
  switch (sub) {
    case "create": {
      const opts = parseApiKeyFlags(flags);
      if ("error" in opts) return usage(opts.error);
      const expiresAt =
        opts.expiresInDays === undefined
          ? null
          : new Date(deps.clock.now().getTime() + opts.expiresInDays * 86_400_000);
      const r = await createApiKey(deps, slug, flags.name ?? "default", undefined, {
        ...(opts.scopes ? { scopes: opts.scopes } : {}),
        expiresAt,
      });
      if (!r.ok) return failWith(r.error);
      const { record } = r.value;
      console.log(
        `API key "${record.name}" for ${slug} (id ${record.id}; scopes ${record.scopes.join(",")}; ${record.expiresAt ? `expires ${record.expiresAt.toISOString()}` : "no expiry"}). It is shown once; store it now:`,
      );
      console.log(r.value.key);
      return 0;
    }
    case "list": {
      const r = await listApiKeys(deps, slug);
      if (!r.ok) return failWith(r.error);
      for (const k of r.value) {
        console.log(
          `${k.id}\t${k.prefix}…\t${k.name}\t${k.createdAt.toISOString()}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active"}\t${k.scopes.join(",")}\t${k.expiresAt ? `expires ${k.expiresAt.toISOString()}` : "no expiry"}`,
        );
      }
      return 0;
    }
    case "revoke": {
      if (!target) return fail("usage: crossback api-key revoke <id-or-prefix> --merchant <slug>");
      const r = await revokeApiKey(deps, slug, target);
      if (!r.ok) return failWith(r.error);
      console.log(`revoked ${r.value.id} (${r.value.prefix}…)`);
      return 0;
    }
    default:
      return fail("usage: crossback api-key create|list|revoke --merchant <slug>");
  }
}

export async function fxCommand(deps: Deps, args: string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== "import" || !file) return fail("usage: crossback fx import <eurofxref.xml>");
  const parsed = parseEcbXml(await readFile(file, "utf8"));
  if (!parsed.ok) return fail(`${file}: ${parsed.error}`);
  const n = await deps.store.transaction((r) => r.fx.upsert(FX_SOURCE, parsed.value));
  const days = [...new Set(parsed.value.map((x) => x.date))].sort();
  console.log(`imported ${n} ECB rates for ${days.length} day(s), ${days[0]} … ${days.at(-1)}`);
  return 0;
}

export async function importCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [what, file] = args;
  if (what !== "orders" || !file || !flags.merchant) {
    return fail("usage: crossback import orders <file.csv> --merchant <slug> [--skip-invalid]");
  }
  const merchant = await deps.store.read.merchants.bySlug(flags.merchant);
  if (!merchant) return fail(`no merchant "${flags.merchant}"`);
  const size = (await stat(file)).size;
  if (size > CSV_LIMITS.maxBytes)
    return fail(`${file}: ${size} bytes; an import takes at most ${CSV_LIMITS.maxBytes} (split the file)`);
  const text = await readFile(file, "utf8");
  const r = await importOrdersCsv(deps, merchant.id, text, { skipInvalid: flags["skip-invalid"] ?? false });
  for (const e of r.errors)
    console.error(`${e.line ? `line ${e.line}: ` : ""}${e.path ? `${e.path}: ` : ""}${e.message}`);
  if (r.errors.length > 0 && !r.imported) {
    console.error(
      `nothing imported: ${r.errors.length} error(s) in ${r.rows} row(s). Fix them, or pass --skip-invalid to import the valid orders.`,
    );
    return 1;
  }
  console.log(
    `imported ${r.orders} order(s) from ${r.rows} row(s)${r.skippedOrders > 0 ? `, skipped ${r.skippedOrders} invalid order(s)` : ""}`,
  );
  return 0;
}
