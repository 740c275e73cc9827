import { isAbsolute, join } from "node:path";
import * as core from "@actions/core";
import type { RawSettings } from "../../shared/config/parse.js";
import { parseFetchConfig, parseMode, parseVerifyConfig } from "../../shared/config/parse.js";
import { exitCodeOf, GateError, UsageError } from "../../shared/errors.js";
import { runMasked } from "../../shared/exec/run.js";
import { fetchEntries } from "../../shared/jobs/fetch.js";
import { Logger } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import type { EnvEntry } from "../../shared/types.js";
import { verifyExitCode, writeReport } from "../../shared/verify/outcome.js";
import { renderMarkdown, renderTable } from "../../shared/verify/report.js";
import { writeEnvFile } from "../../shared/writers/envFile.js";
import { inputDisplay, readInputs } from "./inputs.js";
import { githubSink } from "./logSink.js";
import { rememberFile } from "./state.js";

/** The action's main step; returns the exit code. */
export async function run(): Promise<number> {
  let masker = new Masker();
  let logger = new Logger(masker, githubSink(masker));
  try {
    const inputs = readInputs();
    if (parseMode(inputs.raw, inputDisplay) === "verify")
      return await verify(inputs.raw, (l) => (logger = l));
    const config = parseFetchConfig(inputs.raw, inputDisplay);
    masker = new Masker(config.maskMinLength);
    const sink = githubSink(masker);
    logger = new Logger(masker, sink, core.isDebug());
    const result = await fetchEntries(config, {
      logger,
      masker,
      allowSetting: "input 'allow-env-names'",
      // Vault JWT auth: the job's OIDC token (needs permissions: id-token: write), asked for only when used.
      jwt: () => core.getIDToken(),
    });
    sink.registerSecrets(); // before any value can reach a file command or an output

    if (config.run !== undefined) {
      const env = Object.fromEntries(result.entries.map((e) => [e.envName, e.value]));
      logger.info(`running with ${result.entries.length} variables: ${names(result.entries)}`);
      return await runMasked(["sh", "-c", config.run], env, { pristine: config.pristine, masker });
    }

    if (inputs.exportEnv) for (const e of result.entries) core.exportVariable(e.envName, e.value);
    if (inputs.envFile !== undefined) {
      const path = envFilePath(inputs.envFile);
      await writeEnvFile(result.entries, config.format, path, inputDisplay("format"));
      rememberFile(path);
      core.setOutput("env-file", path);
    }
    if (inputs.valuesAsOutputs) for (const e of result.entries) core.setOutput(e.envName, e.value);
    core.setOutput("names", JSON.stringify(result.entries.map((e) => e.envName)));
    core.setOutput("count", String(result.entries.length));
    await summary(result.entries);
    logger.info(`exported ${result.entries.length} variables: ${names(result.entries)}`);
    return 0;
  } catch (error) {
    const message =
      error instanceof GateError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? error}`;
    core.setFailed(logger.redact(message));
    return exitCodeOf(error);
  }
}

/** mode: verify. The table in the log, a step summary, outputs; a failed gate fails the step. */
async function verify(raw: RawSettings, setLogger: (logger: Logger) => void): Promise<number> {
  const config = parseVerifyConfig(raw, inputDisplay);
  const masker = new Masker(config.maskMinLength);
  const logger = new Logger(masker, githubSink(masker), core.isDebug());
  setLogger(logger);
  const report = await (await loadVerify()).runVerify(config, {
    logger,
    masker,
    jwt: () => core.getIDToken(),
  });
  for (const line of renderTable(report).split("\n")) logger.info(line);
  if (config.report) {
    await writeReport(config.report, report);
    core.setOutput("report", config.report);
  }
  const failures = report.findings.filter((f) => f.result === "fail" || f.result === "error").length;
  core.setOutput("status", report.status);
  core.setOutput("failures", String(failures));
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(masker.redact(renderMarkdown(report))).write();
  const code = verifyExitCode(report);
  if (code !== 0) core.setFailed(`ssm-gate verify: ${report.status} (${failures} failing checks)`);
  return code;
}

function envFilePath(input: string): string {
  if (isAbsolute(input)) return input;
  const temp = process.env.RUNNER_TEMP;
  if (!temp)
    throw new UsageError(
      "input 'env-file': a relative path needs RUNNER_TEMP, which is not set; give an absolute path",
    );
  return join(temp, input);
}

function names(entries: readonly EnvEntry[]): string {
  return entries.map((e) => e.envName).join(", ");
}

/** A step summary of names and their parameters: never a value. */
async function summary(entries: readonly EnvEntry[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary
    .addHeading("ssm-gate", 3)
    .addTable([
      [
        { data: "env name", header: true },
        { data: "parameter", header: true },
      ],
      ...entries.map((e) => [e.envName, e.source]),
    ])
    .write();
}

// verify's parsers (YAML, dotenv) load only when verify runs: fetch does not pay for them at start-up.
function loadVerify() {
  return import("../../shared/jobs/verify.js");
}
