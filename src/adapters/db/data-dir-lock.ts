import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own: two processes on one data directory lose rows. Takes
 * `<dir>/crossback.lock` (our pid); a lock left by a dead process is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string, what: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "crossback.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n${what}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const [pidText, holder] = readFileSync(path, "utf8").split("\n");
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(
          `The Crossback data directory ${dir} is in use by process ${pid} (${holder ?? "crossback"}).\n` +
            "The embedded database (PGlite) allows one process at a time: stop that process first, " +
            "use another CROSSBACK_DATA_DIR, or run on PostgreSQL with DATABASE_URL=postgres://…",
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`could not take the lock ${path}`);
}
