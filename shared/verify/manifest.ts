import { readFile } from "node:fs/promises";
import { isMap, isScalar, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { UsageError } from "../errors.js";
import { toEnvName } from "../naming/envName.js";
import { parseSeverities } from "./severity.js";
import {
  type CheckName,
  DEFAULT_SEVERITY,
  type Expectation,
  PARAMETER_TYPES,
  type Severity,
} from "./types.js";

/** A manifest entry for one key of a Vault secret: `vault:secret/mev/prod/rpc/primary#api_key`. */
const VAULT_ENTRY = /^vault:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+(?::[1-9][0-9]*)?#([^\s#]+)$/;

/** The manifest's file format version this code reads. */
export const MANIFEST_VERSION = 1;

const PARAMETER_KEYS = [
  "required",
  "type",
  "kms_key",
  "max_age_days",
  "warn_age_days",
  "pattern",
  "min_length",
  "placeholders",
  "env",
  "severity",
] as const;
const TOP_KEYS = ["version", "prefix", "defaults", "parameters"] as const;

export interface Manifest {
  prefix: string;
  expectations: Expectation[];
}

/**
 * Reads a verify manifest (YAML). Every error names the file, the line and the key, and shows what
 * was expected. `overrides` are severities from the command line, below per-parameter ones.
 */
export async function loadManifest(
  path: string,
  overrides: Partial<Record<CheckName, Severity>> = {},
): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read manifest ${path}: ${(error as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (node: Node | null | undefined) =>
    `${path}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new UsageError(
      `${path}:${e?.linePos?.[0]?.line ?? 1}: not valid YAML: ${e?.message.split("\n")[0]?.replace(/:$/, "")}`,
    );
  }
  const root = doc.contents;
  if (!isMap(root))
    throw new UsageError(`${at(root)}: a manifest is a map with prefix, defaults and parameters`);
  checkKeys(root, TOP_KEYS, "", at);

  const version = root.get("version") as unknown;
  if (version !== undefined && version !== MANIFEST_VERSION) {
    throw new UsageError(
      `${at(root.get("version", true) as Node)}: version: this ssm-gate reads manifest version ${MANIFEST_VERSION}; got '${String(version)}'`,
    );
  }
  const prefixNode = root.get("prefix", true) as Node | undefined;
  const prefix = root.get("prefix") as unknown;
  if (typeof prefix !== "string" || !prefix.startsWith("/")) {
    throw new UsageError(`${at(prefixNode ?? root)}: prefix: expected an SSM path like /mev-beta/staging/`);
  }
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;

  const defaultsNode = root.get("defaults", true) as Node | undefined;
  if (defaultsNode !== undefined && !isMap(defaultsNode))
    throw new UsageError(`${at(defaultsNode)}: defaults: expected a map`);
  if (defaultsNode)
    checkKeys(
      defaultsNode,
      PARAMETER_KEYS.filter((k) => k !== "env"),
      "defaults.",
      at,
    );
  const defaults = readFields((defaultsNode as YAMLMap | undefined) ?? null, "defaults", at);

  const params = root.get("parameters", true) as Node | undefined;
  if (!isMap(params) || params.items.length === 0) {
    throw new UsageError(
      `${at(params ?? root)}: parameters: expected a map of parameter names (relative to prefix, or absolute) to their checks`,
    );
  }
  const expectations: Expectation[] = [];
  for (const item of params.items) {
    const keyNode = item.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const vaultKey = VAULT_ENTRY.exec(key);
    if (!vaultKey && !/^\/?[A-Za-z0-9_.\-/]+$/.test(key)) {
      throw new UsageError(
        `${at(keyNode)}: parameters: '${key}' is neither an SSM parameter name nor a Vault key (vault:mount/path#key)`,
      );
    }
    const value = item.value as Node | null;
    if (value !== null && !isMap(value) && !(isScalar(value) && value.value === null)) {
      throw new UsageError(`${at(value)}: parameters.${key}: expected a map of checks (or nothing)`);
    }
    if (isMap(value)) checkKeys(value, PARAMETER_KEYS, `parameters.${key}.`, at);
    const own = readFields(isMap(value) ? value : null, `parameters.${key}`, at);
    const merged = { ...defaults, ...own };
    const name = vaultKey || key.startsWith("/") ? key : `${base}${key}`;
    // The naming rule of a path fetch: relative to the prefix; an absolute name by its last segment;
    // a Vault key by the key.
    const envName =
      own.env ??
      toEnvName(
        vaultKey ? (vaultKey[1] as string) : key.startsWith("/") ? key.slice(key.lastIndexOf("/") + 1) : key,
        "upper",
      );
    const expectation: Expectation = {
      name,
      envName,
      required: merged.required ?? true,
      // Vault has no SSM type, KMS key or modification date: those checks are SSM's only.
      ...(vaultKey ? {} : { type: merged.type ?? "SecureString" }),
      warnAgeDays: merged.warnAgeDays ?? 5,
      placeholders: [...(defaults.placeholders ?? []), ...(own.placeholders ?? [])],
      severity: { ...DEFAULT_SEVERITY, ...defaults.severity, ...overrides, ...own.severity },
      where: at(keyNode),
    };
    if (merged.kmsKey !== undefined && !vaultKey) expectation.kmsKey = merged.kmsKey;
    if (merged.maxAgeDays !== undefined && !vaultKey) expectation.maxAgeDays = merged.maxAgeDays;
    if (merged.pattern !== undefined) expectation.pattern = merged.pattern;
    if (merged.minLength !== undefined) expectation.minLength = merged.minLength;
    expectations.push(expectation);
  }
  return { prefix: base, expectations };
}

interface Fields {
  required?: boolean;
  type?: Expectation["type"];
  kmsKey?: string;
  maxAgeDays?: number;
  warnAgeDays?: number;
  pattern?: string;
  minLength?: number;
  placeholders?: string[];
  env?: string;
  severity?: Partial<Record<CheckName, Severity>>;
}

function readFields(map: YAMLMap | null, path: string, at: (n: Node | null | undefined) => string): Fields {
  const fields: Fields = {};
  if (!map) return fields;
  const get = (key: string) => ({ value: map.get(key), node: map.get(key, true) as Node | undefined });
  const fail = (key: string, node: Node | undefined, expected: string, value: unknown): never => {
    throw new UsageError(`${at(node)}: ${path}.${key}: expected ${expected}; got '${String(value)}'`);
  };
  const req = get("required");
  if (req.value !== undefined)
    fields.required =
      typeof req.value === "boolean" ? req.value : fail("required", req.node, "true or false", req.value);
  const type = get("type");
  if (type.value !== undefined) {
    fields.type = (PARAMETER_TYPES as readonly unknown[]).includes(type.value)
      ? (type.value as Fields["type"])
      : fail("type", type.node, PARAMETER_TYPES.join(", "), type.value);
  }
  const kms = get("kms_key");
  if (kms.value !== undefined)
    fields.kmsKey =
      typeof kms.value === "string" && kms.value !== ""
        ? kms.value
        : fail("kms_key", kms.node, "a KMS key alias, id or ARN like alias/mev-beta-secrets", kms.value);
  for (const [key, field] of [
    ["max_age_days", "maxAgeDays"],
    ["warn_age_days", "warnAgeDays"],
    ["min_length", "minLength"],
  ] as const) {
    const f = get(key);
    if (f.value === undefined) continue;
    fields[field] =
      Number.isInteger(f.value) && (f.value as number) >= 0
        ? (f.value as number)
        : fail(key, f.node, "a whole number, 0 or more", f.value);
  }
  const pattern = get("pattern");
  if (pattern.value !== undefined) {
    if (typeof pattern.value !== "string")
      fail("pattern", pattern.node, "a regular expression like ^https://", pattern.value);
    try {
      new RegExp(pattern.value as string, "u");
    } catch (error) {
      fail(
        "pattern",
        pattern.node,
        `a valid regular expression (${(error as Error).message})`,
        pattern.value,
      );
    }
    fields.pattern = pattern.value as string;
  }
  const ph = get("placeholders");
  if (ph.value !== undefined) {
    const list = (ph.value as { toJSON?: () => unknown })?.toJSON?.() ?? ph.value;
    fields.placeholders =
      Array.isArray(list) && list.every((p) => typeof p === "string")
        ? list
        : fail("placeholders", ph.node, "a list of strings", JSON.stringify(list));
  }
  const env = get("env");
  if (env.value !== undefined)
    fields.env =
      typeof env.value === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(env.value)
        ? env.value
        : fail("env", env.node, "an env name (letters, digits, _)", env.value);
  const severity = get("severity");
  if (severity.value !== undefined) {
    const plain = (severity.value as { toJSON?: () => unknown })?.toJSON?.() ?? severity.value;
    fields.severity = parseSeverities(plain, `${at(severity.node)}: ${path}.severity`);
  }
  return fields;
}

function checkKeys(
  map: YAMLMap,
  allowed: readonly string[],
  path: string,
  at: (n: Node | null | undefined) => string,
): void {
  for (const item of map.items) {
    const key = isScalar(item.key) ? String(item.key.value) : "";
    if (!allowed.includes(key)) {
      throw new UsageError(
        `${at(item.key as Node)}: ${path}${key}: unknown key. Expected one of: ${allowed.join(", ")}`,
      );
    }
  }
}
