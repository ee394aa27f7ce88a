import {
  type messages,
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from "@electric-sql/pglite";
import { NAMED_TEXT_CAP } from "./named-statements.ts";

type BackendMessage = messages.BackendMessage;
type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/** What Drizzle's PGlite session calls on its client (and on a transaction's). */
export interface NamedPglite {
  query: Query;
  transaction<T>(fn: (tx: NamedTransaction) => Promise<T>): Promise<T>;
}
export interface NamedTransaction extends Omit<Transaction, "query"> {
  query: Query;
}

interface Statement {
  readonly name: string;
  /** The parameters' types, as PostgreSQL inferred them when it parsed the text. */
  readonly types: readonly number[];
  /** The statement's row description; none for a statement that returns no rows. */
  readonly rows: BackendMessage | undefined;
}

type Parsers = PGlite["parsers"];

interface Cache {
  readonly texts: Map<string, Statement>;
  next: number;
  /**
   * PGlite's parsers (300-odd types) with a call's own (Drizzle's: dates as text) laid over them, per
   * object of the call's: PGlite's `parseResults` spreads both into a new object on every result (12 %
   * of the server's CPU per creation on PGlite). PGlite fills its parsers when it starts (array types
   * included; nothing here calls `refreshArrayTypes`).
   */
  readonly merged: WeakMap<object, Parsers>;
}

const { serialize } = protocol;
const caches = new WeakMap<PGlite, Cache>();

function cacheOf(pg: PGlite): Cache {
  let cache = caches.get(pg);
  if (!cache) {
    cache = { texts: new Map(), next: 0, merged: new WeakMap() };
    caches.set(pg, cache);
  }
  return cache;
}

async function prepare(pg: PGlite, cache: Cache, text: string): Promise<Statement> {
  const name = `cb_${cache.next++}`;
  const parsed = await pg.execProtocolStream(
    Buffer.concat([
      serialize.parse({ name, text }),
      serialize.describe({ type: "S", name }),
      serialize.sync(),
    ]),
    { syncToFs: false },
  );
  const described = parsed.find((m) => m.name === "parameterDescription");
  const types = described && "dataTypeIDs" in described ? (described.dataTypeIDs as number[]) : [];
  const statement = { name, types, rows: parsed.find((m) => m.name === "rowDescription") };
  cache.texts.set(text, statement);
  return statement;
}

function parsersOf(pg: PGlite, cache: Cache, options: QueryOptions | undefined): Parsers {
  const own = options?.parsers;
  if (!own) return pg.parsers;
  let merged = cache.merged.get(own);
  if (!merged) {
    merged = { ...pg.parsers, ...own };
    cache.merged.set(own, merged);
  }
  return merged;
}

/** Binds and executes a named statement in one call into PGlite; the caller holds its query lock. */
async function execute<T>(
  pg: PGlite,
  text: string,
  params: readonly unknown[],
  options: QueryOptions | undefined,
): Promise<Results<T>> {
  const cache = cacheOf(pg);
  const statement = cache.texts.get(text) ?? (await prepare(pg, cache, text));
  const values = params.map((p, i) => {
    if (p === null || p === undefined) return null;
    const type = statement.types[i] ?? 0;
    const write = options?.serializers?.[type] ?? pg.serializers[type];
    return write ? write(p) : String(p);
  });
  try {
    const replies = await pg.execProtocolStream(
      Buffer.concat([
        serialize.bind({ statement: statement.name, values }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const all = statement.rows ? [statement.rows, ...replies] : replies;
    return parse.parseResults(all, parsersOf(pg, cache, options), {
      ...options,
      parsers: undefined,
    })[0] as Results<T>;
  } catch (e) {
    // A table changed under a statement so that its rows changed shape: parse it afresh next time.
    if (e instanceof Error && /cached plan must not change result type/.test(e.message)) {
      cache.texts.delete(text);
    }
    throw Object.assign(e as object, { query: text, params });
  }
}

/**
 * PGlite queries as named prepared statements. PGlite's own `query` parses, describes, binds, describes
 * and executes each call in six separate calls into its WebAssembly backend, and PostgreSQL parses and
 * plans the text every time. Here a text is parsed once per database (and, after five runs, keeps a
 * generic plan, as on PostgreSQL) and each call is one bind-execute-sync message: one call into the
 * backend. Locking follows PGlite's: outside a transaction a query waits for the transaction lock, inside
 * one only for the query lock. Past NAMED_TEXT_CAP texts, and for COPY blobs, PGlite's own query runs.
 */
export function namedPglite(pg: PGlite, cap = NAMED_TEXT_CAP): NamedPglite {
  const { texts } = cacheOf(pg);
  const named = (text: string, options: QueryOptions | undefined) =>
    !options?.blob && (texts.has(text) || texts.size < cap);
  const inTransaction = (tx: Transaction): NamedTransaction =>
    Object.assign(Object.create(tx) as Transaction, {
      query: <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
        if (tx.closed) throw new Error("Transaction is closed");
        if (!named(text, options)) return tx.query<T>(text, params, options);
        return pg._runExclusiveQuery(() => execute<T>(pg, text, params, options));
      },
    });
  return {
    query: <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
      if (!named(text, options)) return pg.query<T>(text, params, options);
      return pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(async () => {
          const result = await execute<T>(pg, text, params, options);
          await pg.syncToFs();
          return result;
        }),
      );
    },
    transaction: (fn) => pg.transaction((tx) => fn(inTransaction(tx))),
  };
}
