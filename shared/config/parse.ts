import { UsageError } from "../errors.js";
import type { NameTransformation } from "../naming/envName.js";
import { parseSpecs, splitList } from "../select/spec.js";
import { parseSeverities } from "../verify/severity.js";
import { parseTarget, splitTargets } from "../verify/target-spec.js";
import type { Format } from "../writers/format.js";
import {
  DEFAULT_OUT,
  type FetchConfig,
  type Mode,
  type OnMissing,
  type SsmConfig,
  type VaultSettings,
  type VerifyConfig,
} from "./config.js";
import { cliFlagName, SETTINGS, type SettingInfo, type SettingKey } from "./settings.js";

/** Raw setting values as text, keyed by canonical key; a list may come as repeated values. */
export type RawSettings = Partial<Record<SettingKey, string | readonly string[]>>;

/** How the front door spells a setting (`--on-missing`, `on_missing`, `on-missing`) in errors. */
export type DisplayName = (key: SettingKey) => string;

export const cliFlag: DisplayName = (key) => `--${cliFlagName(key)}`;

/** The text of a setting (repeated values joined by lines), or its default. */
function reader(raw: RawSettings): (key: SettingKey) => string | undefined {
  return (key) => {
    const value = raw[key];
    const joined = Array.isArray(value) ? value.join("\n") : (value as string | undefined);
    return joined === undefined || joined.trim() === "" ? defaultOf(key) : joined.trim();
  };
}

/** The settings every command shares: where SSM is, how hard to push it, how to mask. */
function parseSsmConfig(raw: RawSettings, display: DisplayName): SsmConfig {
  const text = reader(raw);
  const config: SsmConfig = {
    concurrency: integer(text("concurrency"), "concurrency", display),
    maxAttempts: integer(text("max_attempts"), "max_attempts", display),
    timeoutSeconds: integer(text("timeout"), "timeout", display),
    maskMinLength: integer(text("mask_min_length"), "mask_min_length", display),
  };
  const region = text("region");
  if (region !== undefined) config.region = checkRegion(region, display);
  const endpoint = text("endpoint");
  if (endpoint !== undefined) config.endpoint = url(endpoint, "endpoint", display);
  const maxRps = text("max_rps");
  if (maxRps !== undefined) config.maxRps = number(maxRps, "max_rps", display);
  return config;
}

/** Which job a plugin runs (the CLI has a command for each). */
export function parseMode(raw: RawSettings, display: DisplayName): Mode {
  return oneOf(reader(raw)("mode"), "mode", display) as Mode;
}

/** Reads raw settings into the typed config; every error names the setting and the expected shape. */
export function parseFetchConfig(raw: RawSettings, display: DisplayName = cliFlag): FetchConfig {
  const text = reader(raw);
  const specsText = raw.parameters === undefined ? [] : ([] as string[]).concat(raw.parameters);
  const parameters = specsText.flatMap((t) => parseSpecs(t, display("parameters")));
  if (parameters.length === 0) {
    throw new UsageError(
      `${display("parameters")} is required: at least one parameter name or path, like /mev-beta/staging/ or RPC_URL=/mev-beta/staging/arbitrum/rpc_url`,
    );
  }
  const format = oneOf(text("format"), "format", display) as Format;
  const config: FetchConfig = {
    ...parseSsmConfig(raw, display),
    parameters,
    format,
    out: text("env_file") ?? DEFAULT_OUT[format],
    nameTransformation: oneOf(
      text("name_transformation"),
      "name_transformation",
      display,
    ) as NameTransformation,
    onMissing: oneOf(text("on_missing"), "on_missing", display) as OnMissing,
    allowEnvNames: list(text("allow_env_names"), display("allow_env_names")),
    pristine: bool(text("pristine"), "pristine", display),
    vault: parseVaultSettings(raw, display),
  };
  const run = text("run");
  if (run !== undefined) config.run = run;
  return config;
}

/** Reads the settings of `verify`: a manifest, or a template with a prefix; targets; a report file. */
export function parseVerifyConfig(raw: RawSettings, display: DisplayName = cliFlag): VerifyConfig {
  const text = reader(raw);
  const template = text("template");
  const prefix = text("prefix");
  const manifest = text("manifest");
  if (template !== undefined && manifest !== undefined) {
    throw new UsageError(`${display("manifest")} and ${display("template")} exclude each other: give one`);
  }
  if (template !== undefined && (prefix === undefined || !prefix.startsWith("/"))) {
    throw new UsageError(
      `${display("template")} needs ${display("prefix")}: the SSM path its keys live under, like /mev-beta/staging/`,
    );
  }
  const targetTexts = raw.target === undefined ? [] : ([] as string[]).concat(raw.target);
  const config: VerifyConfig = {
    ...parseSsmConfig(raw, display),
    source:
      template !== undefined
        ? {
            kind: "template",
            path: template,
            prefix: (prefix as string).endsWith("/") ? (prefix as string) : `${prefix}/`,
          }
        : { kind: "manifest", path: manifest ?? "ssm-gate.yml" },
    targets: targetTexts
      .flatMap((t) => splitTargets(t, display("target")))
      .map((t) => parseTarget(t, display("target"))),
    severity: parseSeverities(text("severity") ?? "", display("severity")),
    vault: parseVaultSettings(raw, display),
  };
  const report = text("report");
  if (report !== undefined) config.report = report;
  return config;
}

function list(value: string | undefined, setting: string): string[] {
  if (value === undefined) return [];
  return splitList(value, setting)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function oneOf(value: string | undefined, key: SettingKey, display: DisplayName): string {
  const kind = SETTINGS[key].kind;
  const values: readonly string[] = kind.type === "enum" ? kind.values : [];
  if (value !== undefined && values.includes(value)) return value;
  throw new UsageError(`${display(key)}: expected one of ${values.join(", ")}; got '${value ?? ""}'`);
}

function integer(value: string | undefined, key: SettingKey, display: DisplayName): number {
  const kind = SETTINGS[key].kind;
  const [min, max] = kind.type === "int" ? [kind.min, kind.max] : [0, 0];
  // A strict pattern: "10s" or "1e3" is a mistake to report, not a number to guess at.
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(
      `${display(key)}: expected a whole number from ${min} to ${max}; got '${value ?? ""}'`,
    );
  }
  return Number(value);
}

function number(value: string, key: SettingKey, display: DisplayName): number {
  const kind = SETTINGS[key].kind;
  const [min, max] = kind.type === "number" ? [kind.min, kind.max] : [0, 0];
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${display(key)}: expected a number from ${min} to ${max}; got '${value}'`);
  }
  return Number(value);
}

function url(value: string, key: SettingKey, display: DisplayName): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new UsageError(
      `${display(key)}: expected an http(s) URL like https://ssm.eu-west-1.amazonaws.com; got '${value}'`,
    );
  }
  return value;
}

function checkRegion(value: string, display: DisplayName): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) {
    throw new UsageError(`${display("region")}: expected an AWS region like eu-west-1; got '${value}'`);
  }
  return value;
}

function defaultOf(key: SettingKey): string | undefined {
  return (SETTINGS[key] as SettingInfo).default;
}

// YAML 1.2 core schema spellings, as GitHub's getBooleanInput takes them.
const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

function bool(value: string | undefined, key: SettingKey, display: DisplayName): boolean {
  if (value !== undefined && TRUE.includes(value)) return true;
  if (value !== undefined && FALSE.includes(value)) return false;
  throw new UsageError(`${display(key)}: expected true or false; got '${value ?? ""}'`);
}

function parseVaultSettings(raw: RawSettings, display: DisplayName): VaultSettings {
  const text = reader(raw);
  const vault: VaultSettings = {
    skipVerify: bool(text("vault_skip_verify"), "vault_skip_verify", display),
    auth: oneOf(text("vault_auth"), "vault_auth", display) as VaultSettings["auth"],
    approlePath: text("vault_approle_path") ?? "approle",
    jwtPath: text("vault_jwt_path") ?? "jwt",
    kvVersion: oneOf(text("vault_kv_version"), "vault_kv_version", display) as VaultSettings["kvVersion"],
    keepToken: bool(text("vault_keep_token"), "vault_keep_token", display),
  };
  const addr = text("vault_addr");
  if (addr !== undefined) vault.addr = url(addr, "vault_addr", display);
  const optional = [
    ["vault_namespace", "namespace"],
    ["vault_cacert", "caCert"],
    ["vault_role_id_param", "roleIdParam"],
    ["vault_secret_id_param", "secretIdParam"],
    ["vault_jwt_role", "jwtRole"],
  ] as const;
  for (const [key, field] of optional) {
    const value = text(key);
    if (value !== undefined) vault[field] = value;
  }
  return vault;
}
