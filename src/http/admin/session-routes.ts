import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/ports/index.ts";
import { signOut } from "../../app/staff/sessions.ts";
import { completeTotp, type SignInOutcome, signIn } from "../../app/staff/sign-in.ts";
import type { SecurityLog } from "../portal/portal-options.ts";
import { sendProblem } from "../problem.ts";
import { presentMe } from "./present-staff.ts";
import {
  clearStaffCookie,
  loadStaff,
  requireStaff,
  setStaffCookie,
  staffOf,
  unauthenticated,
} from "./staff-session.ts";

const tags = ["back office"];
export const LOGIN_RATE = { max: 20, timeWindow: 60_000 } as const;

const signInBody = z.object({
  email: z.string().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(256),
});
const totpBody = z.object({
  code: z
    .string()
    .max(20)
    .regex(/^\s*\d{6}\s*$/, "is the 6-digit code of your app"),
});

/** Sign-in, the TOTP step, who am I, sign-out. */
export const sessionRoutes =
  (deps: Deps, log: SecurityLog): FastifyPluginAsyncZod =>
  async (app) => {
    const answer = (reply: FastifyReply, out: SignInOutcome, email: string, ip: string) => {
      switch (out.kind) {
        case "signed_in":
        case "totp_required":
          return reply.code(200).send({
            totpRequired: out.kind === "totp_required",
            ...presentMe(out.signedIn.account, out.signedIn.session.csrfToken),
          });
        case "invalid":
          return sendProblem(reply, {
            type: "https://crossback.dev/problems/invalid_credentials",
            title: "Unauthorized",
            status: 401,
            code: "invalid_credentials",
            detail: "The e-mail address, password or code is not right.",
          });
        case "locked":
        case "rate_limited":
          log({ event: `staff.${out.kind === "locked" ? "account_locked" : "sign_in_blocked"}`, email, ip });
          reply.header("retry-after", String(out.retryAfterSeconds));
          return sendProblem(reply, {
            type: `https://crossback.dev/problems/${out.kind === "locked" ? "account_locked" : "rate_limited"}`,
            title: "Too many attempts",
            status: out.kind === "locked" ? 423 : 429,
            code: out.kind === "locked" ? "account_locked" : "rate_limited",
            detail: `Too many failed attempts: try again in ${Math.ceil(out.retryAfterSeconds / 60)} minutes.`,
            retryAfterSeconds: out.retryAfterSeconds,
          });
      }
    };

    app.post(
      "/session",
      {
        config: { rateLimit: LOGIN_RATE },
        schema: { tags, security: [], summary: "Sign in to the back office", body: signInBody },
      },
      async (req, reply) => {
        const out = await signIn(deps, { ...req.body, ip: req.ip });
        if (out.kind === "signed_in" || out.kind === "totp_required")
          setStaffCookie(req, reply, out.token, out.kind === "totp_required");
        else clearStaffCookie(reply);
        return answer(reply, out, req.body.email, req.ip);
      },
    );

    app.post(
      "/session/totp",
      {
        config: { rateLimit: LOGIN_RATE },
        schema: { tags, summary: "Send the TOTP code after the password", body: totpBody },
      },
      async (req, reply) => {
        const r = await loadStaff(deps, req, reply, { allowPending: true });
        if (r === "sent") return reply;
        if (r === "none" || !req.staff?.session.pendingTotp) return unauthenticated(reply);
        const out = await completeTotp(deps, req.staff.token, req.staff, req.body.code);
        if (out.kind === "signed_in") setStaffCookie(req, reply, out.token, false);
        return answer(reply, out, req.staff.account.email, req.ip);
      },
    );

    app.get(
      "/session",
      {
        onRequest: requireStaff(deps),
        schema: { tags, summary: "The signed-in account and its CSRF token" },
      },
      async (req) => {
        const s = staffOf(req);
        return presentMe(s.account, s.session.csrfToken);
      },
    );

    app.delete(
      "/session",
      {
        onRequest: requireStaff(deps),
        schema: { tags, summary: "Sign out (the session ends on the server)" },
      },
      async (req, reply) => {
        if (req.staff) await signOut(deps, req.staff.token);
        clearStaffCookie(reply);
        return reply.code(204).send();
      },
    );
  };
