import { cliFlagName, SETTING_KEYS, SETTINGS, type SettingKey } from "../../shared/config/settings.js";
import { SPEC_SHAPE } from "../../shared/select/spec.js";
import { VERSION } from "../../shared/version.js";

const EXIT_CODES = `Exit codes:
  0  success
  1  unexpected failure
  2  usage or configuration error (bad flag, spec, setting, env name)
  3  SSM unreachable, throttled past retries, or access denied
  4  required parameters missing
  5  output cannot be written exactly (format, symlink, file system)
  126, 127  exec: the command is not executable, or not found
  any other  exec: the command's own exit code (128 + N when killed by signal N)`;

function flags(exclude: readonly SettingKey[]): string {
  return SETTING_KEYS.filter((key) => !exclude.includes(key))
    .map((key) => {
      const info = SETTINGS[key];
      const kind = info.kind;
      const shape =
        kind.type === "enum"
          ? kind.values.join("|")
          : kind.type === "int" || kind.type === "number"
            ? "N"
            : kind.type === "bool"
              ? ""
              : "VALUE";
      const flag = `--${cliFlagName(key)}${key === "parameters" ? ", -p" : ""} ${shape}`.trimEnd();
      const def = "default" in info ? ` (default: ${info.default})` : "";
      return `  ${flag.padEnd(38)}${info.description}${def}`;
    })
    .join("\n");
}

export const MAIN_HELP = `ssm-gate ${VERSION}: AWS SSM parameters into CI jobs, masked and exact.

Usage:
  ssm-gate fetch --parameters SPEC [--parameters SPEC ...] [flags]
  ssm-gate exec --parameters SPEC [...] [flags] -- COMMAND [ARGS...]
  ssm-gate <command> --help

Commands:
  fetch   fetch parameters and write them to an env file (or stdout)
  exec    fetch parameters and run a command with them, its output masked

${EXIT_CODES}
`;

export const FETCH_HELP = `Usage: ssm-gate fetch --parameters SPEC [--parameters SPEC ...] [flags]

Fetches parameters from SSM (always decrypted) and writes them to an env file that reads back
byte for byte: mode 0600, written to a temp file and renamed. Logs name parameters and env names,
never values.

Parameters (SPEC):
${SPEC_SHAPE.replace(/^/gm, "  ")}

Flags:
${flags(["pristine", "run"])}
  --verbose, -v                         request counts and timings
  --help, -h                            this help

${EXIT_CODES}

Example:
  ssm-gate fetch -p /mev-beta/staging/ -p CI_=/mev-beta/ci/ --out .env.staging
`;

export const EXEC_HELP = `Usage: ssm-gate exec --parameters SPEC [--parameters SPEC ...] [flags] -- COMMAND [ARGS...]

Fetches parameters from SSM and runs COMMAND with them added to its environment (--pristine: only
them). Its stdout and stderr pass through ssm-gate's masker: every value, in every common encoded
form, shows as ***, even when split across writes. Stdin is inherited; SIGINT and SIGTERM are
forwarded; the exit code is the command's own. Nothing is written to disk.

Parameters (SPEC):
${SPEC_SHAPE.replace(/^/gm, "  ")}

Flags:
${flags(["format", "env_file", "run"])}
  --verbose, -v                         request counts and timings
  --help, -h                            this help

${EXIT_CODES}

Example:
  ssm-gate exec -p /mev-beta/staging/ -- ./scripts/render-config.sh
`;
