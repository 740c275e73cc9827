import { UsageError } from "../errors.js";
import { CHECKS, type CheckName, SEVERITIES, type Severity } from "./types.js";

export const SEVERITY_SHAPE = `check=level pairs, like age=warn,kms_key=off; checks: ${CHECKS.join(", ")}; levels: ${SEVERITIES.join(", ")}`;

/** Reads `age=warn,kms_key=off` (or a map from YAML) into severity overrides. */
export function parseSeverities(input: unknown, where: string): Partial<Record<CheckName, Severity>> {
  const pairs: [string, unknown][] =
    typeof input === "string"
      ? input
          .split(/[\n,]/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => {
            const eq = p.indexOf("=");
            return eq === -1 ? [p, undefined] : [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
          })
      : input && typeof input === "object" && !Array.isArray(input)
        ? Object.entries(input)
        : [["", input]];
  const out: Partial<Record<CheckName, Severity>> = {};
  for (const [check, level] of pairs) {
    if (
      !(CHECKS as readonly string[]).includes(check) ||
      !(SEVERITIES as readonly unknown[]).includes(level)
    ) {
      throw new UsageError(
        `${where}: invalid severity '${check}${level === undefined ? "" : `=${String(level)}`}'. Expected ${SEVERITY_SHAPE}`,
      );
    }
    out[check as CheckName] = level as Severity;
  }
  return out;
}
