import { exitCodeOf, GateError } from "../../shared/errors.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import { runPlugin } from "../plugin-env/run.js";

/** The Drone plugin: settings from PLUGIN_*, an env file in the workspace or a masked command. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const logger = { current: new Logger(new Masker(), stderrSink) };
  try {
    return (await runPlugin(env, logger)).exitCode;
  } catch (error) {
    const message =
      error instanceof GateError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? error}`;
    logger.current.error(message);
    return exitCodeOf(error);
  }
}
