import { useEffect, useRef, useState } from "react";
import type { Client } from "../api.ts";
import { policyFieldErrors } from "./field-ids.ts";
import type { PolicyDoc } from "./policy-doc.ts";

export interface Warning {
  readonly field: string;
  readonly jurisdiction: string;
  readonly citation: string;
  readonly message: string;
}

export interface SampleDecisionLine {
  readonly orderLineExternalId: string;
  readonly eligible: boolean;
  readonly track: string | null;
  readonly returnBy: string | null;
  readonly tracks: readonly { track: string; eligible: boolean; citation: string; explanation: string }[];
}

export interface CheckResult {
  readonly warnings: readonly Warning[];
  readonly problem: { readonly path: string; readonly message: string } | null;
  readonly decision: { readonly lines: readonly SampleDecisionLine[] } | null;
}

export interface Sample {
  readonly orderExternalId: string;
  readonly orderLineExternalId: string;
  readonly reason: string;
}

/**
 * Checks the draft as it is typed (after a short pause): the statutory warnings per covered country,
 * what a save would refuse, and the decision for the sample return. Nothing is saved.
 */
export function usePolicyCheck(client: Client, id: string, draft: PolicyDoc, sample: Sample | null) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const seq = useRef(0);
  const body = JSON.stringify({
    policy: draft,
    sample: sample
      ? {
          orderExternalId: sample.orderExternalId,
          lines: [{ orderLineExternalId: sample.orderLineExternalId, quantity: 1, reason: sample.reason }],
        }
      : null,
  });
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      client
        .merchant<CheckResult>("POST", `/policies/${encodeURIComponent(id)}/check`, JSON.parse(body))
        .then(
          (r) => {
            if (mine !== seq.current) return;
            setResult(r);
            setErrors({});
          },
          (e: unknown) => {
            if (mine !== seq.current) return;
            setErrors(policyFieldErrors(e));
          },
        );
    }, 350);
    return () => clearTimeout(timer);
  }, [client, id, body]);
  return { result, errors };
}
