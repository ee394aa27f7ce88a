import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type CommandInput, runCaseCommand } from "../../app/case-commands.ts";
import { toMoney } from "../../app/inputs/fields.ts";
import {
  approveBody,
  inspectBody,
  plainCommandBody,
  receiveBody,
  rejectBody,
  resolveBody,
  shipBody,
} from "../../app/inputs/return-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import type { CaseCommandType } from "../../domain/case-status.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentCase } from "../presenters.ts";
import { outcome, sendIdempotent } from "../respond.ts";

interface CommandRoute<S extends z.ZodType> {
  readonly body: S;
  readonly summary: string;
  readonly input: (b: z.infer<S>) => CommandInput;
}

const route = <S extends z.ZodType>(r: CommandRoute<S>) => r;

/** One entry per command: its body schema and how the body becomes a command. */
const COMMANDS = {
  approve: route({
    body: approveBody,
    summary: "Approve all requested units, or the listed quantities (the rest is rejected)",
    input: (b) => ({
      type: "approve",
      lines: b.lines,
      returnRequired: b.returnRequired,
      shipByDays: b.shipByDays,
    }),
  }),
  reject: route({
    body: rejectBody,
    summary: "Reject the whole return (reason required)",
    input: () => ({ type: "reject" }),
  }),
  review: route({
    body: plainCommandBody,
    summary: "Send the return to manual review",
    input: () => ({ type: "review" }),
  }),
  cancel: route({
    body: plainCommandBody,
    summary: "Cancel the return before goods arrive",
    input: () => ({ type: "cancel" }),
  }),
  ship: route({
    body: shipBody,
    summary: "Record that units were sent back (all not yet shipped, or the listed ones)",
    input: (b) => ({ type: "ship", lines: b.lines, carrier: b.carrier, trackingNumber: b.trackingNumber }),
  }),
  receive: route({
    body: receiveBody,
    summary:
      "Record goods received at a location (partial allowed), with exceptions (wrong item, short, lost)",
    input: (b) => ({
      type: "receive",
      locationCode: b.locationCode,
      lines: b.lines,
      exceptions: b.exceptions,
    }),
  }),
  inspect: route({
    body: inspectBody,
    summary:
      "Grade received units and set their disposition (unknown condition → quarantine); each line emits inventory.adjusted",
    input: (b) => ({ type: "inspect", lines: b.lines, locationCode: b.locationCode }),
  }),
  resolve: route({
    body: resolveBody,
    summary: "Settle units: refund to the original tender, store credit, exchange or keep-it",
    input: (b) => ({
      type: "resolve",
      lines: b.lines,
      replacement: b.replacement
        ? {
            ...b.replacement,
            unitPrice: toMoney(b.replacement.unitPrice.amount, b.replacement.unitPrice.currency),
          }
        : null,
    }),
  }),
  close: route({
    body: plainCommandBody,
    summary: "Close a resolved or rejected return",
    input: () => ({ type: "close" }),
  }),
  expire: route({
    body: plainCommandBody,
    summary: "Expire a return whose ship-by time has passed",
    input: () => ({ type: "expire" }),
  }),
} satisfies Record<CaseCommandType, CommandRoute<z.ZodType>>;

export const returnCommandRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [name, cmd] of Object.entries(COMMANDS) as [
      CaseCommandType,
      CommandRoute<z.ZodType<{ reason?: string; expectedVersion?: number }>>,
    ][]) {
      app.post(
        `/returns/:id/${name}`,
        {
          schema: {
            tags: ["return commands"],
            summary: cmd.summary,
            description:
              "409 names the current status and the allowed commands; 422 names the quantity limit.",
            params: z.object({ id: z.string() }),
            body: cmd.body,
          },
        },
        async (req, reply) => {
          const bad = notFoundUnlessUuid(reply, "return", req.params.id);
          if (bad) return bad;
          const body = req.body;
          return sendIdempotent(
            deps,
            req,
            reply,
            (d) =>
              runCaseCommand(d, merchantOf(req), req.params.id, cmd.input(body), {
                actor: actorOf(req),
                reason: body.reason,
                expectedVersion: body.expectedVersion,
              }),
            (r) => outcome(r, 200, (v) => presentCase(v.case, v.settlements, deps.clock.now())),
          );
        },
      );
    }
  };
