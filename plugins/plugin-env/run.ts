import { isAbsolute, join } from "node:path";
import { parseFetchConfig, parseMode, parseVerifyConfig } from "../../shared/config/parse.js";
import { runMasked } from "../../shared/exec/run.js";
import { fetchEntries } from "../../shared/jobs/fetch.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import type { EnvEntry } from "../../shared/types.js";
import { verifyExitCode, writeReport } from "../../shared/verify/outcome.js";
import { renderTable, type VerifyReport } from "../../shared/verify/report.js";
import { writeEnvFile } from "../../shared/writers/envFile.js";
import { pluginDisplay, pluginVar, readPluginSettings } from "./settings.js";

export type PluginOutcome =
  | {
      kind: "fetch";
      entries: EnvEntry[];
      /** The env file written (absent in exec mode). */
      envFile?: string;
      /** The command's exit code in exec mode. */
      exitCode: number;
      secretOutputs: boolean;
    }
  | { kind: "verify"; report: VerifyReport; exitCode: number };

/**
 * What Drone and Harness share: settings from PLUGIN_*, then the job of `mode`. fetch: run `run`
 * with the values (masked output), or write the env file in the workspace for later steps.
 * verify: the staging sync gate, its table on stdout and its JSON report where asked.
 */
export async function runPlugin(env: NodeJS.ProcessEnv, logger: { current: Logger }): Promise<PluginOutcome> {
  const settings = readPluginSettings(env);
  const workspace = env.DRONE_WORKSPACE ?? process.cwd();
  const inWorkspace = (path: string) => (path === "-" || isAbsolute(path) ? path : join(workspace, path));

  if (parseMode(settings.raw, pluginDisplay) === "verify") {
    const config = parseVerifyConfig(settings.raw, pluginDisplay);
    const masker = new Masker(config.maskMinLength);
    logger.current = new Logger(masker, stderrSink);
    const report = await (await loadVerify()).runVerify(config, { logger: logger.current, masker });
    process.stdout.write(`${masker.redact(renderTable(report))}\n`);
    if (config.report) await writeReport(inWorkspace(config.report), report);
    return { kind: "verify", report, exitCode: verifyExitCode(report) };
  }

  const config = parseFetchConfig(settings.raw, pluginDisplay);
  const masker = new Masker(config.maskMinLength);
  logger.current = new Logger(masker, stderrSink);
  const allowSetting = `setting 'allow_env_names' (${pluginVar("allow_env_names")})`;
  const result = await fetchEntries(config, { logger: logger.current, masker, allowSetting });
  const outcome: PluginOutcome = {
    kind: "fetch",
    entries: result.entries,
    exitCode: 0,
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
  const path = inWorkspace(config.out);
  await writeEnvFile(result.entries, config.format, path, pluginDisplay("format"));
  outcome.envFile = path;
  logger.current.info(
    `wrote ${result.entries.length} variables to ${path} (${config.format}): ${names(result.entries)}`,
  );
  return outcome;
}

export function names(entries: readonly EnvEntry[]): string {
  return entries.map((e) => e.envName).join(", ");
}

// verify's parsers (YAML, dotenv) load only when verify runs: fetch does not pay for them at start-up.
function loadVerify() {
  return import("../../shared/jobs/verify.js");
}
