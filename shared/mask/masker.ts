/** What replaces a masked value in every log line. */
export const MASK = "***";

/** Registered secret values; everything ssm-gate prints passes through `redact`. */
export class Masker {
  private readonly patterns = new Set<string>();
  private sorted: string[] | undefined;
  private readonly shortNames: string[] = [];

  constructor(readonly minLength = 4) {}

  /**
   * Registers a value. One shorter than `minLength` would garble every log it appears in and is
   * not masked; its parameter name is returned in `tooShort` so callers can warn.
   */
  add(value: string, name: string): { tooShort: boolean } {
    if (value.trim().length < this.minLength) {
      if (value.trim().length > 0) this.shortNames.push(name);
      return { tooShort: value.trim().length > 0 };
    }
    this.addPattern(value);
    for (const line of value.split(/\r?\n|\r/)) {
      const trimmed = line.trim();
      if (trimmed.length >= this.minLength) this.addPattern(trimmed);
    }
    return { tooShort: false };
  }

  /** Names of parameters whose values were too short to mask. */
  tooShortNames(): readonly string[] {
    return this.shortNames;
  }

  patternCount(): number {
    return this.patterns.size;
  }

  /** Replaces every registered pattern in `text`; longest first, so a prefix secret cannot split one. */
  redact(text: string): string {
    if (this.patterns.size === 0) return text;
    this.sorted ??= [...this.patterns].sort((a, b) => b.length - a.length);
    let out = text;
    for (const p of this.sorted) if (out.includes(p)) out = out.split(p).join(MASK);
    return out;
  }

  private addPattern(p: string): void {
    this.patterns.add(p);
    this.sorted = undefined;
  }
}
