/**
 * The assistant's optional phrasing model: any OpenAI-compatible chat-completions endpoint
 * (`ASSISTANT_LLM_URL`, e.g. https://api.openai.com/v1 or a local server), through the official
 * `openai` SDK. The prompt holds only the computed answer and its facts, and asks for them to be
 * re-worded in the shopper's language without adding anything; the use case checks the reply.
 */
import OpenAI from "openai";
import type { AssistantPhraser, PhrasingRequest } from "../../app/assistant/ports.ts";

export interface OpenAiPhraserConfig {
  /** Base URL of the OpenAI-compatible API (…/v1). */
  readonly baseUrl: string;
  readonly apiKey: string | null;
  readonly model: string;
  readonly timeoutMs?: number;
}

const SYSTEM = [
  "You re-word answers of a shop's returns assistant for a shopper.",
  "Use ONLY the facts given. Do not add numbers, dates, amounts, places, promises or advice that are not in them.",
  "Write plain text (no markdown, no HTML), at most three short sentences, in the language given by the locale.",
].join(" ");

export function promptFor(req: PhrasingRequest): string {
  return [
    `Locale: ${req.locale}`,
    `Shopper's question: ${req.question}`,
    `Answer to re-word: ${req.answer}`,
    "Facts:",
    ...req.facts.map((f) => `- ${f}`),
  ].join("\n");
}

export function openAiPhraser(config: OpenAiPhraserConfig): AssistantPhraser {
  const client = new OpenAI({
    baseURL: config.baseUrl,
    // Local servers often need no key; the SDK insists on one.
    apiKey: config.apiKey ?? "none",
    timeout: config.timeoutMs ?? 8_000,
    maxRetries: 0,
  });
  return {
    async phrase(req) {
      const completion = await client.chat.completions.create({
        model: config.model,
        temperature: 0,
        max_tokens: 300,
        messages: [
          { role: "system", content: SYSTEM },
          { role: "user", content: promptFor(req) },
        ],
      });
      const text = completion.choices[0]?.message?.content;
      if (typeof text !== "string" || text.trim() === "") throw new Error("the model gave no answer");
      return text;
    },
  };
}
