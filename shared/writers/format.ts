import { OutputError } from "../errors.js";
import type { EnvEntry } from "../types.js";
import { encodeDocker } from "./docker.js";
import { encodeDotenv } from "./dotenv.js";
import { encodeJson } from "./json.js";
import { encodeShell } from "./shell.js";

export const FORMATS = ["dotenv", "shell", "json", "docker"] as const;
export type Format = (typeof FORMATS)[number];

const encoders: Record<Format, (entries: readonly EnvEntry[]) => string | { unfit: EnvEntry }> = {
  dotenv: encodeDotenv,
  shell: encodeShell,
  json: encodeJson,
  docker: encodeDocker,
};

/**
 * Encodes every entry, or refuses the whole file, naming the parameter and a format that holds it;
 * `formatSetting` is the format setting as the user writes it (`--format`, `input 'format'`, ...).
 */
export function encodeEnvFile(
  entries: readonly EnvEntry[],
  format: Format,
  formatSetting = "format",
): string {
  for (const entry of entries) {
    // UTF-8 cannot carry a lone surrogate: the bytes would not read back as the value.
    if (!entry.value.isWellFormed()) {
      throw new OutputError(
        `the value of ${entry.source} (${entry.envName}) is not well-formed Unicode and cannot be written to a file exactly`,
      );
    }
  }
  const result = encoders[format](entries);
  if (typeof result === "string") return result;
  const { unfit } = result;
  const holder = FORMATS.find((f) => f !== format && typeof encoders[f]([unfit]) === "string");
  throw new OutputError(
    `the value of ${unfit.source} (${unfit.envName}) cannot be written exactly as ${format}` +
      (holder ? `; ${holder} can hold it (${formatSetting})` : "") +
      ". Nothing was written.",
  );
}
