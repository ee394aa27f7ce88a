/**
 * The optional phrasing model (an OpenAI-compatible chat endpoint, `ASSISTANT_LLM_URL`): it receives
 * only the computed answer and its facts and returns them re-worded in the shopper's language. The
 * use case checks the reply (`checkPhrasing`) and falls back to its own words on any doubt or error.
 */
export interface PhrasingRequest {
  readonly locale: string;
  readonly intent: string;
  readonly question: string;
  readonly answer: string;
  readonly facts: readonly string[];
}

export interface AssistantPhraser {
  /** The re-worded answer; throws (timeout, HTTP error, empty reply) when it has none. */
  phrase(req: PhrasingRequest): Promise<string>;
}
