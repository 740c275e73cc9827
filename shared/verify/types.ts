/** The checks `verify` runs, each with its own severity. */
export const CHECKS = [
  "exists",
  "not_empty",
  "placeholder",
  "type",
  "kms_key",
  "age",
  "pattern",
  "min_length",
  "drift_missing",
  "drift_extra",
  "drift_differs",
  "target",
] as const;
export type CheckName = (typeof CHECKS)[number];

export const SEVERITIES = ["fail", "warn", "off"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PARAMETER_TYPES = ["String", "StringList", "SecureString"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** One parameter the deployment needs, as the manifest or template describes it. */
export interface Expectation {
  /** The full SSM name. */
  name: string;
  /** The env name it is rendered under in targets. */
  envName: string;
  required: boolean;
  type?: ParameterType;
  kmsKey?: string;
  maxAgeDays?: number;
  warnAgeDays: number;
  pattern?: string;
  minLength?: number;
  /** Values that mean "not set yet", beside the built-in ones. */
  placeholders: string[];
  severity: Record<CheckName, Severity>;
  /** Where it was declared, for messages: `ssm-gate.yml:12`. */
  where: string;
}

/** One check's result for one parameter (or target). Never holds a value. */
export interface Finding {
  parameter: string;
  envName: string;
  check: CheckName;
  result: "pass" | "warn" | "fail" | "error";
  detail: string;
  target?: string;
}

export const DEFAULT_SEVERITY: Record<CheckName, Severity> = {
  exists: "fail",
  not_empty: "fail",
  placeholder: "fail",
  type: "fail",
  kms_key: "fail",
  age: "fail",
  pattern: "fail",
  min_length: "fail",
  drift_missing: "fail",
  drift_extra: "warn",
  drift_differs: "fail",
  target: "fail",
};
