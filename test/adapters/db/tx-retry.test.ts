import { describe, expect, it } from "vitest";
import { isConflict, retryingConflicts, sqlState } from "../../../src/adapters/db/tx-retry.ts";

/** An error as node-postgres raises it (a SQLSTATE in `code`), optionally wrapped as Drizzle wraps it. */
const pgError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });
const wrapped = (cause: Error) => Object.assign(new Error("Failed query: update …"), { cause });
const noPause = async () => {};

describe("retryingConflicts", () => {
  it("reads the SQLSTATE of a driver error, bare or wrapped by Drizzle", () => {
    expect(sqlState(pgError("40P01"))).toBe("40P01");
    expect(sqlState(wrapped(pgError("40001")))).toBe("40001");
    expect(sqlState(new Error("no code"))).toBeUndefined();
    // node's own error codes are not SQLSTATEs.
    expect(sqlState(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBeUndefined();
    expect(isConflict(wrapped(pgError("40P01")))).toBe(true);
    expect(isConflict(pgError("23505"))).toBe(false);
  });

  it("runs a transaction again after a deadlock or a serialization failure, and answers its result", async () => {
    const tries: number[] = [];
    const result = await retryingConflicts(
      async (n) => {
        tries.push(n);
        if (n === 1) throw wrapped(pgError("40P01"));
        if (n === 2) throw pgError("40001");
        return "done";
      },
      4,
      noPause,
    );
    expect(result).toBe("done");
    expect(tries).toEqual([1, 2, 3]);
  });

  it("lets any other error go up at once", async () => {
    let tries = 0;
    const unique = pgError("23505");
    await expect(
      retryingConflicts(
        async () => {
          tries++;
          throw unique;
        },
        4,
        noPause,
      ),
    ).rejects.toBe(unique);
    expect(tries).toBe(1);
  });

  it("gives up after the last try with the last conflict", async () => {
    let tries = 0;
    const errors = [1, 2, 3].map(() => pgError("40P01"));
    await expect(
      retryingConflicts(
        async () => {
          throw errors[tries++];
        },
        3,
        noPause,
      ),
    ).rejects.toBe(errors[2]);
    expect(tries).toBe(3);
  });
});
