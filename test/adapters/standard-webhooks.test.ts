import { describe, expect, it } from "vitest";
import {
  signStandardWebhook,
  standardWebhookHeaders,
  verifyStandardWebhook,
} from "../../src/adapters/webhooks/standard-webhooks.ts";

describe("Standard Webhooks signatures", () => {
  it("matches the specification's published example", () => {
    // standard-webhooks spec example: secret, msg id, timestamp and payload give this signature.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const sig = signStandardWebhook(
      secret,
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(sig).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
  it("verifies its own headers and refuses tampering, another secret and stale timestamps", () => {
    const at = new Date("2026-03-20T10:00:00Z");
    const h = standardWebhookHeaders("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", "msg_1", at, '{"a":1}');
    expect(verifyStandardWebhook("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", h, '{"a":1}', at)).toEqual({
      ok: true,
    });
    expect(verifyStandardWebhook("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", h, '{"a":2}', at).ok).toBe(false);
    expect(verifyStandardWebhook("whsec_b3RoZXI=", h, '{"a":1}', at).ok).toBe(false);
    expect(
      verifyStandardWebhook(
        "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=",
        h,
        '{"a":1}',
        new Date(at.getTime() + 600_000),
      ).ok,
    ).toBe(false);
  });
});
