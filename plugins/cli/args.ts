import { parseArgs } from "node:util";
import type { RawSettings } from "../../shared/config/parse.js";
import { cliFlagName, SETTING_KEYS, SETTINGS, type SettingKey } from "../../shared/config/settings.js";
import { UsageError } from "../../shared/errors.js";

export interface CliArgs {
  command: string | undefined;
  settings: RawSettings;
  help: boolean;
  version: boolean;
  verbose: boolean;
  /** Everything after `--` (the command `exec` runs). */
  rest: string[];
}

const REPEATABLE = new Set<SettingKey>(["parameters", "allow_env_names", "target", "severity"]);

/** Reads argv into raw settings; flag names are the settings' keys in kebab-case. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const dashdash = argv.indexOf("--");
  const own = dashdash === -1 ? [...argv] : argv.slice(0, dashdash);
  const rest = dashdash === -1 ? [] : argv.slice(dashdash + 1);
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
    verbose: { type: "boolean", short: "v" },
  };
  for (const key of SETTING_KEYS) {
    const type = SETTINGS[key].kind.type === "bool" ? "boolean" : "string";
    options[cliFlagName(key)] = { type, ...(REPEATABLE.has(key) ? { multiple: true } : {}) };
  }
  (options.parameters as { short?: string }).short = "p";
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: own, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]}. Run 'ssm-gate --help' for the flags.`);
  }
  const settings: RawSettings = {};
  for (const key of SETTING_KEYS) {
    const value = parsed.values[cliFlagName(key)];
    if (typeof value === "boolean") settings[key] = String(value);
    else if (value !== undefined) settings[key] = value as string | string[];
  }
  const [command, ...extra] = parsed.positionals;
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]}'. Put the command to run after '--'.`);
  }
  return {
    command,
    settings,
    help: parsed.values.help === true,
    version: parsed.values.version === true,
    verbose: parsed.values.verbose === true,
    rest,
  };
}
