import { randomFillSync } from "node:crypto";
import type { Clock, IdSource } from "../app/ports/index.ts";

export const systemClock: Clock = { now: () => new Date() };

/** Random bytes drawn 4 KiB at a time (one call into OpenSSL per 240 ids, where it was two per id). */
function randomPool(size = 4096): (n: number) => Buffer {
  const pool = Buffer.alloc(size);
  let at = size;
  return (n) => {
    if (at + n > size) {
      randomFillSync(pool);
      at = 0;
    }
    at += n;
    return pool.subarray(at - n, at);
  };
}

/**
 * RFC 9562 UUID version 7: 48-bit Unix milliseconds, a 12-bit counter (method 1 of §6.2) that
 * keeps ids made in one millisecond in order, then random bits.
 */
export function uuidv7Source(clock: Clock = systemClock): IdSource {
  let lastMs = 0;
  let seq = 0;
  const random = randomPool();
  return {
    next() {
      const now = clock.now().getTime();
      if (now > lastMs) {
        lastMs = now;
        seq = random(2).readUInt16BE(0) & 0x3ff;
      } else if (++seq > 0xfff) {
        lastMs += 1;
        seq = 0;
      }
      const b = Buffer.from(random(16));
      b.writeUIntBE(lastMs, 0, 6);
      b[6] = 0x70 | (seq >> 8);
      b[7] = seq & 0xff;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = b.toString("hex");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
