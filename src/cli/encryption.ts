import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fieldCipher, keyringFromEnv, parseKey } from "../adapters/crypto/field-cipher.ts";
import type { SecretBox } from "../app/ports/index.ts";

/**
 * The key that encrypts credentials and bank details at rest. From the environment
 * (CROSSBACK_ENCRYPTION_KEY…); without it, and only on the embedded database (PGlite), a key made
 * once and kept in the data directory (`encryption.key`, mode 0600). With DATABASE_URL that key
 * exists on this machine only: a warning says so (set the variable for several machines).
 */
export function secretBoxFor(opts: { databaseUrl: string | null | undefined; dataDir: string }): SecretBox {
  const ring = keyringFromEnv(process.env);
  if (ring) return fieldCipher(ring);
  if (opts.databaseUrl)
    console.error(
      "warning: CROSSBACK_ENCRYPTION_KEY is not set; credentials are encrypted with a key kept in the data directory of this machine only",
    );
  const file = join(opts.dataDir, "encryption.key");
  if (!existsSync(file)) {
    mkdirSync(opts.dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      // Another process made it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  const key = parseKey(readFileSync(file, "utf8"), file);
  return fieldCipher({ currentId: "local", keys: new Map([["local", key]]) });
}
