import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldCipher, keyringFromEnv } from "../../src/adapters/crypto/field-cipher.ts";

describe("field cipher (AES-256-GCM with a key id)", () => {
  const k1 = randomBytes(32).toString("base64");
  const k2 = randomBytes(32).toString("base64");

  it("seals with the current key and names it; the clear text is not in the sealed value", () => {
    const box = fieldCipher(keyringFromEnv({ CROSSBACK_ENCRYPTION_KEY: k1 }) ?? fail());
    const sealed = box.encrypt("sk_test_secret_value");
    expect(sealed).toMatch(/^enc:v1:k1:/);
    expect(sealed).not.toContain("secret");
    expect(box.decrypt(sealed)).toBe("sk_test_secret_value");
    expect(box.encrypt("same")).not.toBe(box.encrypt("same"));
  });

  it("reads values of a retired key after a rotation, writes with the new one", () => {
    const old = fieldCipher(keyringFromEnv({ CROSSBACK_ENCRYPTION_KEY: k1 }) ?? fail());
    const sealed = old.encrypt("NL91ABNA0417164300");
    const rotated = fieldCipher(
      keyringFromEnv({
        CROSSBACK_ENCRYPTION_KEY: k2,
        CROSSBACK_ENCRYPTION_KEY_ID: "k2",
        CROSSBACK_ENCRYPTION_OLD_KEYS: `k1:${k1}`,
      }) ?? fail(),
    );
    expect(rotated.decrypt(sealed)).toBe("NL91ABNA0417164300");
    expect(rotated.keyIdOf(rotated.encrypt("x"))).toBe("k2");
    const withoutOld = fieldCipher(
      keyringFromEnv({ CROSSBACK_ENCRYPTION_KEY: k2, CROSSBACK_ENCRYPTION_KEY_ID: "k2" }) ?? fail(),
    );
    expect(() => withoutOld.decrypt(sealed)).toThrow(/key "k1" is not configured/);
  });

  it("refuses a tampered value or one moved under another key id", () => {
    const box = fieldCipher(keyringFromEnv({ CROSSBACK_ENCRYPTION_KEY: k1 }) ?? fail());
    const sealed = box.encrypt("secret");
    const parts = sealed.split(":");
    const data = Buffer.from(parts[5] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[5] = data.toString("base64url");
    expect(() => box.decrypt(parts.join(":"))).toThrow();
    expect(() => keyringFromEnv({ CROSSBACK_ENCRYPTION_KEY: "short" })).toThrow(/32 bytes/);
  });
});

function fail(): never {
  throw new Error("no keyring");
}
