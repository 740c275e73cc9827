import type { EnvEntry } from "../types.js";

// Single quotes are literal in every POSIX shell; a quote inside is closed, escaped and reopened.
// Only NUL cannot be held: shells end strings there.
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

export function encodeShell(entries: readonly EnvEntry[]): string | { unfit: EnvEntry } {
  let out = "";
  for (const entry of entries) {
    if (entry.value.includes("\0")) return { unfit: entry };
    out += `export ${entry.envName}=${shellQuote(entry.value)}\n`;
  }
  return out;
}
