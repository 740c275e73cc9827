import { isAbsolute, join } from "node:path";
import type { FetchConfig } from "../../shared/config/config.js";
import { parseFetchConfig } from "../../shared/config/parse.js";
import { runMasked } from "../../shared/exec/run.js";
import { fetchEntries } from "../../shared/jobs/fetch.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import type { EnvEntry } from "../../shared/types.js";
import { writeEnvFile } from "../../shared/writers/envFile.js";
import { pluginDisplay, pluginVar, readPluginSettings } from "./settings.js";

export interface PluginOutcome {
  entries: EnvEntry[];
  /** The env file written (absent in exec mode). */
  envFile?: string;
  /** The command's exit code in exec mode. */
  exitCode: number;
  config: FetchConfig;
  secretOutputs: boolean;
}

/**
 * What Drone and Harness share: settings from PLUGIN_*, fetch, then either run `run` with the values
 * (masked output) or write the env file in the workspace, where later steps can source it.
 */
export async function runPlugin(env: NodeJS.ProcessEnv, logger: { current: Logger }): Promise<PluginOutcome> {
  const settings = readPluginSettings(env);
  const config = parseFetchConfig(settings.raw, pluginDisplay);
  const masker = new Masker(config.maskMinLength);
  logger.current = new Logger(masker, stderrSink);
  const result = await fetchEntries(config, {
    logger: logger.current,
    masker,
    allowSetting: `setting 'allow_env_names' (${pluginVar("allow_env_names")})`,
  });
  const outcome: PluginOutcome = {
    entries: result.entries,
    exitCode: 0,
    config,
    secretOutputs: settings.secretOutputs,
  };
  if (config.run !== undefined) {
    const values = Object.fromEntries(result.entries.map((e) => [e.envName, e.value]));
    logger.current.info(`running with ${result.entries.length} variables: ${names(result.entries)}`);
    outcome.exitCode = await runMasked(["sh", "-c", config.run], values, {
      pristine: config.pristine,
      masker,
    });
    return outcome;
  }
  const workspace = env.DRONE_WORKSPACE ?? process.cwd();
  const path = config.out === "-" || isAbsolute(config.out) ? config.out : join(workspace, config.out);
  await writeEnvFile(result.entries, config.format, path);
  outcome.envFile = path;
  logger.current.info(
    `wrote ${result.entries.length} variables to ${path} (${config.format}): ${names(result.entries)}`,
  );
  return outcome;
}

export function names(entries: readonly EnvEntry[]): string {
  return entries.map((e) => e.envName).join(", ");
}
