import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Deps } from "../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../app/refund-updates.ts";
import { adminApi } from "./admin/admin-api.ts";
import { STAFF_COOKIE } from "./admin/staff-session.ts";
import { type ApiRateLimits, apiRateLimitHooks } from "./api-rate-limit.ts";
import { auditHook, auditRoutes } from "./audit.ts";
import { authenticate } from "./auth.ts";
import { refuseNul } from "./input-guard.ts";
import { boundedJsonParser } from "./json-body.ts";
import { loggerOptions } from "./log-options.ts";
import { portalOptions, type SecurityLog } from "./portal/portal-options.ts";
import { PORTAL_API, SESSION_COOKIE } from "./portal/session.ts";
import { sendProblem } from "./problem.ts";
import { cancellationRoutes } from "./routes/cancellations.ts";
import { carrierWebhookRoutes } from "./routes/carrier-webhooks.ts";
import { casePhotoRoutes } from "./routes/case-photos.ts";
import { customerRoutes } from "./routes/customers.ts";
import { dutyRecoveryRoutes } from "./routes/duty-recovery.ts";
import { emailRoutes } from "./routes/email-templates.ts";
import { fxReportRoutes } from "./routes/fx-report.ts";
import { hubRoutes } from "./routes/hubs.ts";
import { locationRoutes } from "./routes/locations.ts";
import { orderRoutes } from "./routes/orders.ts";
import { platformConnectionRoutes } from "./routes/platform-connections.ts";
import { platformWebhookRoutes } from "./routes/platform-webhooks.ts";
import { policyRoutes } from "./routes/policies.ts";
import { portalAssistantRoutes } from "./routes/portal-assistant.ts";
import { portalOrderRoutes } from "./routes/portal-order.ts";
import { portalPublicRoutes } from "./routes/portal-public.ts";
import { portalReturnRoutes } from "./routes/portal-returns.ts";
import { productRoutes } from "./routes/products.ts";
import { providerAccountRoutes } from "./routes/provider-accounts.ts";
import { receivingRoutes } from "./routes/receiving.ts";
import { refundRoutes } from "./routes/refunds.ts";
import { reportRoutes } from "./routes/reports.ts";
import { returnCommandRoutes } from "./routes/return-commands.ts";
import { returnRoutes } from "./routes/returns.ts";
import { sepaExportRoutes } from "./routes/sepa-export.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { settlementActionRoutes } from "./routes/settlement-actions.ts";
import { settlementRoutes } from "./routes/settlements.ts";
import { setupRoutes } from "./routes/setup.ts";
import { shipmentRoutes } from "./routes/shipments.ts";
import { surveyPublicRoutes, surveyResultRoutes } from "./routes/survey.ts";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import { WEB_DIST, webApp } from "./web-app.ts";

export interface ServerOptions {
  /** Request log (JSON lines, secrets and bank details redacted: log-options.ts); a stream for tests. */
  readonly logger?: boolean | { readonly stream: { write(line: string): void } };
  readonly version?: string;
  /** Payment providers whose refund webhooks arrive at /api/webhooks/{provider}. */
  readonly webhooks?: readonly RefundWebhookReceiver[];
  /** Signs portal sessions (CROSSBACK_PORTAL_SECRET); none: a key generated once and kept in the database. */
  readonly portalSecret?: string | null;
  /** Where blocked brute forces and other security events go (default: a JSON line on stderr). */
  readonly securityLog?: SecurityLog;
  /** The built web apps (default web/dist). */
  readonly webDist?: string;
  /** Base of links in e-mails (CROSSBACK_PUBLIC_URL); default: the address of the request. */
  readonly publicUrl?: string | null;
  /** Sends back-office invitations by e-mail (none: the link is only shown to the inviter). */
  readonly sendInvitation?: (to: string, link: string, invitedBy: string) => Promise<void>;
  /** Merchant API budgets per IP and per API key (CROSSBACK_RATE_LIMIT_*); none: not limited. */
  readonly rateLimits?: ApiRateLimits;
}

/** `/lines/0/unitPrice` → `lines[0].unitPrice`, prefixed with the part of the request. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split("/").filter(Boolean);
  let out = context && context !== "body" ? (context === "querystring" ? "query" : context) : "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "(body)";
}

export async function buildServer(deps: Deps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const logger =
    opts.logger === true ? loggerOptions() : opts.logger ? loggerOptions(opts.logger.stream) : false;
  const app = Fastify({ logger, bodyLimit: 2 * 1024 * 1024 });
  app.decorateRequest("apiKey", null);
  app.decorateRequest("portalSession", null);
  app.decorateRequest("staff", null);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 8 * 1024 * 1024, files: 1, fields: 4, parts: 5 } });
  // Limits are per route (`config.rateLimit`); routes without one are not limited here.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: "rate_limited",
      message: `Too many requests from this address; retry in ${Math.ceil(ctx.ttl / 1000)} s.`,
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Crossback API",
        version: opts.version ?? "1",
        description:
          "International returns and refunds. Money is a decimal string in the order's currency " +
          '("19.90" EUR, "1990" JPY, "1.250" KWD). Errors are RFC 9457 problem+json with a stable `code`. ' +
          "Every POST honours `Idempotency-Key`.",
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "A merchant API key (`crossback api-key create`).",
          },
          staffSession: {
            type: "apiKey",
            in: "cookie",
            name: STAFF_COOKIE,
            description:
              "A back-office session (POST /api/admin/v1/session); state-changing requests also send its CSRF token in x-csrf-token.",
          },
          portalSession: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: `The shoppers' portal session, set by POST ${PORTAL_API}/{slug}/lookup (one order, 30 minutes).`,
          },
        },
      },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { persistAuthorization: true, docExpansion: "none" },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  app.get("/health", { schema: { hide: true } }, () => ({ status: "ok" }));

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const path = fieldPath(error.validationContext, v.instancePath);
        return { path, pointer: v.instancePath, message: v.message ?? "is invalid" };
      });
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/invalid_request",
        title: "Invalid request",
        status: 400,
        code: "invalid_request",
        detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
        errors,
      });
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/rate_limited",
        title: "Too many requests",
        status: 429,
        code: "rate_limited",
        detail: error.message,
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/bad_request",
        title: "Bad request",
        status: error.statusCode,
        code:
          error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
            ? "malformed_json"
            : "bad_request",
        detail: error.message,
      });
    }
    req.log.error(error);
    return sendProblem(reply, {
      type: "https://crossback.dev/problems/internal_error",
      title: "Internal error",
      status: 500,
      code: "internal_error",
      detail:
        "Something went wrong on our side; nothing was changed unless the response said so. Retry with the same Idempotency-Key.",
    });
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, {
      type: "https://crossback.dev/problems/route_not_found",
      title: "No such endpoint",
      status: 404,
      code: "route_not_found",
      detail: `${req.method} ${req.url.split("?")[0]} does not exist. See /api/docs.`,
    }),
  );

  await app.register(
    async (v1) => {
      boundedJsonParser(v1);
      v1.addHook("preValidation", refuseNul);
      const limits = opts.rateLimits ? apiRateLimitHooks(v1, opts.rateLimits) : null;
      if (limits) v1.addHook("onRequest", limits.byIp);
      v1.addHook("onRequest", authenticate(deps));
      if (limits) v1.addHook("onRequest", limits.byKey);
      auditHook(v1, deps);
      await v1.register(auditRoutes(deps));
      await v1.register(productRoutes(deps));
      await v1.register(orderRoutes(deps));
      await v1.register(returnRoutes(deps));
      await v1.register(returnCommandRoutes(deps));
      await v1.register(customerRoutes(deps));
      await v1.register(policyRoutes(deps));
      await v1.register(cancellationRoutes(deps));
      await v1.register(refundRoutes(deps));
      await v1.register(settlementRoutes(deps));
      await v1.register(settlementActionRoutes(deps));
      await v1.register(fxReportRoutes(deps));
      await v1.register(sepaExportRoutes(deps));
      await v1.register(settingsRoutes(deps));
      await v1.register(providerAccountRoutes(deps));
      await v1.register(platformConnectionRoutes(deps));
      await v1.register(locationRoutes(deps));
      await v1.register(setupRoutes(deps));
      await v1.register(shipmentRoutes(deps));
      await v1.register(hubRoutes(deps));
      await v1.register(receivingRoutes(deps));
      await v1.register(casePhotoRoutes(deps));
      await v1.register(dutyRecoveryRoutes(deps));
      await v1.register(webhookEndpointRoutes(deps));
      await v1.register(emailRoutes(deps));
      await v1.register(surveyResultRoutes(deps));
      await v1.register(reportRoutes(deps));
    },
    { prefix: "/api/v1" },
  );
  await app.register(webhookRoutes(deps, opts.webhooks ?? []), { prefix: "/api" });
  await app.register(carrierWebhookRoutes(deps), { prefix: "/api" });
  await app.register(platformWebhookRoutes(deps), { prefix: "/api" });
  await app.register(surveyPublicRoutes(deps));
  const portal = portalOptions(deps, opts.portalSecret, opts.securityLog);
  await app.register(
    async (p) => {
      boundedJsonParser(p);
      p.addHook("preValidation", refuseNul);
      await p.register(portalPublicRoutes(deps, portal));
      await p.register(portalOrderRoutes(deps, portal));
      await p.register(portalReturnRoutes(deps, portal));
      await p.register(portalAssistantRoutes(deps, portal));
    },
    { prefix: PORTAL_API },
  );
  await adminApi(app, deps, {
    securityLog: portal.securityLog,
    publicUrl: opts.publicUrl,
    sendInvitation: opts.sendInvitation,
  });
  await webApp(app, deps, opts.webDist ?? WEB_DIST);
  return app;
}
