import { parseFetchConfig } from "../../shared/config/parse.js";
import { ExitCode, exitCodeOf, GateError, UsageError } from "../../shared/errors.js";
import { fetchEntries } from "../../shared/jobs/fetch.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import { VERSION } from "../../shared/version.js";
import { writeEnvFile } from "../../shared/writers/envFile.js";
import { parseCliArgs } from "./args.js";
import { FETCH_HELP, MAIN_HELP } from "./help.js";

/** Runs the CLI and returns its exit code; nothing here exits the process. */
export async function run(argv: readonly string[]): Promise<number> {
  const masker = new Masker();
  let logger = new Logger(masker, stderrSink);
  try {
    const args = parseCliArgs(argv);
    if (args.version) return print(`${VERSION}\n`);
    if (args.command === undefined || args.command === "help") return print(MAIN_HELP);
    if (args.command !== "fetch") throw new UsageError(`unknown command '${args.command}'. Commands: fetch.`);
    if (args.help) return print(FETCH_HELP);

    const config = parseFetchConfig(args.settings);
    const runMasker = new Masker(config.maskMinLength);
    logger = new Logger(runMasker, stderrSink, args.verbose);
    const result = await fetchEntries(config, {
      logger,
      masker: runMasker,
      allowSetting: "--allow-env-names",
    });
    await writeEnvFile(result.entries, config.format, config.out);
    const where = config.out === "-" ? "standard output" : config.out;
    logger.info(
      `wrote ${result.entries.length} variable${result.entries.length === 1 ? "" : "s"} to ${where} (${config.format}): ${result.entries.map((e) => e.envName).join(", ")}`,
    );
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof GateError) logger.error(error.message);
    else logger.error(`unexpected failure: ${(error as Error)?.stack ?? String(error)}`);
    return exitCodeOf(error);
  }
}

function print(text: string): number {
  process.stdout.write(text);
  return ExitCode.ok;
}
