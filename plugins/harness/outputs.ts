import { appendFile } from "node:fs/promises";
import { GateError, OutputError } from "../../shared/errors.js";

// Harness reads step outputs from the file in DRONE_OUTPUT (newer: HARNESS_OUTPUT_FILE). On Cloud and
// VM infrastructure it ends in `.env` and is parsed as dotenv, where `__B64__<base64>` carries any
// value; on the older local Docker runner it ends in `.out`, one `KEY VALUE` per line.

const PLAIN = /^[A-Za-z0-9_.,:/@%+=-]*$/;

/** One output line for the file at `path`, in that file's own format. */
export function outputLine(path: string, key: string, value: string): string {
  if (path.endsWith(".out")) {
    if (/[\r\n]/.test(value)) {
      throw new OutputError(
        `output ${key} spans several lines, which the local runner's .out output file cannot hold`,
      );
    }
    return `${key} ${value}\n`;
  }
  return PLAIN.test(value) ? `${key}=${value}\n` : `${key}=__B64__${Buffer.from(value).toString("base64")}\n`;
}

/** Appends outputs to a Harness output file (other steps' lines stay). */
export async function writeOutputs(path: string, outputs: Record<string, string>): Promise<void> {
  const text = Object.entries(outputs)
    .map(([key, value]) => outputLine(path, key, value))
    .join("");
  await appendFile(path, text, { mode: 0o600 });
}

/** Error metadata Harness shows on the failed step. */
export async function writeErrorMetadata(path: string, error: unknown, message: string): Promise<void> {
  const code = error instanceof GateError ? error.exitCode : 1;
  const category = !(error instanceof GateError)
    ? "UNKNOWN"
    : code === 2 || code === 4
      ? "USER"
      : code === 3
        ? "CONNECTIVITY"
        : code === 1
          ? "VERIFICATION"
          : "UNKNOWN";
  const oneLine = message.replace(/\s*\n\s*/g, " ");
  await appendFile(path, `ERROR_MESSAGE=${oneLine}\nERROR_CODE=${code}\nERROR_CATEGORY=${category}\n`);
}
