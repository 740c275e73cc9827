import type { EnvEntry } from "../types.js";

// What the `dotenv` parser (its default, regex-based one) reads back exactly:
// - it turns every CR/CRLF into LF before parsing, so a raw CR never survives;
// - single and backtick quotes are literal, double quotes expand only \n and \r;
// - a closing quote after a backslash may be read as escaped, and the value then runs on to the next
//   quote that ends a line. A comment line that starts with the same quote followed by text stops it
//   there without ending the value, so the parser backs up to the real closing quote.
// A value is quoted with the first style that holds it exactly, or refused.

/** Encodes one value as a dotenv right-hand side, or returns undefined when no quoting holds it. */
export function dotenvQuote(value: string): string | undefined {
  const hasCr = value.includes("\r");
  let quoted: string | undefined;
  if (!value.includes("'") && !hasCr) quoted = `'${value}'`;
  else if (!value.includes('"') && !/\\[nr]/.test(value)) {
    quoted = `"${value.replace(/\n/g, "\\n").replace(/\r/g, "\\r")}"`;
  } else if (!value.includes("`") && !hasCr) quoted = `\`${value}\``;
  if (quoted === undefined || !value.endsWith("\\")) return quoted;
  return `${quoted}\n#${quoted[0]}ssm-gate: the value above ends in a backslash`;
}

export function encodeDotenv(entries: readonly EnvEntry[]): string | { unfit: EnvEntry } {
  let out = "";
  for (const entry of entries) {
    const quoted = dotenvQuote(entry.value);
    if (quoted === undefined) return { unfit: entry };
    out += `${entry.envName}=${quoted}\n`;
  }
  return out;
}
