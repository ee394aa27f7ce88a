import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, totpAt, verifyTotp } from "../../../src/app/staff/totp.ts";

describe("TOTP (RFC 6238)", () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", the last six of the eight digits.
  const secret = base32Encode(Buffer.from("12345678901234567890"));
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpAt(secret, new Date(seconds * 1000))).toBe(code);
  });

  it("accepts the step before and after (clock drift), nothing further", () => {
    const at = new Date(1_234_567_890_000);
    expect(verifyTotp(secret, totpAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, new Date(at.getTime() - 90_000)), at)).toBe(false);
    expect(verifyTotp(secret, "12345", at)).toBe(false);
  });

  it("base32 round-trips", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 128, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
