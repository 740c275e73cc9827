import type { EnvEntry } from "../types.js";

export function encodeJson(entries: readonly EnvEntry[]): string {
  const object: Record<string, string> = {};
  for (const entry of entries) object[entry.envName] = entry.value;
  return `${JSON.stringify(object, null, 2)}\n`;
}
