import { Transform, type TransformCallback } from "node:stream";
import type { Scanner } from "./scanner.js";

const MASK_BYTES = Buffer.from("***");

/** Replaces the ranges of `buf` below `end` with the mask; returns the output bytes. */
function masked(buf: Buffer, ranges: readonly [number, number][], end: number): Buffer {
  if (ranges.length === 0) return buf.subarray(0, end);
  const parts: Buffer[] = [];
  let at = 0;
  for (const [start, stop] of ranges) {
    if (start >= end) break;
    parts.push(buf.subarray(at, start), MASK_BYTES);
    at = stop;
  }
  parts.push(buf.subarray(at, end));
  return Buffer.concat(parts);
}

/**
 * Masks a byte stream chunk by chunk. A secret split across any number of writes is still masked:
 * the bytes that could still grow into a pattern (never more than the longest pattern) are held
 * until the next write or the end; everything before them is passed on at once. The output equals
 * masking the whole input in one piece, whatever the chunking.
 */
export class Redactor {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly scanner: () => Scanner) {}

  /** Feeds a chunk; returns what can be emitted now. */
  push(chunk: Uint8Array): Buffer {
    // No copy in the common case: nothing held back from the last write.
    const buf =
      this.pending.length === 0
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.concat([this.pending, chunk]);
    const scanner = this.scanner();
    if (scanner.maxLength === 0) {
      this.pending = Buffer.alloc(0);
      return buf;
    }
    const ranges = scanner.scan(buf);
    let emitUpTo = scanner.growableFrom(buf);
    // A match that reaches into the held tail may still merge with one that starts there: hold it too.
    for (let i = ranges.length - 1; i >= 0; i--) {
      const range = ranges[i] as [number, number];
      if (range[1] < emitUpTo) break;
      if (range[0] < emitUpTo) emitUpTo = range[0];
    }
    this.pending = Buffer.from(buf.subarray(emitUpTo));
    return masked(buf, ranges, emitUpTo);
  }

  /** The end of the stream: masks and returns everything held. */
  flush(): Buffer {
    const buf = this.pending;
    this.pending = Buffer.alloc(0);
    if (buf.length === 0) return buf;
    return masked(buf, this.scanner().scan(buf), buf.length);
  }

  /** A Transform stream around this redactor, for piping a child's stdout or stderr. */
  stream(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) => {
        const out = this.push(chunk);
        done(null, out.length > 0 ? out : undefined);
      },
      flush: (done: TransformCallback) => {
        const out = this.flush();
        done(null, out.length > 0 ? out : undefined);
      },
    });
  }
}
