import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretBox } from "../../app/ports/index.ts";

/**
 * AES-256-GCM for values kept at rest (provider credentials, bank details). The ciphertext names its
 * key: `enc:v1:<keyId>:<iv>:<tag>:<data>` (base64url), so old rows stay readable after a rotation
 * while new writes use the current key. A 12-byte random IV per value, 16-byte tag; the key id is
 * authenticated as additional data (a value cannot be moved under another key id).
 */
export interface Keyring {
  readonly currentId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

const PREFIX = "enc:v1:";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function fieldCipher(ring: Keyring): SecretBox {
  const current = ring.keys.get(ring.currentId);
  if (!current) throw new Error(`encryption key "${ring.currentId}" is not in the keyring`);
  return {
    keyId: ring.currentId,
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", current, iv);
      c.setAAD(Buffer.from(ring.currentId, "utf8"));
      const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      const parts = [iv, c.getAuthTag(), data].map((b) => b.toString("base64url"));
      return `${PREFIX}${ring.currentId}:${parts.join(":")}`;
    },
    decrypt(sealed: string): string {
      if (!sealed.startsWith(PREFIX)) throw new Error("not an encrypted value");
      const [kid, iv, tag, data] = sealed.slice(PREFIX.length).split(":");
      const key = kid ? ring.keys.get(kid) : undefined;
      if (!key || iv === undefined || tag === undefined || data === undefined)
        throw new Error(`cannot decrypt: key "${kid}" is not configured (CROSSBACK_ENCRYPTION_OLD_KEYS)`);
      const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      d.setAAD(Buffer.from(kid ?? "", "utf8"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(data, "base64url")), d.final()]).toString("utf8");
    },
    keyIdOf(sealed: string): string | null {
      return sealed.startsWith(PREFIX) ? (sealed.slice(PREFIX.length).split(":")[0] ?? null) : null;
    },
  };
}

/** A 32-byte key from base64 (or base64url); anything else is a configuration error. */
export function parseKey(text: string, what: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * CROSSBACK_ENCRYPTION_KEY (current, base64 32 bytes) with CROSSBACK_ENCRYPTION_KEY_ID (default
 * "k1"); CROSSBACK_ENCRYPTION_OLD_KEYS="id:base64,id:base64" keeps retired keys for reading.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv): Keyring | null {
  if (!env.CROSSBACK_ENCRYPTION_KEY) return null;
  const currentId = env.CROSSBACK_ENCRYPTION_KEY_ID ?? "k1";
  if (!KEY_ID.test(currentId)) throw new Error("CROSSBACK_ENCRYPTION_KEY_ID: letters, digits, _ and - only");
  const keys = new Map<string, Buffer>([
    [currentId, parseKey(env.CROSSBACK_ENCRYPTION_KEY, "CROSSBACK_ENCRYPTION_KEY")],
  ]);
  for (const entry of (env.CROSSBACK_ENCRYPTION_OLD_KEYS ?? "").split(",").filter(Boolean)) {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at);
    if (at < 1 || !KEY_ID.test(id))
      throw new Error("CROSSBACK_ENCRYPTION_OLD_KEYS: id:base64 pairs, comma-separated");
    if (!keys.has(id)) keys.set(id, parseKey(entry.slice(at + 1), `CROSSBACK_ENCRYPTION_OLD_KEYS ${id}`));
  }
  return { currentId, keys };
}
