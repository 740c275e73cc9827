// Finds every registered pattern in a byte buffer without looking at most bytes twice.
// Patterns of 7 bytes or more register their four 4-byte windows at offsets 0-3 in a 2^20-bit
// bitmap; the scan probes one window every 4 bytes, so each occurrence is probed exactly once, and
// only a set bit leads to an exact comparison. Patterns of 4-6 bytes are probed at every position,
// and of 1-3 bytes (a lowered minimum length) by their first byte: both only when there are any.

const BITS = 20;
const SHIFT = 32 - BITS;
const HASH = 0x9e3779b1;
const STEP = 4;
const LONG = 4 + STEP - 1;

/** A half-open byte range [start, end) to mask. */
export type Range = [number, number];

interface Window {
  pattern: Uint8Array;
  /** Where in the pattern this 4-byte window starts. */
  offset: number;
}

/** The 4 bytes at `at` as an int32 (V8 keeps int32 unboxed; a uint32 over 2^31 would not be). */
function word(b: Uint8Array, at: number): number {
  return (
    ((b[at] as number) << 24) |
    ((b[at + 1] as number) << 16) |
    ((b[at + 2] as number) << 8) |
    (b[at + 3] as number)
  );
}

class Table {
  readonly bitmap = new Uint8Array(1 << (BITS - 3));
  readonly byKey = new Map<number, Window[]>();
  size = 0;

  add(pattern: Uint8Array, offset: number): void {
    const key = word(pattern, offset);
    const h = Math.imul(key, HASH) >>> SHIFT;
    this.bitmap[h >>> 3] = (this.bitmap[h >>> 3] as number) | (1 << (h & 7));
    const list = this.byKey.get(key);
    if (list) list.push({ pattern, offset });
    else this.byKey.set(key, [{ pattern, offset }]);
    this.size++;
  }
}

export class Scanner {
  private readonly long = new Table();
  private readonly mid = new Table();
  private readonly short: (Uint8Array[] | undefined)[] = new Array(256);
  private hasShort = false;
  /** Patterns sorted bytewise, to answer "can this tail still grow into a pattern?". */
  private readonly sorted: Uint8Array[];
  /** Hashes of every pattern's first 3 bytes: most tail positions are ruled out by one probe. */
  private readonly prefix3 = new Uint8Array(1 << (BITS - 3));
  readonly maxLength: number;

  constructor(patterns: Iterable<Uint8Array>) {
    const all = [...patterns].filter((p) => p.length > 0);
    this.maxLength = all.reduce((m, p) => Math.max(m, p.length), 0);
    for (const p of all) {
      if (p.length >= LONG) for (let offset = 0; offset < STEP; offset++) this.long.add(p, offset);
      else if (p.length >= 4) this.mid.add(p, 0);
      else {
        const first = p[0] as number;
        this.short[first] = [...(this.short[first] ?? []), p];
        this.hasShort = true;
      }
    }
    for (const p of all) {
      if (p.length < 4) continue; // a proper prefix of 3 bytes or more needs a pattern of 4 or more
      const h =
        Math.imul(((p[0] as number) << 16) | ((p[1] as number) << 8) | (p[2] as number), HASH) >>> SHIFT;
      this.prefix3[h >>> 3] = (this.prefix3[h >>> 3] as number) | (1 << (h & 7));
    }
    this.sorted = all.sort(Buffer.compare);
  }

  /** Ranges of `input` covered by patterns, overlapping ones merged, in order. */
  scan(input: Uint8Array): Range[] {
    // A plain Uint8Array view: element access on Buffer (a subclass) is slower in the hot loop.
    const buf = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const n = buf.length;
    const found: Range[] = [];
    if (this.long.size > 0) {
      const { bitmap, byKey } = this.long;
      for (let j = 0; j + 3 < n; j += STEP) {
        const key = word(buf, j);
        const h = Math.imul(key, HASH) >>> SHIFT;
        if (((bitmap[h >>> 3] as number) & (1 << (h & 7))) === 0) continue;
        const list = byKey.get(key);
        if (list !== undefined) collect(buf, list, j, found);
      }
    }
    if (this.mid.size > 0 && n >= 4) {
      const { bitmap, byKey } = this.mid;
      let key = ((buf[0] as number) << 16) | ((buf[1] as number) << 8) | (buf[2] as number);
      for (let j = 3; j < n; j++) {
        key = (key << 8) | (buf[j] as number);
        const h = Math.imul(key, HASH) >>> SHIFT;
        if (((bitmap[h >>> 3] as number) & (1 << (h & 7))) === 0) continue;
        const list = byKey.get(key);
        if (list !== undefined) collect(buf, list, j - 3, found);
      }
    }
    if (this.hasShort) {
      for (let j = 0; j < n; j++) {
        const list = this.short[buf[j] as number];
        if (list === undefined) continue;
        for (const p of list) if (j + p.length <= n && startsWith(buf, j, p)) found.push([j, j + p.length]);
      }
    }
    return merge(found);
  }

  /** The first index from which `buf` ends in a proper prefix of some pattern (buf.length if none). */
  growableFrom(buf: Uint8Array): number {
    const n = buf.length;
    for (let p = Math.max(0, n - this.maxLength + 1); p < n; p++) {
      if (n - p >= 3) {
        const h =
          Math.imul(
            ((buf[p] as number) << 16) | ((buf[p + 1] as number) << 8) | (buf[p + 2] as number),
            HASH,
          ) >>> SHIFT;
        if (((this.prefix3[h >>> 3] as number) & (1 << (h & 7))) === 0) continue;
      }
      if (this.isProperPrefix(buf.subarray(p))) return p;
    }
    return n;
  }

  private isProperPrefix(tail: Uint8Array): boolean {
    // The first pattern not less than `tail` in byte order is the one that would start with it.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(this.sorted[mid] as Uint8Array, tail) < 0) lo = mid + 1;
      else hi = mid;
    }
    const candidate = this.sorted[lo];
    return candidate !== undefined && candidate.length > tail.length && startsWith(candidate, 0, tail);
  }
}

/** Records every pattern of `list` whose window matched at `at` and that is whole inside `buf`. */
function collect(buf: Uint8Array, list: readonly Window[], at: number, found: Range[]): void {
  for (const { pattern, offset } of list) {
    const start = at - offset;
    if (start >= 0 && start + pattern.length <= buf.length && startsWith(buf, start, pattern)) {
      found.push([start, start + pattern.length]);
    }
  }
}

function startsWith(buf: Uint8Array, at: number, p: Uint8Array): boolean {
  for (let i = 0; i < p.length; i++) if (buf[at + i] !== p[i]) return false;
  return true;
}

/** Sorts ranges and merges the overlapping ones (touching ones stay apart). */
function merge(ranges: Range[]): Range[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
