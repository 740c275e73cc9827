import type { NameTransformation } from "../naming/envName.js";
import type { ParameterSpec } from "../select/spec.js";
import type { TargetSpec } from "../verify/target-spec.js";
import type { CheckName, Severity } from "../verify/types.js";
import type { Format } from "../writers/format.js";
import type { ON_MISSING } from "./settings.js";

export type OnMissing = (typeof ON_MISSING)[number];

/** Where SSM is and how hard to push it; shared by every command. */
export interface SsmConfig {
  region?: string;
  endpoint?: string;
  concurrency: number;
  maxRps?: number;
  maxAttempts: number;
  timeoutSeconds: number;
  maskMinLength: number;
}

export type Mode = "fetch" | "verify";

/** How to reach and log in to Vault; each unset field falls back to the usual VAULT_* variable. */
export interface VaultSettings {
  addr?: string;
  namespace?: string;
  caCert?: string;
  skipVerify: boolean;
  auth: "auto" | "token" | "approle" | "jwt";
  roleIdParam?: string;
  secretIdParam?: string;
  approlePath: string;
  jwtRole?: string;
  jwtPath: string;
  kvVersion: "auto" | "1" | "2";
  keepToken: boolean;
}

/** The one typed configuration of fetch and exec, whichever front door produced it. */
export interface FetchConfig extends SsmConfig {
  parameters: ParameterSpec[];
  format: Format;
  /** A file path, "-" for standard output. */
  out: string;
  nameTransformation: NameTransformation;
  onMissing: OnMissing;
  allowEnvNames: string[];
  pristine: boolean;
  vault: VaultSettings;
  /** Plugins' exec mode: a command line run with `sh -c`. */
  run?: string;
}

/** The configuration of verify, the staging sync gate. */
export interface VerifyConfig extends SsmConfig {
  source: { kind: "manifest"; path: string } | { kind: "template"; path: string; prefix: string };
  targets: TargetSpec[];
  severity: Partial<Record<CheckName, Severity>>;
  /** Where to write the JSON report. */
  report?: string;
  vault: VaultSettings;
}

export const DEFAULT_OUT: Record<Format, string> = {
  dotenv: "ssm-gate.env",
  shell: "ssm-gate.sh",
  json: "ssm-gate.json",
  docker: "ssm-gate.docker.env",
};
