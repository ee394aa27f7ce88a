import type { FastifyReply } from "fastify";
import { type DomainError, describe, type ErrorCode, type FieldIssue } from "../domain/errors.ts";

/** The one table from error code to HTTP status and title. */
export const STATUS: Readonly<Record<ErrorCode, readonly [number, string]>> = {
  invalid_input: [422, "Invalid input"],
  not_found: [404, "Not found"],
  illegal_transition: [409, "Command not allowed in this status"],
  version_conflict: [409, "Version conflict"],
  quantity_exceeded: [422, "Quantity exceeds the limit"],
  case_spans_vendors: [422, "Lines belong to several vendors"],
  not_eligible: [422, "Not eligible for return"],
  not_yet_expired: [409, "Not yet expired"],
  order_line_in_use: [409, "Order line used by returns"],
  idempotency_key_reused: [422, "Idempotency key reused"],
  idempotency_key_in_flight: [409, "Request in progress"],
  rate_limited: [429, "Too many requests"],
  unsupported_media_type: [415, "Unsupported media type"],
  shipment_not_voidable: [409, "Label cannot be voided"],
  settlement_state: [409, "Settlement action not allowed now"],
  order_locked: [409, "Money depends on this field"],
  order_cancelled: [409, "Order cancelled"],
  already_matched: [409, "Already matched"],
};

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { path: string; pointer: string; message: string }[];
  readonly [extra: string]: unknown;
}

function pointer(path: string): string {
  if (path === "(body)") return "";
  return `/${path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean)
    .join("/")}`;
}

export function issuesField(issues: readonly FieldIssue[]) {
  return issues.map((i) => ({ path: i.path, pointer: pointer(i.path), message: i.message }));
}

/** The error's own data, under public names. */
function extras(e: DomainError): Record<string, unknown> {
  switch (e.code) {
    case "invalid_input":
      return { errors: issuesField(e.issues) };
    case "illegal_transition":
      return { command: e.command, currentStatus: e.status, allowedCommands: e.allowed };
    case "version_conflict":
      return { expectedVersion: e.expected, currentVersion: e.actual };
    case "quantity_exceeded":
      return {
        limit: e.limit,
        requested: e.requested,
        errors: [{ path: e.path, pointer: pointer(e.path), message: `at most ${e.limit} (${e.what})` }],
      };
    case "unsupported_media_type":
      return {
        found: e.found,
        accepted: e.accepted,
        errors: [{ path: e.path, pointer: pointer(e.path), message: describe(e) }],
      };
    case "order_locked":
      return { errors: [{ path: e.path, pointer: pointer(e.path), message: e.reason }] };
    case "idempotency_key_reused":
    case "idempotency_key_in_flight":
      return { idempotencyKey: e.key };
    default: {
      const { code, ...data } = e;
      return data;
    }
  }
}

/** RFC 9457 problem details for a domain error: a stable `code`, a readable `detail`, the error's data. */
export function problemOf(e: DomainError): Problem {
  const [status, title] = STATUS[e.code];
  return {
    type: `https://crossback.dev/problems/${e.code}`,
    title,
    status,
    code: e.code,
    detail: describe(e),
    ...extras(e),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type("application/problem+json").send(p);
}

/** A webhook whose signature (or freshness) does not check out: 400, nothing changed. */
export function sendInvalidSignature(reply: FastifyReply, detail: string): FastifyReply {
  return sendProblem(reply, {
    type: "https://crossback.dev/problems/invalid_signature",
    title: "Invalid webhook",
    status: 400,
    code: "invalid_signature",
    detail,
  });
}

/** 400 invalid_request naming each failing field (as a schema failure is answered): nothing changed. */
export function sendFieldProblems(
  reply: FastifyReply,
  problems: readonly { field: string; message: string }[],
): FastifyReply {
  const errors = problems.map((p) => ({ path: p.field, pointer: pointer(p.field), message: p.message }));
  return sendProblem(reply, {
    type: "https://crossback.dev/problems/invalid_request",
    title: "Invalid request",
    status: 400,
    code: "invalid_request",
    detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
    errors,
  });
}
