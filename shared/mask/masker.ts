import { formsOf } from "./forms.js";
import { Redactor } from "./redactor.js";
import { Scanner } from "./scanner.js";

/** What replaces a masked value in every log line. */
export const MASK = "***";

/** Registered secrets and all their forms; everything ssm-gate prints passes through it. */
export class Masker {
  private readonly forms = new Set<string>();
  private readonly shortNames: string[] = [];
  private scanner: Scanner | undefined;

  constructor(readonly minLength = 4) {}

  /**
   * Registers a value with all its forms. A value shorter than `minLength` would garble every log
   * line that holds those characters and is not masked: `tooShort` tells the caller to warn by name.
   */
  add(value: string, name: string): { tooShort: boolean } {
    const length = value.trim().length;
    if (length < this.minLength) {
      if (length > 0) this.shortNames.push(name);
      return { tooShort: length > 0 };
    }
    for (const form of formsOf(value, this.minLength)) this.forms.add(form);
    this.scanner = undefined;
    return { tooShort: false };
  }

  /** Names of parameters whose values were too short to mask. */
  tooShortNames(): readonly string[] {
    return this.shortNames;
  }

  /** Every registered form, for platforms that mask on their own side too (GitHub's add-mask). */
  patterns(): ReadonlySet<string> {
    return this.forms;
  }

  /** Masks a whole text at once. */
  redact(text: string): string {
    if (this.forms.size === 0) return text;
    const bytes = Buffer.from(text, "utf8");
    const ranges = this.currentScanner().scan(bytes);
    if (ranges.length === 0) return text;
    let out = "";
    let at = 0;
    for (const [start, end] of ranges) {
      out += bytes.subarray(at, start).toString("utf8") + MASK;
      at = end;
    }
    return out + bytes.subarray(at).toString("utf8");
  }

  /** A streaming redactor; it sees values registered after it was made too. */
  redactor(): Redactor {
    return new Redactor(() => this.currentScanner());
  }

  private currentScanner(): Scanner {
    this.scanner ??= new Scanner([...this.forms].map((f) => Buffer.from(f, "utf8")));
    return this.scanner;
  }
}
