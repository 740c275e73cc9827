import { UsageError } from "../errors.js";
import { splitList } from "../select/spec.js";

/** What staging will run, to compare SSM with. */
export type TargetSpec =
  | { kind: "env-file"; path: string; text: string; docker?: boolean }
  | { kind: "k8s-secret"; path: string; text: string }
  | { kind: "command"; argv: string[]; shell: boolean; text: string }
  | { kind: "ssm"; prefix: string; text: string }
  | { kind: "vault"; path: string; text: string };

export const TARGET_SHAPE = `Expected one of:
  env-file:PATH        a rendered dotenv, shell (export NAME='...') or JSON env file
  docker-env-file:PATH a file for docker run --env-file (NAME=value, read as docker reads it)
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
  if (kind === "docker-env-file") return { kind: "env-file", path: rest, text, docker: true };
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

const KINDS = "docker-env-file|env-file|k8s-secret|command|shell|ssm|vault";

/**
 * Splits a target setting: a JSON array (Harness), lines, or Drone's comma-joined YAML list. A
 * comma splits only where the next target's kind follows it, since a command may hold commas.
 */
export function splitTargets(text: string, setting: string): string[] {
  const trimmed = text.trim();
  const items = trimmed.startsWith("[")
    ? splitList(trimmed, setting)
    : trimmed.split("\n").flatMap((line) => line.split(new RegExp(`,(?=\\s*(?:${KINDS}):)`)));
  return items.map((t) => t.trim()).filter(Boolean);
}
