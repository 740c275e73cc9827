import { readFile } from "node:fs/promises";
import { parse as parseDotenv } from "dotenv";
import { UsageError } from "../errors.js";
import type { CheckName, Expectation, Severity } from "./types.js";
import { DEFAULT_SEVERITY } from "./types.js";

/** A dotenv template's keys, each with the placeholder value it ships with. */
export async function loadTemplate(path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read template ${path}: ${(error as Error).message}`);
  }
  const keys = new Map(Object.entries(parseDotenv(text)));
  if (keys.size === 0) throw new UsageError(`template ${path} holds no KEY=value lines`);
  return keys;
}

/**
 * Expectations from a template: every key is required; its parameter is the one under `prefix`
 * whose name maps to the key by the naming rule (`found`: env name -> parameter name), and the
 * template's own value counts as a placeholder.
 */
export function templateExpectations(
  template: Map<string, string>,
  prefix: string,
  found: Map<string, string>,
  path: string,
  overrides: Partial<Record<CheckName, Severity>>,
): Expectation[] {
  return [...template].map(([envName, placeholder]) => ({
    // A key with no parameter under the prefix is reported under the name it would most likely have.
    name: found.get(envName) ?? `${prefix}${envName.toLowerCase()}`,
    envName,
    required: true,
    warnAgeDays: 5,
    placeholders: placeholder.trim() === "" ? [] : [placeholder],
    severity: { ...DEFAULT_SEVERITY, ...overrides },
    where: `${path}: ${envName}`,
  }));
}
