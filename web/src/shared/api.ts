/** The web apps talk to Crossback's HTTP API only: JSON in, JSON or RFC 9457 problems out. */

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const networkProblem: Problem = { status: 0, code: "network", detail: "network error" };

export async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  init: { form?: FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: {
        ...(init.form || body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(networkProblem);
  }
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const p = (json ?? {}) as Partial<Problem>;
    throw new ApiError({
      ...p,
      status: res.status,
      code: p.code ?? "error",
      detail: p.detail ?? res.statusText,
    });
  }
  return json as T;
}

/** Field errors of a problem keyed by path ("lines[0].reason"). */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  return Object.fromEntries((e.problem.errors ?? []).map((f) => [f.path, f.message]));
}
