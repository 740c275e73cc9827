import { readFile } from "node:fs/promises";
import { parse as parseDotenv } from "dotenv";
import { execa } from "execa";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../errors.js";
import type { Masker } from "../mask/masker.js";

/** What staging will run, to compare SSM with. */
export type TargetSpec =
  | { kind: "env-file"; path: string; text: string }
  | { kind: "k8s-secret"; path: string; text: string }
  | { kind: "command"; argv: string[]; shell: boolean; text: string }
  | { kind: "ssm"; prefix: string; text: string }
  | { kind: "vault"; path: string; text: string };

export const TARGET_SHAPE = `Expected one of:
  env-file:PATH        a rendered dotenv, shell (export NAME='...') or JSON env file
  k8s-secret:PATH      a Kubernetes Secret as YAML or JSON (data base64, stringData plain)
  command:CMD ARGS     run CMD (no shell) and read its output as a Secret or env file
  shell:COMMAND LINE   the same through sh -c
  ssm:/other/prefix/   the same parameter names exist under another prefix (values not compared)
  vault:mount/path     the same names exist as keys of a Vault secret (values not compared)`;

/** Parses a --target entry; the error quotes it and shows the shapes. */
export function parseTarget(text: string, setting: string): TargetSpec {
  const colon = text.indexOf(":");
  const kind = colon === -1 ? "" : text.slice(0, colon);
  const rest = colon === -1 ? "" : text.slice(colon + 1).trim();
  const fail = (why: string): never => {
    throw new UsageError(`${setting}: invalid target '${text}': ${why}.\n${TARGET_SHAPE}`);
  };
  if (rest === "") fail("nothing after the kind");
  if (kind === "env-file" || kind === "k8s-secret") return { kind, path: rest, text };
  if (kind === "command") return { kind, argv: rest.split(/\s+/), shell: false, text };
  if (kind === "shell") return { kind: "command", argv: ["sh", "-c", rest], shell: true, text };
  if (kind === "ssm") {
    if (!rest.startsWith("/")) fail("an SSM prefix starts with '/'");
    return { kind, prefix: rest.endsWith("/") ? rest : `${rest}/`, text };
  }
  if (kind === "vault") {
    if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/.test(rest))
      fail("a Vault path is mount/path, like secret/mev/prod/rpc/primary");
    return { kind, path: rest, text };
  }
  return fail(`unknown kind '${kind}'`);
}

/** A target that could not be read: verify reports it and cannot pass. */
export class TargetError extends Error {}

/** Reads a values target into env name -> value. Values stay in memory; nothing is printed. */
export async function readTargetValues(
  target: Exclude<TargetSpec, { kind: "ssm" } | { kind: "vault" }>,
  masker: Masker,
): Promise<Map<string, string>> {
  if (target.kind === "command") {
    const [file, ...args] = target.argv;
    const result = await execa(file as string, args, {
      reject: false,
      encoding: "utf8",
      stripFinalNewline: false,
    });
    if (result.failed) {
      const stderr = masker
        .redact(String(result.stderr ?? ""))
        .trim()
        .split("\n")
        .slice(-3)
        .join(" / ");
      const why = result.exitCode === undefined ? "could not start" : `exited with ${result.exitCode}`;
      throw new TargetError(`${target.text}: ${why}${stderr ? `: ${stderr}` : ""}`);
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
  return target.kind === "k8s-secret" ? secretValues(text, target.text) : parseValues(text, target.text);
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
