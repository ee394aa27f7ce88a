import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { staffAccounts, staffInvitations } from "../../app/account-queries.ts";
import type { Deps } from "../../app/ports/index.ts";
import { changePassword, updateAccount } from "../../app/staff/accounts.ts";
import { invite, revokeInvitation } from "../../app/staff/invitations.ts";
import { beginTotp, confirmTotp, disableTotp } from "../../app/staff/totp-enrolment.ts";
import { ok } from "../../domain/result.ts";
import { STAFF_ROLES } from "../../domain/staff/roles.ts";
import { outcome, send } from "../respond.ts";
import { presentAccount, presentInvitation } from "./present-staff.ts";
import { requireStaff, staffOf } from "./staff-session.ts";

const tags = ["back office"];
const idParams = z.object({ id: z.uuid("is not an id") });
const inviteBody = z.object({
  email: z.string().min(1, "is required").max(254),
  role: z.enum(STAFF_ROLES),
  vendor: z.string().max(200).nullish(),
});
const accountPatch = z.object({
  role: z.enum(STAFF_ROLES).optional(),
  vendor: z.string().max(200).nullish(),
  disabled: z.boolean().optional(),
});
const codeBody = z.object({ code: z.string().max(10) });
const passwordBody = z.object({ current: z.string().max(256), password: z.string().max(256) });

/** Where an invitation link points: CROSSBACK_PUBLIC_URL when set, else the address the inviter used. */
export type LinkBase = (req: { protocol: string; host: string }) => string;

/** The team (accounts, invitations) and one's own security settings (password, TOTP). */
export const teamRoutes =
  (
    deps: Deps,
    linkBase: LinkBase,
    onInvite: (to: string, link: string, by: string) => Promise<void>,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const team = { onRequest: requireStaff(deps, "accounts") };
    const me = { onRequest: requireStaff(deps) };

    app.get(
      "/accounts",
      { ...team, schema: { tags, summary: "The merchant's back-office accounts" } },
      async (req) => ({
        data: (await staffAccounts(deps, staffOf(req).account.merchantId)).map(presentAccount),
      }),
    );

    app.patch(
      "/accounts/:id",
      {
        ...team,
        schema: {
          tags,
          summary: "Change an account's role or (de)activate it",
          params: idParams,
          body: accountPatch,
        },
      },
      async (req, reply) =>
        send(
          reply,
          outcome(
            await updateAccount(deps, staffOf(req).account, req.params.id, req.body),
            200,
            presentAccount,
          ),
        ),
    );

    app.get("/invitations", { ...team, schema: { tags, summary: "Invitations sent" } }, async (req) => ({
      data: (await staffInvitations(deps, staffOf(req).account.merchantId)).map((i) =>
        presentInvitation(i, deps.clock.now()),
      ),
    }));

    app.post(
      "/invitations",
      {
        ...team,
        schema: {
          tags,
          summary: "Invite someone by e-mail (the link is answered once too)",
          body: inviteBody,
        },
      },
      async (req, reply) => {
        const by = staffOf(req).account;
        const r = await invite(deps, by, req.body);
        if (r.ok) {
          const link = `${linkBase(req)}/admin/invitations/${r.value.token}`;
          await onInvite(r.value.invitation.email, link, by.name);
          return send(reply, {
            status: 201,
            body: { ...presentInvitation(r.value.invitation, deps.clock.now()), link },
          });
        }
        return send(
          reply,
          outcome(r, 201, () => null),
        );
      },
    );

    app.delete(
      "/invitations/:id",
      { ...team, schema: { tags, summary: "Withdraw an open invitation", params: idParams } },
      async (req, reply) => {
        const r = await revokeInvitation(deps, staffOf(req).account, req.params.id);
        return r.ok
          ? reply.code(204).send()
          : send(
              reply,
              outcome(r, 204, () => null),
            );
      },
    );

    app.post(
      "/me/password",
      { ...me, schema: { tags, summary: "Change your password", body: passwordBody } },
      async (req, reply) =>
        send(
          reply,
          outcome(await changePassword(deps, staffOf(req).account, req.body), 200, () => ({ changed: true })),
        ),
    );

    app.post(
      "/me/totp",
      { ...me, schema: { tags, summary: "Start setting up two-step sign-in (TOTP)" } },
      async (req, reply) => {
        const r = await beginTotp(deps, staffOf(req).account, "Crossback");
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        const png = deps.logistics ? await deps.logistics.documents.qrPng(r.value.uri) : null;
        const qr = png ? `data:image/png;base64,${png.toString("base64")}` : null;
        return send(
          reply,
          outcome(ok({ ...r.value, qr }), 200, (v) => v),
        );
      },
    );

    app.post(
      "/me/totp/confirm",
      { ...me, schema: { tags, summary: "Confirm with the app's first code", body: codeBody } },
      async (req, reply) =>
        send(
          reply,
          outcome(await confirmTotp(deps, staffOf(req).account, req.body.code), 200, () => ({
            totpEnabled: true,
          })),
        ),
    );

    app.post(
      "/me/totp/disable",
      { ...me, schema: { tags, summary: "Turn two-step sign-in off", body: codeBody } },
      async (req, reply) =>
        send(
          reply,
          outcome(await disableTotp(deps, staffOf(req).account, req.body.code), 200, () => ({
            totpEnabled: false,
          })),
        ),
    );
  };
