import { NAME_TRANSFORMATIONS } from "../naming/envName.js";
import { FORMATS } from "../writers/format.js";

export const ON_MISSING = ["fail", "warn", "ignore"] as const;

/** How one setting is read from text, whatever the platform delivers it as. */
export type SettingKind =
  | { type: "specs" }
  | { type: "list" }
  | { type: "enum"; values: readonly string[] }
  | { type: "int"; min: number; max: number }
  | { type: "number"; min: number; max: number }
  | { type: "string" }
  | { type: "bool" }
  | { type: "url" };

export interface SettingInfo {
  kind: SettingKind;
  /** The default as text, shown in help and docs; absent when the setting has none. */
  default?: string;
  description: string;
}

/**
 * Every setting of the core, under its canonical snake_case key. The CLI shows them as
 * `--kebab-case` flags, the GitHub Action as `kebab-case` inputs, Drone and Harness as
 * `snake_case` settings (`PLUGIN_SNAKE_CASE`). One table, so the front doors cannot drift apart.
 */
export const SETTINGS = {
  parameters: {
    kind: { type: "specs" },
    description:
      "Parameters to fetch, one per line (or comma-separated, or a JSON array): /path/name, /path/, /path/*, ENV=/path/name, PREFIX_=/path/, name:version, name:label, trailing ? for optional.",
  },
  format: { kind: { type: "enum", values: FORMATS }, default: "dotenv", description: "Env file format." },
  env_file: {
    kind: { type: "string" },
    description:
      "Env file to write (the CLI's --out; - for standard output). Default: ssm-gate.env, ssm-gate.sh or ssm-gate.json by format.",
  },
  name_transformation: {
    kind: { type: "enum", values: NAME_TRANSFORMATIONS },
    default: "upper",
    description: "Case of derived env names.",
  },
  on_missing: {
    kind: { type: "enum", values: ON_MISSING },
    default: "fail",
    description: "What a missing required parameter does: fail the run, warn, or ignore.",
  },
  allow_env_names: {
    kind: { type: "list" },
    description: "Reserved env names to allow anyway (PATH, GITHUB_*, ...): names or PREFIX* patterns.",
  },
  region: {
    kind: { type: "string" },
    description: "AWS region. Default: the AWS chain (AWS_REGION, profile).",
  },
  endpoint: {
    kind: { type: "url" },
    description: "SSM endpoint URL. Default: the AWS chain (AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL).",
  },
  concurrency: {
    kind: { type: "int", min: 1, max: 64 },
    default: "10",
    description: "SSM requests in flight at most.",
  },
  max_rps: {
    kind: { type: "number", min: 0.1, max: 10000 },
    description: "A fixed cap on SSM requests per second (default: as fast as SSM accepts).",
  },
  max_attempts: {
    kind: { type: "int", min: 1, max: 30 },
    default: "10",
    description: "Attempts per SSM request on throttling, 5xx and dropped connections.",
  },
  timeout: {
    kind: { type: "int", min: 1, max: 3600 },
    default: "120",
    description: "Seconds after which no further retry is started.",
  },
  run: {
    kind: { type: "string" },
    description:
      "Plugins: a command line to run with the values (sh -c), its output masked, instead of writing files.",
  },
  mode: {
    kind: { type: "enum", values: ["fetch", "verify"] },
    default: "fetch",
    description:
      "Plugins: fetch (env file, exports, or run) or verify (the staging sync gate). The CLI has a command for each.",
  },
  manifest: {
    kind: { type: "string" },
    description: "verify: the manifest of expected parameters (default ssm-gate.yml).",
  },
  template: {
    kind: { type: "string" },
    description:
      "verify: a dotenv template whose keys are the required parameters (with prefix), instead of a manifest.",
  },
  prefix: {
    kind: { type: "string" },
    description: "verify: the SSM path a template's keys live under, like /mev-beta/staging/.",
  },
  target: {
    kind: { type: "list" },
    description:
      "verify: what staging will run, to compare with SSM: env-file:PATH, k8s-secret:PATH, command:CMD, shell:CMD, ssm:/prefix/ (repeatable).",
  },
  report: { kind: { type: "string" }, description: "verify: write the JSON report to this file." },
  severity: {
    kind: { type: "list" },
    description:
      "verify: check=level overrides for every parameter, like age=warn,kms_key=off (levels fail, warn, off).",
  },
  pristine: {
    kind: { type: "bool" },
    default: "false",
    description: "exec: give the command only the fetched values as its environment.",
  },
  vault_addr: { kind: { type: "url" }, description: "Vault address. Default: VAULT_ADDR." },
  vault_namespace: {
    kind: { type: "string" },
    description: "Vault namespace, like mev/prod. Default: VAULT_NAMESPACE.",
  },
  vault_cacert: {
    kind: { type: "string" },
    description: "PEM file of the CA that signed Vault's certificate. Default: VAULT_CACERT.",
  },
  vault_skip_verify: {
    kind: { type: "bool" },
    default: "false",
    description:
      "Do not verify Vault's TLS certificate (a warning says so). VAULT_SKIP_VERIFY alone does not do this.",
  },
  vault_auth: {
    kind: { type: "enum", values: ["auto", "token", "approle", "jwt"] },
    default: "auto",
    description: "How to log in to Vault. auto: VAULT_TOKEN, else AppRole when a role_id is given, else JWT.",
  },
  vault_role_id_param: {
    kind: { type: "string" },
    description: "AppRole role_id from this SSM parameter (default: VAULT_ROLE_ID).",
  },
  vault_secret_id_param: {
    kind: { type: "string" },
    description: "AppRole secret_id from this SSM parameter (default: VAULT_SECRET_ID).",
  },
  vault_approle_path: {
    kind: { type: "string" },
    default: "approle",
    description: "Mount path of the AppRole auth method.",
  },
  vault_jwt_role: {
    kind: { type: "string" },
    description: "JWT auth: the Vault role (the JWT comes from VAULT_JWT, or GitHub's OIDC token).",
  },
  vault_jwt_path: {
    kind: { type: "string" },
    default: "jwt",
    description: "Mount path of the JWT auth method.",
  },
  vault_kv_version: {
    kind: { type: "enum", values: ["auto", "1", "2"] },
    default: "auto",
    description: "KV engine version of the mounts read; auto asks Vault (sys/internal/ui/mounts).",
  },
  vault_keep_token: {
    kind: { type: "bool" },
    default: "false",
    description: "Do not revoke the token ssm-gate logged in with when the run ends.",
  },
  mask_min_length: {
    kind: { type: "int", min: 1, max: 64 },
    default: "4",
    description: "Values shorter than this are not masked in logs (a warning names them).",
  },
} satisfies Record<string, SettingInfo>;

export type SettingKey = keyof typeof SETTINGS;

/** CLI flags whose name differs from the setting's key. */
export const CLI_FLAGS: Partial<Record<SettingKey, string>> = { env_file: "out" };

/** The CLI flag of a setting, without dashes: `on_missing` -> `on-missing`, `env_file` -> `out`. */
export function cliFlagName(key: SettingKey): string {
  return CLI_FLAGS[key] ?? key.replace(/_/g, "-");
}
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
