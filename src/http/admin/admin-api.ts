import type { FastifyInstance } from "fastify";
import type { Deps } from "../../app/ports/index.ts";
import { auditHook } from "../audit.ts";
import { refuseNul } from "../input-guard.ts";
import { boundedJsonParser } from "../json-body.ts";
import type { SecurityLog } from "../portal/portal-options.ts";
import { invitationRoutes } from "./invitation-routes.ts";
import { keyRoutes } from "./key-routes.ts";
import { sessionRoutes } from "./session-routes.ts";
import { ADMIN_API } from "./staff-session.ts";
import { type LinkBase, teamRoutes } from "./team-routes.ts";

export interface AdminOptions {
  readonly securityLog: SecurityLog;
  /** Sends an invitation e-mail; without a mail transport the link is only answered to the inviter. */
  readonly sendInvitation?: (to: string, link: string, invitedBy: string) => Promise<void>;
  /** CROSSBACK_PUBLIC_URL: the base of links in e-mails. */
  readonly publicUrl?: string | null;
}

/** The back office's own API (/api/admin/v1); case work goes through the merchant API with the session. */
export async function adminApi(app: FastifyInstance, deps: Deps, opts: AdminOptions): Promise<void> {
  const base: LinkBase = (req) => opts.publicUrl?.replace(/\/$/, "") ?? `${req.protocol}://${req.host}`;
  await app.register(
    async (a) => {
      // As on the merchant API: nesting bounded, and a NUL character (PostgreSQL text cannot hold it)
      // refused as bad input (400), never a 500.
      boundedJsonParser(a);
      a.addHook("preValidation", refuseNul);
      auditHook(a, deps);
      await a.register(sessionRoutes(deps, opts.securityLog));
      await a.register(invitationRoutes(deps));
      await a.register(teamRoutes(deps, base, opts.sendInvitation ?? (async () => {})));
      await a.register(keyRoutes(deps));
    },
    { prefix: ADMIN_API },
  );
}
