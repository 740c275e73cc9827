import { bool, cleanEnv, str } from "envalid";
import type { RawSettings } from "../../shared/config/parse.js";
import { SETTING_KEYS, type SettingKey } from "../../shared/config/settings.js";
import { UsageError } from "../../shared/errors.js";

/** The env var a container plugin setting arrives in: `on_missing` -> `PLUGIN_ON_MISSING`. */
export const pluginVar = (key: string): string => `PLUGIN_${key.toUpperCase()}`;

/** How errors name a setting on Drone and Harness: as written under `settings:`. */
export const pluginDisplay = (key: SettingKey): string => `setting '${key}' (${pluginVar(key)})`;

/** Settings only the container plugins have, beside the core's. */
export const PLUGIN_EXTRAS = ["secret_outputs"] as const;

export interface PluginSettings {
  raw: RawSettings;
  /** Harness: write each value as a secret output (HARNESS_OUTPUT_SECRET_FILE). */
  secretOutputs: boolean;
}

/**
 * Reads `PLUGIN_*` settings with envalid. Values stay text here: the core's parser checks their
 * shape, so Drone, Harness, GitHub and the CLI report the same errors.
 */
export function readPluginSettings(env: NodeJS.ProcessEnv): PluginSettings {
  const specs = Object.fromEntries(SETTING_KEYS.map((key) => [pluginVar(key), str({ default: undefined })]));
  const extras = { PLUGIN_SECRET_OUTPUTS: bool({ default: false }) };
  const cleaned = cleanEnv(
    env,
    { ...specs, ...extras },
    {
      reporter: ({ errors }) => {
        const [name, error] = Object.entries(errors)[0] ?? [];
        if (name === undefined) return;
        const key = name.replace(/^PLUGIN_/, "").toLowerCase();
        throw new UsageError(
          `setting '${key}' (${name}): ${(error as Error).message}; expected true or false`,
        );
      },
    },
  ) as Record<string, unknown>;
  const raw: RawSettings = {};
  for (const key of SETTING_KEYS) {
    const value = cleaned[pluginVar(key)];
    if (typeof value === "string" && value !== "") raw[key] = value;
  }
  return { raw, secretOutputs: cleaned.PLUGIN_SECRET_OUTPUTS === true };
}
