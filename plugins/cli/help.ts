import { SETTING_KEYS, SETTINGS } from "../../shared/config/settings.js";
import { SPEC_SHAPE } from "../../shared/select/spec.js";
import { VERSION } from "../../shared/version.js";

const EXIT_CODES = `Exit codes:
  0  success
  1  unexpected failure
  2  usage or configuration error (bad flag, spec, setting, env name)
  3  SSM unreachable, throttled past retries, or access denied
  4  required parameters missing
  5  output cannot be written exactly (format, symlink, file system)`;

function flags(): string {
  return SETTING_KEYS.map((key) => {
    const info = SETTINGS[key];
    const kind = info.kind;
    const shape =
      kind.type === "enum"
        ? kind.values.join("|")
        : kind.type === "int" || kind.type === "number"
          ? "N"
          : "VALUE";
    const flag = `--${key.replace(/_/g, "-")}${key === "parameters" ? ", -p" : ""} ${shape}`;
    const def = "default" in info ? ` (default: ${info.default})` : "";
    return `  ${flag.padEnd(38)}${info.description}${def}`;
  }).join("\n");
}

export const MAIN_HELP = `ssm-gate ${VERSION}: AWS SSM parameters into CI jobs, masked and exact.

Usage:
  ssm-gate fetch --parameters SPEC [--parameters SPEC ...] [flags]
  ssm-gate <command> --help

Commands:
  fetch   fetch parameters and write them to an env file (or stdout)

${EXIT_CODES}
`;

export const FETCH_HELP = `Usage: ssm-gate fetch --parameters SPEC [--parameters SPEC ...] [flags]

Fetches parameters from SSM (always decrypted) and writes them to an env file that reads back
byte for byte: mode 0600, written to a temp file and renamed. Logs name parameters and env names,
never values.

Parameters (SPEC):
${SPEC_SHAPE.replace(/^/gm, "  ")}

Flags:
${flags()}
  --verbose, -v                         request counts and timings
  --help, -h                            this help

${EXIT_CODES}

Example:
  ssm-gate fetch -p /mev-beta/staging/ -p CI_=/mev-beta/ci/ --out .env.staging
`;
