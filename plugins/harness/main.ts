import { exitCodeOf, GateError, UsageError } from "../../shared/errors.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import { names, runPlugin } from "../plugin-env/run.js";
import { writeErrorMetadata, writeOutputs } from "./outputs.js";

/**
 * The Harness plugin: the Drone plugin's settings and files, plus output variables (never a value),
 * values as secret outputs when asked, and error metadata on failure.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const logger = { current: new Logger(new Masker(), stderrSink) };
  const outputFile = env.HARNESS_OUTPUT_FILE || env.DRONE_OUTPUT;
  try {
    const outcome = await runPlugin(env, logger);
    if (outcome.kind === "verify") {
      const { report } = outcome;
      const failures = report.findings.filter((f) => f.result === "fail" || f.result === "error");
      if (outputFile) {
        await writeOutputs(outputFile, {
          SSM_GATE_STATUS: report.status,
          SSM_GATE_FAILURES: String(failures.length),
        });
      }
      if (failures.length > 0 && env.ERROR_METADATA_FILE) {
        const what = failures.map((f) => `${f.check} ${f.parameter || f.envName}`).join(", ");
        const error = new GateError(`verify ${report.status}: ${what}`, outcome.exitCode === 3 ? 3 : 1);
        await writeErrorMetadata(env.ERROR_METADATA_FILE, error, error.message);
      }
      return outcome.exitCode;
    }
    if (outcome.secretOutputs) {
      const secretFile = env.HARNESS_OUTPUT_SECRET_FILE;
      if (!secretFile) {
        throw new UsageError(
          "setting 'secret_outputs' (PLUGIN_SECRET_OUTPUTS) is on, but HARNESS_OUTPUT_SECRET_FILE is not set: the account's secret output variables feature is off. Turn it on, or use the env file instead.",
        );
      }
      await writeOutputs(secretFile, Object.fromEntries(outcome.entries.map((e) => [e.envName, e.value])));
    }
    if (outputFile) {
      await writeOutputs(outputFile, {
        SSM_GATE_STATUS: outcome.exitCode === 0 ? "pass" : "fail",
        SSM_GATE_COUNT: String(outcome.entries.length),
        SSM_GATE_NAMES: names(outcome.entries).replace(/ /g, ""),
        ...(outcome.envFile ? { SSM_GATE_ENV_FILE: outcome.envFile } : {}),
      });
    }
    return outcome.exitCode;
  } catch (error) {
    const message = logger.current.redact(
      error instanceof GateError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? error}`,
    );
    logger.current.error(message);
    // Outputs of a failed step may be dropped, so the status goes out before the failure.
    if (outputFile) await writeOutputs(outputFile, { SSM_GATE_STATUS: "error" }).catch(() => undefined);
    if (env.ERROR_METADATA_FILE)
      await writeErrorMetadata(env.ERROR_METADATA_FILE, error, message).catch(() => undefined);
    return exitCodeOf(error);
  }
}
