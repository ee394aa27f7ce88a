import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantById } from "../../app/account-queries.ts";
import type { Deps } from "../../app/ports/index.ts";
import { acceptInvitation, openInvitation } from "../../app/staff/invitations.ts";
import { outcome, send } from "../respond.ts";
import { presentMe } from "./present-staff.ts";
import { LOGIN_RATE } from "./session-routes.ts";
import { setStaffCookie } from "./staff-session.ts";

const tags = ["back office"];
const tokenParams = z.object({ token: z.string().max(100) });
const acceptBody = z.object({
  token: z.string().max(100),
  name: z.string().max(200),
  password: z.string().max(256),
});

/** What the invitation link opens: who is invited (public, by token) and accepting it. */
export const invitationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/invitations/by-token/:token",
      {
        config: { rateLimit: LOGIN_RATE },
        schema: { tags, security: [], summary: "An open invitation, by its link", params: tokenParams },
      },
      async (req, reply) => {
        const r = await openInvitation(deps, req.params.token);
        const merchant = r.ok ? await merchantById(deps, r.value.merchantId) : null;
        return send(
          reply,
          outcome(r, 200, (i) => ({
            email: i.email,
            role: i.role,
            vendor: i.vendor,
            merchant: merchant?.name ?? "",
          })),
        );
      },
    );

    app.post(
      "/invitations/accept",
      {
        config: { rateLimit: LOGIN_RATE },
        schema: { tags, security: [], summary: "Accept an invitation: name and password", body: acceptBody },
      },
      async (req, reply) => {
        const r = await acceptInvitation(deps, req.body);
        if (r.ok) setStaffCookie(req, reply, r.value.token, false);
        return send(
          reply,
          outcome(r, 201, (v) => ({ totpRequired: false, ...presentMe(v.account, v.csrfToken) })),
        );
      },
    );
  };
