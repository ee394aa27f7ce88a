import type { FieldIssue } from "../errors.ts";
import { err, ok, type Result } from "../result.ts";
import {
  type CheckedBatch,
  type CheckedTransaction,
  checkPain001Batch,
  type Pain001Batch,
} from "./pain001-batch.ts";

export type { Pain001Batch, Pain001Payment } from "./pain001-batch.ts";

export const PAIN_001_001_09_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes text for XML content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly (XmlElement | null)[];
}

const text = (name: string, value: string, attributes?: Record<string, string>): XmlElement =>
  attributes ? { name, text: value, attributes } : { name, text: value };
const element = (name: string, ...children: (XmlElement | null)[]): XmlElement => ({ name, children });

function render(node: XmlElement, depth: number): string {
  const pad = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const open = `${pad}<${node.name}${attributes}>`;
  if (node.text !== undefined) return `${open}${escapeXml(node.text)}</${node.name}>`;
  const children = (node.children ?? []).flatMap((child) => (child ? [render(child, depth + 1)] : []));
  return [open, ...children, `${pad}</${node.name}>`].join("\n");
}

const agent = (name: string, bic: string): XmlElement =>
  element(name, element("FinInstnId", text("BICFI", bic)));
const account = (name: string, iban: string): XmlElement => element(name, element("Id", text("IBAN", iban)));

function transaction(tx: CheckedTransaction): XmlElement {
  return element(
    "CdtTrfTxInf",
    element("PmtId", text("InstrId", tx.instructionId), text("EndToEndId", tx.endToEndId)),
    element("Amt", text("InstdAmt", tx.amount, { Ccy: "EUR" })),
    tx.creditor.bic === null ? null : agent("CdtrAgt", tx.creditor.bic),
    element("Cdtr", text("Nm", tx.creditor.name)),
    account("CdtrAcct", tx.creditor.iban),
    tx.remittance === null ? null : element("RmtInf", text("Ustrd", tx.remittance)),
  );
}

/**
 * The document, element by element in the order of the EPC132-08 2023 pain.001.001.09 schema. One
 * payment information block (PmtInfId = MsgId) carries all transactions; payment type (SEPA) and
 * charge bearer (SLEV) are given once at that level, as the guidelines recommend.
 */
export function renderPain001(b: CheckedBatch): string {
  const document: XmlElement = {
    name: "Document",
    attributes: { xmlns: PAIN_001_001_09_NAMESPACE },
    children: [
      element(
        "CstmrCdtTrfInitn",
        element(
          "GrpHdr",
          text("MsgId", b.messageId),
          text("CreDtTm", b.creationDateTime),
          text("NbOfTxs", b.numberOfTransactions),
          text("CtrlSum", b.controlSum),
          element("InitgPty", text("Nm", b.debtor.name)),
        ),
        element(
          "PmtInf",
          text("PmtInfId", b.messageId),
          text("PmtMtd", "TRF"),
          text("BtchBookg", String(b.batchBooking)),
          text("NbOfTxs", b.numberOfTransactions),
          text("CtrlSum", b.controlSum),
          element("PmtTpInf", element("SvcLvl", text("Cd", "SEPA"))),
          element("ReqdExctnDt", text("Dt", b.requestedExecutionDate)),
          element("Dbtr", text("Nm", b.debtor.name)),
          account("DbtrAcct", b.debtor.iban),
          agent("DbtrAgt", b.debtor.bic),
          text("ChrgBr", "SLEV"),
          ...b.transactions.map(transaction),
        ),
      ),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(document, 0)}\n`;
}

/**
 * A SEPA credit-transfer initiation (ISO 20022 pain.001.001.09, EPC SCT customer-to-PSP guidelines
 * EPC132-08 2023) for a batch of EUR payouts, as UTF-8 XML text; or every problem, by field path.
 * NbOfTxs and CtrlSum are computed here, in integer cents.
 */
export function buildPain001(batch: Pain001Batch): Result<string, FieldIssue[]> {
  const checked = checkPain001Batch(batch);
  return checked.ok ? ok(renderPain001(checked.value)) : err(checked.error);
}
