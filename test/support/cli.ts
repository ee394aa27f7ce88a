import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/crossback.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `crossback` command in a child process. */
export function crossback(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Server {
  readonly child: ChildProcess;
  readonly base: string;
  output(): string;
}

/** Starts `crossback serve` (or `args`) on a free port and waits until `listeners` processes listen. */
export function serve(
  env: Record<string, string>,
  args: readonly string[] = ["serve"],
  listeners = 1,
): Promise<Server> {
  return start(env, args, (out) => {
    const all = [...out.matchAll(/running on (http:\/\/[\d.]+:\d+)/g)];
    return all.length >= listeners ? (all[0]?.[1] ?? null) : null;
  });
}

/** Starts `crossback worker` (background jobs only) and waits until it runs. */
export function worker(env: Record<string, string>): Promise<Server> {
  return start(env, ["worker"], (out) => (out.includes("worker running") ? "" : null));
}

function start(
  env: Record<string, string>,
  args: readonly string[],
  ready: (output: string) => string | null,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        NO_COLOR: "1",
        PORT: "0",
        CROSSBACK_DEMO: "0",
        CROSSBACK_WEB_BUILD: "0",
        ...env,
      },
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start:\n${out}`)), 150_000);
    const onData = (d: Buffer) => {
      out += d;
      const base = ready(out);
      if (base !== null) {
        clearTimeout(timer);
        resolve({ child, base, output: () => out });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code}:\n${out}`));
    });
  });
}

export function killHard(s: Server): Promise<void> {
  return new Promise((resolve) => {
    s.child.removeAllListeners("exit");
    s.child.on("exit", () => resolve());
    s.child.kill("SIGKILL");
  });
}
