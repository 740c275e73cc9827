import { writeFile } from "node:fs/promises";
import { exitCodeOf, GateError } from "../../shared/errors.js";
import { Logger, stderrSink } from "../../shared/log/logger.js";
import { Masker } from "../../shared/mask/masker.js";
import type { VerifyReport } from "../../shared/verify/report.js";
import { runPlugin } from "../plugin-env/run.js";

/** The Drone plugin: an env file in the workspace, a masked command, or the verify gate. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const logger = { current: new Logger(new Masker(), stderrSink) };
  try {
    const outcome = await runPlugin(env, logger);
    if (outcome.kind === "verify" && env.DRONE_CARD_PATH)
      await writeCard(env.DRONE_CARD_PATH, outcome.report);
    return outcome.exitCode;
  } catch (error) {
    const message =
      error instanceof GateError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? error}`;
    logger.current.error(message);
    return exitCodeOf(error);
  }
}

/**
 * A Drone card: the runner reads `ESC]1338;` + base64(JSON) + `ESC]0m` from DRONE_CARD_PATH and
 * renders it with a card template. The data holds the verdict and names only, never a value.
 */
async function writeCard(path: string, report: VerifyReport): Promise<void> {
  const data = {
    status: report.status,
    summary: report.summary,
    problems: report.findings.filter((f) => f.result !== "pass"),
  };
  const payload = Buffer.from(JSON.stringify(data)).toString("base64");
  await writeFile(path, `\u001b]1338;${payload}\u001b]0m`, { flag: "a" });
}
