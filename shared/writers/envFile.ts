import type { EnvEntry } from "../types.js";
import { writeFileAtomic } from "./atomic.js";
import { encodeEnvFile, type Format } from "./format.js";

/**
 * Writes the entries as an env file (0600, atomically), or to `stdout` when `out` is "-".
 * Encodes everything first, so a value the format cannot hold leaves nothing behind.
 */
export async function writeEnvFile(
  entries: readonly EnvEntry[],
  format: Format,
  out: string,
  formatSetting: string,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const content = encodeEnvFile(entries, format, formatSetting);
  if (out === "-") {
    await new Promise<void>((resolve, reject) =>
      stdout.write(content, (error) => (error ? reject(error) : resolve())),
    );
    return;
  }
  await writeFileAtomic(out, content);
}
