import * as core from "@actions/core";
import type { RawSettings } from "../../shared/config/parse.js";
import { SETTING_KEYS, type SettingKey } from "../../shared/config/settings.js";
import { UsageError } from "../../shared/errors.js";

/** An action input's name: the setting's key in kebab-case (`on_missing` -> `on-missing`). */
export const inputName = (key: string): string => key.replace(/_/g, "-");

/** How errors name a setting on GitHub: as the `with:` key the user wrote. */
export const inputDisplay = (key: SettingKey): string => `input '${inputName(key)}'`;

/** Inputs only the action has, beside the core's settings. */
export interface GithubInputs {
  raw: RawSettings;
  /** Export the values to later steps through GITHUB_ENV. */
  exportEnv: boolean;
  /** Also set each value as a (masked) step output named by its env name. */
  valuesAsOutputs: boolean;
  /** Write an env file too (relative paths are under RUNNER_TEMP). */
  envFile: string | undefined;
}

export function readInputs(): GithubInputs {
  const raw: RawSettings = {};
  for (const key of SETTING_KEYS) {
    const value = core.getInput(inputName(key));
    if (value !== "") raw[key] = value;
  }
  return {
    raw,
    exportEnv: booleanInput("export-env", true),
    valuesAsOutputs: booleanInput("values-as-outputs", false),
    envFile: raw.env_file as string | undefined,
  };
}

function booleanInput(name: string, fallback: boolean): boolean {
  if (core.getInput(name) === "") return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UsageError(`input '${name}': expected true or false; got '${core.getInput(name)}'`);
  }
}
