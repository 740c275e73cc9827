import type { NameTransformation } from "../naming/envName.js";
import type { ParameterSpec } from "../select/spec.js";
import type { Format } from "../writers/format.js";
import type { ON_MISSING } from "./settings.js";

export type OnMissing = (typeof ON_MISSING)[number];

/** The one typed configuration every front door produces. */
export interface FetchConfig {
  parameters: ParameterSpec[];
  format: Format;
  /** A file path, "-" for standard output. */
  out: string;
  nameTransformation: NameTransformation;
  onMissing: OnMissing;
  allowEnvNames: string[];
  region?: string;
  endpoint?: string;
  concurrency: number;
  maxRps?: number;
  maxAttempts: number;
  timeoutSeconds: number;
  maskMinLength: number;
  pristine: boolean;
  /** Plugins' exec mode: a command line run with `sh -c`. */
  run?: string;
}

export const DEFAULT_OUT: Record<Format, string> = {
  dotenv: "ssm-gate.env",
  shell: "ssm-gate.sh",
  json: "ssm-gate.json",
};
