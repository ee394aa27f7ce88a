import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

/**
 * Request budgets of the merchant API (issue 8 point 12): per source address (counted before the
 * key is checked, so guessing keys is limited too) and per API key (or signed-in staff account).
 * `0` turns a limit off. Counted in this process's memory: with N server processes behind one
 * address each allows the budget (set the limits per process accordingly).
 */
export interface ApiRateLimits {
  /** Requests per window from one IP address. */
  readonly perIp: number;
  /** Requests per window with one API key (or staff session's account). */
  readonly perKey: number;
  readonly windowMs: number;
}

export const DEFAULT_API_RATE_LIMITS: ApiRateLimits = { perIp: 1200, perKey: 600, windowMs: 60_000 };

type Hook = (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** Two onRequest hooks: `byIp` goes before authentication, `byKey` after it. */
export function apiRateLimitHooks(app: FastifyInstance, limits: ApiRateLimits): { byIp: Hook; byKey: Hook } {
  const limiter = (max: number, keyOf: (req: FastifyRequest) => string | null, what: string): Hook => {
    if (max <= 0) return async () => undefined;
    const check = app.createRateLimit({
      max,
      timeWindow: limits.windowMs,
      keyGenerator: (req) => keyOf(req) ?? "",
    });
    return async (req, reply) => {
      if (keyOf(req) === null) return undefined;
      const r = await check(req);
      if (r.isAllowed) return undefined;
      reply.header("x-ratelimit-limit", r.max);
      reply.header("x-ratelimit-remaining", r.remaining);
      if (!r.isExceeded) return undefined;
      reply.header("retry-after", r.ttlInSeconds);
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/rate_limited",
        title: "Too many requests",
        status: 429,
        code: "rate_limited",
        detail: `More than ${r.max} requests in ${Math.round(limits.windowMs / 1000)} s ${what}; retry in ${r.ttlInSeconds} s.`,
        scope: what === "from this address" ? "ip" : "api_key",
        retryAfterSeconds: r.ttlInSeconds,
      });
    };
  };
  return {
    byIp: limiter(limits.perIp, (req) => `api-ip:${req.ip}`, "from this address"),
    byKey: limiter(
      limits.perKey,
      (req) => {
        const id = req.apiKey?.id ?? req.staff?.account.id;
        return id ? `api-key:${id}` : null;
      },
      "with this API key",
    ),
  };
}
