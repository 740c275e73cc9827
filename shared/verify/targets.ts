import { readFile } from "node:fs/promises";
import { parse as parseDotenv } from "dotenv";
import { parse as parseYaml } from "yaml";
import type { TargetSpec } from "./target-spec.js";

/** A target that could not be read: verify reports it and cannot pass. */
export class TargetError extends Error {}

/** Reads a values target into env name -> value. Values stay in memory; nothing is printed. */
export async function readTargetValues(
  target: Exclude<TargetSpec, { kind: "ssm" } | { kind: "vault" }>,
): Promise<Map<string, string>> {
  if (target.kind === "command") {
    const [file, ...args] = target.argv;
    const { execa } = await import("execa");
    const result = await execa(file as string, args, {
      reject: false,
      encoding: "utf8",
      stripFinalNewline: false,
    });
    if (result.failed) {
      // Its output is not shown, masked or not: a target can hold secrets that SSM no longer has
      // (a drifted value), which the masker does not know.
      const why = result.exitCode === undefined ? "could not start" : `exited with ${result.exitCode}`;
      throw new TargetError(`${target.text}: ${why} (its output is not shown: it may hold secrets)`);
    }
    return parseValues(String(result.stdout), target.text);
  }
  let text: string;
  try {
    text = await readFile(target.path, "utf8");
  } catch (error) {
    throw new TargetError(
      `${target.text}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (target.kind === "k8s-secret") return secretValues(text, target.text);
  return "docker" in target && target.docker
    ? parseDockerEnv(text, target.text)
    : parseValues(text, target.text);
}

/** A Kubernetes Secret (or List of one), else JSON, shell or dotenv. */
function parseValues(text: string, label: string): Map<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || /^(apiVersion|kind):/m.test(trimmed)) {
    const doc = parseDoc(trimmed, label);
    if (
      doc &&
      typeof doc === "object" &&
      ("data" in doc || "stringData" in doc || (doc as { kind?: string }).kind)
    ) {
      return secretValues(trimmed, label);
    }
    if (doc && typeof doc === "object" && !Array.isArray(doc)) {
      return new Map(Object.entries(doc).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    }
  }
  const lines = trimmed.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  // Shell files start every variable with `export`; a quoted value may continue on later lines.
  const starts = lines.filter((l) => /^(export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(l));
  if (starts.length > 0 && starts.every((l) => l.startsWith("export "))) return parseShell(text, label);
  return new Map(Object.entries(parseDotenv(text)));
}

function parseDoc(text: string, label: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new TargetError(`${label}: not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
}

function secretValues(text: string, label: string): Map<string, string> {
  let doc = parseDoc(text, label) as {
    kind?: string;
    items?: unknown[];
    data?: unknown;
    stringData?: unknown;
  } | null;
  if (doc?.kind === "List" && Array.isArray(doc.items)) doc = (doc.items[0] ?? null) as typeof doc;
  if (!doc || typeof doc !== "object" || (doc.kind !== undefined && doc.kind !== "Secret")) {
    throw new TargetError(`${label}: not a Kubernetes Secret (kind: Secret, with data or stringData)`);
  }
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries((doc.data as Record<string, unknown>) ?? {})) {
    values.set(k, Buffer.from(String(v), "base64").toString("utf8"));
  }
  for (const [k, v] of Object.entries((doc.stringData as Record<string, unknown>) ?? {}))
    values.set(k, String(v));
  return values;
}

/**
 * As the docker CLI reads `--env-file`: lines split at LF (one CR before it dropped), a BOM at the
 * start and leading whitespace trimmed, empty and `#` lines skipped, the value verbatim after the
 * first `=`. A name without `=` takes its value from the caller's environment there, which staging
 * does not share with this check, so such lines are left out. Lines docker refuses are refused.
 */
function parseDockerEnv(text: string, label: string): Map<string, string> {
  const values = new Map<string, string>();
  // Go's unicode.IsSpace, which docker trims with (JavaScript's \s differs in U+0085 and U+FEFF).
  const leadingSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  for (const [i, raw] of text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .entries()) {
    const line = raw.replace(/\r$/, "").replace(leadingSpace, "");
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    const name = eq === -1 ? line : line.slice(0, eq);
    if (name === "" || /[ \t]/.test(name)) {
      throw new TargetError(
        `${label}: line ${i + 1}: docker refuses a variable name that is empty or holds whitespace`,
      );
    }
    if (eq !== -1) values.set(name, line.slice(eq + 1));
  }
  return values;
}

/** `export NAME='...'` lines, as ssm-gate's shell format and most renderers write them. */
function parseShell(text: string, label: string): Map<string, string> {
  const values = new Map<string, string>();
  const re = /^export ([A-Za-z_][A-Za-z0-9_]*)=((?:'[^']*'|\\.|[^\s'\\])*)[ \t]*$/gm;
  for (const m of text.matchAll(re)) {
    const raw = m[2] ?? "";
    let value = "";
    for (const part of raw.matchAll(/'([^']*)'|\\(.)|([^'\\]+)/g))
      value += part[1] ?? part[2] ?? part[3] ?? "";
    values.set(m[1] as string, value);
  }
  if (values.size === 0) throw new TargetError(`${label}: no export NAME=value lines could be read`);
  return values;
}
