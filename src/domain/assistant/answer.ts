/**
 * Words the facts of one question in the shopper's language: a short answer and the list of facts
 * behind it, each with its statute, policy rule or case field. Unknown questions, a request for a
 * person, or facts too thin to answer from are handed over to a colleague.
 */
import type { Locale } from "../locales.ts";
import { customsTerritory } from "../logistics/territories.ts";
import { formatterFor } from "../policy/render/format.ts";
import { type Say, sayIn } from "./assistant-catalogues.ts";
import type { AssistantAnswer, AssistantFacts, Fact, LineFacts } from "./facts.ts";

type Fmt = ReturnType<typeof formatterFor>;

const handover = (say: Say, intent: AssistantAnswer["intent"]): AssistantAnswer => ({
  intent,
  answer: say("handover"),
  facts: [],
  handover: true,
});

const done = (intent: AssistantAnswer["intent"], answer: string, facts: Fact[]): AssistantAnswer => ({
  intent,
  answer,
  facts,
  handover: false,
});

function lineFact(say: Say, fmt: Fmt, l: LineFacts): Fact {
  const citation = l.citation ? { citation: l.citation } : {};
  if (l.returnable > 0 && l.returnBy)
    return {
      kind: "line_eligible",
      text: say("line.returnable", { title: l.title, date: fmt.date(l.returnBy), track: l.track ?? "other" }),
      ...citation,
    };
  const why = l.returnable === 0 && !l.whyNot ? "held" : (l.whyNot?.code ?? "other");
  const date = l.whyNot?.date ? fmt.date(l.whyNot.date) : "";
  return {
    kind: "line_not_eligible",
    text: say("line.notReturnable", { title: l.title, why, date }),
    ...citation,
  };
}

function eligibility(say: Say, fmt: Fmt, lines: readonly LineFacts[]): AssistantAnswer {
  if (lines.length === 0) return handover(say, "eligibility");
  const open = lines.filter((l) => l.returnable > 0 && l.returnBy);
  const last = open
    .map((l) => l.returnBy ?? "")
    .sort()
    .at(-1);
  const answer = last
    ? say("eligibility.some", { count: open.length, date: fmt.date(last) })
    : say("eligibility.none");
  return done(
    "eligibility",
    answer,
    lines.map((l) => lineFact(say, fmt, l)),
  );
}

function refund(
  say: Say,
  fmt: Fmt,
  f: Extract<AssistantFacts, { intent: "refund_timing" }>,
): AssistantAnswer {
  if (f.parts.length === 0) return done("refund_timing", say("refund.none"), []);
  const where = f.caseNumber ? { caseFact: `${f.caseNumber}.refund` } : {};
  // An estimate later than the statutory deadline is never given as if it were fine: it says so.
  const dueBy = f.deadline?.dueBy ?? null;
  const late = (expectedBy: string | null) =>
    dueBy !== null && expectedBy !== null && expectedBy.slice(0, 10) > dueBy.slice(0, 10);
  const facts: Fact[] = f.parts.map((p) => ({
    kind: "refund_part",
    text: say("refund.part", {
      amount: fmt.money(p.amount),
      method: p.method,
      paid: p.paid ? "yes" : late(p.expectedBy) ? "late" : "no",
      date: p.expectedBy ? fmt.date(p.expectedBy) : "",
      deadline: dueBy ? fmt.date(dueBy) : "",
    }),
    ...where,
  }));
  if (f.trigger)
    facts.push({
      kind: "refund_trigger",
      text: say("refund.trigger", { trigger: f.trigger }),
      citation: `policy.refundTrigger=${f.trigger}`,
    });
  if (f.deadline)
    facts.push({
      kind: "refund_deadline",
      text: say("refund.deadline", { date: fmt.date(f.deadline.dueBy) }),
      citation: f.deadline.citation,
    });
  const first = facts[0];
  return done("refund_timing", first ? first.text : say("refund.none"), facts);
}

function status(say: Say, fmt: Fmt, f: Extract<AssistantFacts, { intent: "status" }>): AssistantAnswer {
  const c = f.case;
  if (!c) return done("status", say("status.none"), []);
  const answer = say("status.case", { number: c.number, status: c.status });
  const facts: Fact[] = [{ kind: "case_status", text: answer, caseFact: `${c.number}.status` }];
  if (c.shipBy && (c.status === "approved" || c.status === "awaiting_shipment"))
    facts.push({
      kind: "ship_by",
      text: say("status.shipBy", { date: fmt.date(c.shipBy) }),
      caseFact: `${c.number}.shipBy`,
    });
  if (c.tracking)
    facts.push({
      kind: "tracking",
      text: say("status.tracking", { number: c.tracking.number, carrier: c.tracking.carrier ?? "none" }),
      caseFact: `${c.number}.tracking`,
    });
  for (const s of c.shipments)
    facts.push({
      kind: "shipment",
      text: say("status.shipment", { number: s.trackingNumber ?? c.number, status: s.status }),
      caseFact: `${c.number}.shipments`,
    });
  return done("status", answer, facts);
}

function send(
  say: Say,
  fmt: Fmt,
  f: Extract<AssistantFacts, { intent: "send_from" }>["send"],
): AssistantAnswer {
  const country = fmt.place(f.country, null);
  if (!f.destination || f.days === null)
    return {
      ...handover(say, "send_from"),
      facts: [{ kind: "no_route", text: say("send.nowhere", { country }) }],
    };
  const lane = f.laneSource ? { citation: `lane ${f.laneSource}` } : {};
  const route = say("send.route", {
    country,
    place: f.destination.name,
    destination: fmt.place(f.destination.country, null),
    days: f.days,
  });
  const facts: Fact[] = [
    { kind: "route", text: route, ...lane },
    {
      kind: "customs",
      text: say("send.customs", { customs: f.customs ? "yes" : "no" }),
      citation: `customs territory ${customsTerritory(f.country)} → ${customsTerritory(f.destination.country)}`,
    },
  ];
  if (f.labelCost)
    facts.push({
      kind: "label",
      text: say("send.label", { country, cost: fmt.money(f.labelCost) }),
      ...lane,
    });
  return done("send_from", route, facts);
}

function costs(say: Say, fmt: Fmt, f: Extract<AssistantFacts, { intent: "costs" }>): AssistantAnswer {
  const policy = f.policyRef ? { citation: f.policyRef } : {};
  const [first] = f.fees;
  if (!first) return done("costs", say("costs.free"), [{ kind: "fees", text: say("costs.free"), ...policy }]);
  const total = {
    amount: f.fees.reduce((a, x) => a + Math.abs(x.amount.amount), 0),
    currency: first.amount.currency,
  };
  const facts: Fact[] = f.fees.map((x) => ({
    kind: "fee",
    text: say("costs.fee", {
      type: x.type,
      amount: fmt.money({ ...x.amount, amount: Math.abs(x.amount.amount) }),
    }),
    citation: x.ruleId,
  }));
  return done("costs", say("costs.total", { total: fmt.money(total) }), facts);
}

/** The answer to one question from its facts, in the shopper's language. */
export function composeAnswer(locale: Locale, facts: AssistantFacts): AssistantAnswer {
  const say = sayIn(locale);
  const fmt = formatterFor(locale);
  switch (facts.intent) {
    case "eligibility":
      return eligibility(say, fmt, facts.lines);
    case "refund_timing":
      return refund(say, fmt, facts);
    case "status":
      return status(say, fmt, facts);
    case "send_from":
      return send(say, fmt, facts.send);
    case "costs":
      return costs(say, fmt, facts);
    default:
      return handover(say, facts.intent);
  }
}
