import type { FetchConfig } from "../../shared/config/config.js";
import { cliFlag, parseFetchConfig, parseVerifyConfig } from "../../shared/config/parse.js";
import { ExitCode, exitCodeOf, GateError, UsageError } from "../../shared/errors.js";
import { runMasked } from "../../shared/exec/run.js";
import { fetchEntries } from "../../shared/jobs/fetch.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import { errorReport, verifyExitCode, writeReport } from "../../shared/verify/outcome.js";
import { renderTable } from "../../shared/verify/report.js";
import { VERSION } from "../../shared/version.js";
import { writeEnvFile } from "../../shared/writers/envFile.js";
import { type CliArgs, parseCliArgs } from "./args.js";
import { EXEC_HELP, FETCH_HELP, MAIN_HELP, VERIFY_HELP } from "./help.js";

const ALLOW = "--allow-env-names";

/** Runs the CLI and returns its exit code; nothing here exits the process. */
export async function run(argv: readonly string[]): Promise<number> {
  let logger = new Logger(new Masker(), stderrSink);
  try {
    const args = parseCliArgs(argv);
    if (args.version) return print(`${VERSION}\n`);
    const command = COMMANDS[args.command ?? "help"];
    if (command === undefined)
      throw new UsageError(`unknown command '${args.command}'. Commands: fetch, exec.`);
    if (args.help || args.command === undefined || args.command === "help") return print(command.help);
    if (args.command !== "exec" && args.rest.length > 0) {
      throw new UsageError(`'${args.command}' takes no command after '--'; did you mean 'ssm-gate exec'?`);
    }

    if (args.command === "verify") return await verify(args, (l) => (logger = l));
    const config = parseFetchConfig(args.settings);
    const masker = new Masker(config.maskMinLength);
    logger = new Logger(masker, stderrSink, args.verbose);
    return await command.run(config, args, logger, masker);
  } catch (error) {
    if (error instanceof GateError) logger.error(error.message);
    else logger.error(`unexpected failure: ${(error as Error)?.stack ?? String(error)}`);
    return exitCodeOf(error);
  }
}

interface Command {
  help: string;
  run(config: FetchConfig, args: CliArgs, logger: Logger, masker: Masker): Promise<number>;
}

const COMMANDS: Record<string, Command | undefined> = {
  help: { help: MAIN_HELP, run: async () => print(MAIN_HELP) },
  verify: { help: VERIFY_HELP, run: async () => ExitCode.ok }, // run by verify() above
  fetch: {
    help: FETCH_HELP,
    async run(config, _args, logger, masker) {
      const result = await fetchEntries(config, { logger, masker, allowSetting: ALLOW });
      await writeEnvFile(result.entries, config.format, config.out, cliFlag("format"));
      const where = config.out === "-" ? "standard output" : config.out;
      logger.info(
        `wrote ${result.entries.length} variable${result.entries.length === 1 ? "" : "s"} to ${where} (${config.format}): ${names(result.entries)}`,
      );
      return ExitCode.ok;
    },
  },
  exec: {
    help: EXEC_HELP,
    async run(config, args, logger, masker) {
      if (args.rest.length === 0) {
        throw new UsageError(
          "exec: no command given; put it after '--', like: ssm-gate exec -p /app/ -- ./deploy.sh",
        );
      }
      const result = await fetchEntries(config, { logger, masker, allowSetting: ALLOW });
      const env = Object.fromEntries(result.entries.map((e) => [e.envName, e.value]));
      logger.info(
        `running ${args.rest[0]} with ${result.entries.length} variables: ${names(result.entries)}`,
      );
      return runMasked(args.rest, env, { pristine: config.pristine, masker });
    },
  },
};

/** `ssm-gate verify`: the table on stdout, the JSON report to --report, the gate's exit code. */
async function verify(args: CliArgs, setLogger: (logger: Logger) => void): Promise<number> {
  const config = parseVerifyConfig(args.settings);
  const masker = new Masker(config.maskMinLength);
  const logger = new Logger(masker, stderrSink, args.verbose);
  setLogger(logger);
  try {
    const report = await (await loadVerify()).runVerify(config, { logger, masker });
    process.stdout.write(`${masker.redact(renderTable(report))}\n`);
    if (config.report) await writeReport(config.report, report);
    return verifyExitCode(report);
  } catch (error) {
    if (config.report && error instanceof GateError && error.exitCode === ExitCode.unavailable) {
      await writeReport(config.report, errorReport(config.source.path, logger.redact(error.message)));
    }
    throw error;
  }
}

function names(entries: readonly { envName: string }[]): string {
  return entries.map((e) => e.envName).join(", ");
}

function print(text: string): number {
  process.stdout.write(text);
  return ExitCode.ok;
}

// verify's parsers (YAML, dotenv) load only when verify runs: fetch does not pay for them at start-up.
function loadVerify() {
  return import("../../shared/jobs/verify.js");
}
