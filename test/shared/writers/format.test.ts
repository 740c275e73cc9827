import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputError } from "../../../shared/errors.js";
import type { EnvEntry } from "../../../shared/types.js";
import { dotenvQuote } from "../../../shared/writers/dotenv.js";
import { encodeEnvFile } from "../../../shared/writers/format.js";
import { trickyValue } from "../../support/values.js";

const entriesOf = (values: readonly string[]): EnvEntry[] =>
  values.map((value, i) => ({ envName: `V${i}`, value, source: `/p/v${i}` }));

/** Sources the file in a real shell and prints every variable NUL-terminated. */
function readBackShell(shell: string, file: string, count: number): string[] {
  const names = Array.from({ length: count }, (_, i) => `"$V${i}"`).join(" ");
  const out = execFileSync(shell, ["-c", `. "$0" && printf '%s\\0' ${names}`, file], { encoding: "utf8" });
  return out.split("\0").slice(0, count);
}

describe("dotenv", () => {
  it("round-trips random values through the dotenv package, or refuses them by name", () => {
    fc.assert(
      fc.property(fc.array(trickyValue, { minLength: 1, maxLength: 60 }), (values) => {
        const fits = values.filter((v) => dotenvQuote(v) !== undefined);
        const expected = Object.fromEntries(fits.map((v, i) => [`V${i}`, v]));
        expect(parseDotenv(encodeEnvFile(entriesOf(fits), "dotenv"))).toEqual(expected);
        // Reversed too: no value may swallow the lines after it, whatever follows it.
        expect(parseDotenv(encodeEnvFile(entriesOf(fits).reverse(), "dotenv"))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses only values that no quoting style holds", () => {
    fc.assert(
      fc.property(trickyValue, (value) => {
        const cr = value.includes("\r");
        const single = !value.includes("'") && !cr;
        const double = !value.includes('"') && !/\\[nr]/.test(value);
        const backtick = !value.includes("`") && !cr;
        expect(dotenvQuote(value) !== undefined).toBe(single || double || backtick);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses a value no quoting holds, naming the parameter and a format that can", () => {
    const entries = [{ envName: "MIX", value: `'"\`\r`, source: "/mev-beta/staging/mix" }];
    expect(() => encodeEnvFile(entries, "dotenv")).toThrow(OutputError);
    expect(() => encodeEnvFile(entries, "dotenv")).toThrow(
      /\/mev-beta\/staging\/mix \(MIX\) cannot be written exactly as dotenv; shell can hold it \(format\)/,
    );
  });
});

describe("shell", () => {
  const dir = mkdtempSync(join(tmpdir(), "ssm-gate-shell-"));
  for (const shell of ["bash", "sh"]) {
    it(`round-trips random values when sourced by ${shell}, executing nothing`, () => {
      const marker = join(dir, `executed-${shell}`);
      const hostile = [
        `$(touch ${marker})`,
        `\`touch ${marker}\``,
        `'; touch ${marker}; '`,
        `\${X:=$(touch ${marker})}`,
      ];
      let run = 0;
      fc.assert(
        fc.property(fc.array(trickyValue, { minLength: 1, maxLength: 100 }), (values) => {
          const all = [...hostile, ...values.filter((v) => !v.includes("\0"))];
          const file = join(dir, `env-${shell}-${run++}.sh`);
          writeFileSync(file, encodeEnvFile(entriesOf(all), "shell"));
          expect(readBackShell(shell, file, all.length)).toEqual(all);
        }),
        { numRuns: 25 },
      );
      expect(existsSync(marker)).toBe(false);
    });
  }

  it("refuses NUL, which no shell string holds", () => {
    expect(() => encodeEnvFile([{ envName: "N", value: "a\0b", source: "/n" }], "shell")).toThrow(
      /cannot be written exactly as shell; dotenv can hold it \(format\)/,
    );
  });
});

describe("json", () => {
  it("round-trips random values through JSON.parse", () => {
    fc.assert(
      fc.property(fc.array(trickyValue, { maxLength: 50 }), (values) => {
        expect(JSON.parse(encodeEnvFile(entriesOf(values), "json"))).toEqual(
          Object.fromEntries(values.map((v, i) => [`V${i}`, v])),
        );
      }),
    );
  });
});

describe("every format", () => {
  it("refuses a lone surrogate, which UTF-8 cannot carry", () => {
    for (const format of ["dotenv", "shell", "json"] as const) {
      expect(() => encodeEnvFile([{ envName: "S", value: "a\ud800", source: "/s" }], format)).toThrow(
        /\/s \(S\) is not well-formed Unicode/,
      );
    }
  });
});
