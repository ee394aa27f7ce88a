import pg from "pg";
import type { ConfigWatch } from "./config-cache.ts";
import type { Database } from "./database.ts";

/** The channel migration 0028's triggers announce configuration changes on (payload: the merchant id). */
export const CONFIG_CHANNEL = "crossback_config";
const RECONNECT_MS = 1_000;

/**
 * Hears the announcements of configuration changes. PostgreSQL: one dedicated connection LISTENing
 * (a pooled connection would be handed to others); when it drops, everything may have changed meanwhile:
 * `onChange(null)`, not live until it listens again (retried every second). PGlite: one process owns the
 * database and hears its own notifications at commit. Stopped when the database closes.
 */
export function watchConfig(database: Database): ConfigWatch {
  return (onChange) => {
    if (database.pglite) return watchEmbedded(database, onChange);
    if (!database.connectionString) throw new Error("no connection string to listen on");
    return watchServer(database, database.connectionString, onChange);
  };
}

function watchEmbedded(database: Database, onChange: (merchantId: string | null) => void) {
  let live = false;
  let stopped = false;
  const pglite = database.pglite;
  if (!pglite) throw new Error("not embedded");
  const listening = pglite
    .listen(CONFIG_CHANNEL, (payload) => onChange(payload || null))
    .then((unlisten) => {
      live = !stopped;
      return unlisten;
    });
  database.onClose(async () => {
    stopped = true;
    live = false;
    await (await listening)();
  });
  return { live: () => live };
}

function watchServer(database: Database, url: string, onChange: (merchantId: string | null) => void) {
  let live = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    live = false;
    onChange(null);
    c.end().catch(() => {});
    if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
  };
  const connect = async () => {
    retry = null;
    const c = new pg.Client({ connectionString: url, application_name: "crossback config watch" });
    client = c;
    c.on("error", () => lost(c));
    c.on("end", () => lost(c));
    c.on("notification", (n) => onChange(n.payload || null));
    try {
      await c.connect();
      await c.query(`LISTEN ${CONFIG_CHANNEL}`);
      if (client === c && !stopped) live = true;
    } catch {
      lost(c);
    }
  };
  void connect();
  database.onClose(async () => {
    stopped = true;
    live = false;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  });
  return { live: () => live };
}
