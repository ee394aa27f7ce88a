import type { Actor } from "../../domain/actor.ts";
import type { AssistantPhraser } from "../assistant/ports.ts";
import type { CreditNoteView } from "../documents/credit-note-view.ts";
import type { LogisticsDeps } from "../logistics/ports.ts";
import type { NotifyDeps } from "../notify/ports.ts";
import type { PlatformAdapters } from "../platforms/ports.ts";
import type { RetentionSettings } from "../retention.ts";
import type { Clock, IdSource } from "./clock.ts";
import type { JobQueue } from "./jobs.ts";
import type { PaymentGateway } from "./payments.ts";
import type { Store } from "./store.ts";

/** Where portal photos are kept: the data directory, or an S3-compatible bucket. */
export interface PhotoStorage {
  readonly kind: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

/** Structured operational log (refused state changes, recoveries); never given secrets or bank details. */
export type OperationsLog = (event: Readonly<Record<string, unknown>>) => void;

export interface Deps {
  /** Where refused settlement transitions and sweep decisions are logged (default: stderr, JSON). */
  readonly log?: OperationsLog;
  /** Portal photo uploads; without it uploads are refused. */
  readonly photos?: PhotoStorage;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly gateways: ReadonlyMap<string, PaymentGateway>;
  /** Background jobs; without it (tests, CLI) settlements run right after the commit. */
  readonly jobs?: JobQueue;
  /** Carriers, documents, signed webhooks and the lane table (main.ts wires them). */
  readonly logistics?: LogisticsDeps;
  /** The outbox relay's settings and the senders of merchant webhooks; without it nothing is sent. */
  readonly notify?: NotifyDeps;
  /** Encrypts values kept at rest (provider API keys, bank details); without it they cannot be stored. */
  readonly secrets?: SecretBox;
  /** Shopify and WooCommerce (order import, webhooks, mirroring of cases); without it none is connected. */
  readonly platforms?: PlatformAdapters;
  /** How long idempotency keys and webhook events are kept (default DEFAULT_RETENTION). */
  readonly retention?: RetentionSettings;
  /** Renders documents (the credit-note PDF; credit-note-pdf.ts). */
  readonly documents: DocumentRenderer;
  /** Re-words the returns assistant's answers (ASSISTANT_LLM_URL); without it the assistant's own words. */
  readonly assistant?: AssistantPhraser;
}

/** Lays out an already-decided document; throws when its figures do not add up (a bug, not input). */
export interface DocumentRenderer {
  creditNotePdf(view: CreditNoteView, locale: string): Promise<Uint8Array>;
}

/** AES-256-GCM sealing with a named key (field-cipher.ts); `decrypt` reads values of retired keys too. */
export interface SecretBox {
  readonly keyId: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The key a sealed value was made with (null: not a sealed value). */
  keyIdOf(sealed: string): string | null;
}

export type { Actor };
