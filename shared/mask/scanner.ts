// Finds every registered pattern in a byte buffer, touching each byte a small constant number of
// times: a rolling 4-byte key is hashed into a 2^20-bit bitmap, and only a set bit leads to an exact
// comparison with the patterns that start with those 4 bytes. Patterns of 1-3 bytes (a lowered
// minimum length) are checked by their first byte.

const BITS = 20;
const SHIFT = 32 - BITS;
const HASH = 0x9e3779b1;

/** A half-open byte range [start, end) to mask. */
export type Range = [number, number];

export class Scanner {
  private readonly bitmap = new Uint8Array(1 << (BITS - 3));
  private readonly byKey = new Map<number, Uint8Array[]>();
  private readonly short: (Uint8Array[] | undefined)[] = new Array(256);
  private hasShort = false;
  /** Patterns sorted bytewise, to answer "can this tail still grow into a pattern?". */
  private readonly sorted: Uint8Array[];
  readonly maxLength: number;

  constructor(patterns: Iterable<Uint8Array>) {
    const all = [...patterns].filter((p) => p.length > 0);
    this.maxLength = all.reduce((m, p) => Math.max(m, p.length), 0);
    for (const p of all) {
      if (p.length < 4) {
        const first = p[0] as number;
        this.short[first] ??= [];
        this.short[first]?.push(p);
        this.hasShort = true;
        continue;
      }
      const key =
        (((p[0] as number) << 24) | ((p[1] as number) << 16) | ((p[2] as number) << 8) | (p[3] as number)) >>>
        0;
      const h = Math.imul(key, HASH) >>> SHIFT;
      this.bitmap[h >>> 3] = (this.bitmap[h >>> 3] as number) | (1 << (h & 7));
      const list = this.byKey.get(key);
      if (list) list.push(p);
      else this.byKey.set(key, [p]);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => b.length - a.length);
    for (const list of this.short) list?.sort((a, b) => b.length - a.length);
    this.sorted = all.sort(Buffer.compare);
  }

  /**
   * Ranges of `buf` covered by patterns, overlapping ones merged, in order. At each start the
   * longest pattern is taken, so a secret that is a prefix of another never splits it.
   */
  scan(buf: Uint8Array): Range[] {
    const ranges: Range[] = [];
    const n = buf.length;
    const bitmap = this.bitmap;
    let key = 0;
    // Starts arrive in order unless short patterns (found at j, not j-3) are mixed in: then sort later.
    const ordered = !this.hasShort;
    const record = (start: number, end: number) => {
      const last = ranges[ranges.length - 1];
      if (ordered && last && start < last[1]) {
        if (end > last[1]) last[1] = end;
      } else ranges.push([start, end]);
    };
    for (let j = 0; j < n; j++) {
      key = ((key << 8) | (buf[j] as number)) >>> 0;
      if (this.hasShort) {
        const list = this.short[buf[j] as number];
        if (list) {
          for (const p of list) {
            if (j + p.length <= n && startsWith(buf, j, p)) {
              record(j, j + p.length);
              break;
            }
          }
        }
      }
      if (j < 3) continue;
      const h = Math.imul(key, HASH) >>> SHIFT;
      if (((bitmap[h >>> 3] as number) & (1 << (h & 7))) === 0) continue;
      const list = this.byKey.get(key);
      if (!list) continue;
      const start = j - 3;
      for (const p of list) {
        if (start + p.length <= n && startsWith(buf, start, p)) {
          record(start, start + p.length);
          break;
        }
      }
    }
    if (ordered) return ranges;
    return mergeSorted(ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]));
  }

  /** The first index from which `buf` ends in a proper prefix of some pattern (buf.length if none). */
  growableFrom(buf: Uint8Array): number {
    const n = buf.length;
    for (let p = Math.max(0, n - this.maxLength + 1); p < n; p++) {
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

function startsWith(buf: Uint8Array, at: number, p: Uint8Array): boolean {
  for (let i = 0; i < p.length; i++) if (buf[at + i] !== p[i]) return false;
  return true;
}

function mergeSorted(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
