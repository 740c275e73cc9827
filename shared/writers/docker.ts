import type { EnvEntry } from "../types.js";

// What `docker run --env-file` (the docker CLI) reads back exactly: one NAME=value per line, the
// value taken verbatim after the first `=` (quotes, `#`, `$`, spaces and all), lines split at LF
// with one CR before it dropped, and a line shorter than 64 KiB (Go's bufio.Scanner). So a value may
// not hold an LF, end in a CR, or hold a NUL (no process environment can).
const MAX_LINE_BYTES = 64 * 1024 - 1;

export function dockerFits(envName: string, value: string): boolean {
  return (
    !value.includes("\n") &&
    !value.endsWith("\r") &&
    !value.includes("\0") &&
    Buffer.byteLength(`${envName}=${value}`) <= MAX_LINE_BYTES
  );
}

export function encodeDocker(entries: readonly EnvEntry[]): string | { unfit: EnvEntry } {
  let out = "";
  for (const entry of entries) {
    if (!dockerFits(entry.envName, entry.value)) return { unfit: entry };
    out += `${entry.envName}=${entry.value}\n`;
  }
  return out;
}
