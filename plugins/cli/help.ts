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
  6  Vault refused the login (role_id, secret_id, token or JWT)
  7  Vault denied reading a path
  126, 127  exec: the command is not executable, or not found
  any other  exec: the command's own exit code (128 + N when killed by signal N)`;

const VERIFY_ONLY: SettingKey[] = ["manifest", "template", "prefix", "target", "report", "severity"];
const FETCH_ONLY: SettingKey[] = [
  "parameters",
  "format",
  "env_file",
  "run",
  "pristine",
  "name_transformation",
  "on_missing",
  "allow_env_names",
  "mode",
];

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
  ssm-gate verify [--manifest FILE | --template FILE --prefix PATH] [--target T ...] [--report FILE]
  ssm-gate <command> --help

Commands:
  fetch   fetch parameters and write them to an env file (or stdout)
  exec    fetch parameters and run a command with them, its output masked
  verify  the staging sync gate: SSM holds what the deploy needs, and staging holds what SSM holds

${EXIT_CODES}
`;

export const FETCH_HELP = `Usage: ssm-gate fetch --parameters SPEC [--parameters SPEC ...] [flags]

Fetches parameters from SSM (always decrypted) and writes them to an env file that reads back
byte for byte: mode 0600, written to a temp file and renamed. Logs name parameters and env names,
never values.

Parameters (SPEC):
${SPEC_SHAPE.replace(/^/gm, "  ")}

Flags:
${flags(["pristine", "run", ...VERIFY_ONLY, "mode"])}
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
${flags(["format", "env_file", "run", ...VERIFY_ONLY, "mode"])}
  --verbose, -v                         request counts and timings
  --help, -h                            this help

${EXIT_CODES}

Example:
  ssm-gate exec -p /mev-beta/staging/ -- ./scripts/render-config.sh
`;

export const VERIFY_HELP = `Usage: ssm-gate verify [--manifest FILE | --template FILE --prefix PATH] [--target T ...] [flags]

The staging sync gate. Proves that every parameter the deployment needs is in SSM, valid and current,
and that what staging will run holds exactly what SSM holds. Prints a table of warnings and failures
(names, checks and results: never a value, a part of one, its length or a hash) and writes a JSON
report with --report.

Checks per parameter: exists, not_empty, placeholder, type, kms_key, age, pattern, min_length;
per target: drift_missing, drift_differs, drift_extra, and target (could it be read).

Targets:
  env-file:PATH        a rendered dotenv, shell or JSON env file
  docker-env-file:PATH a file for docker run --env-file, read as docker reads it
  k8s-secret:PATH      a Kubernetes Secret as YAML or JSON (data base64, stringData plain)
  command:CMD ARGS     run CMD (no shell) and read its output as a Secret or env file
  shell:COMMAND LINE   the same through sh -c
  ssm:/other/prefix/   the same names exist under another prefix (values not compared)

Flags:
${flags(FETCH_ONLY)}
  --verbose, -v                         request counts and timings
  --help, -h                            this help

Exit codes:
  0  pass (warnings allowed)
  1  the gate failed
  2  usage or configuration error (bad flag, manifest, template, target)
  3  could not check: SSM unreachable, denied or throttled past retries, or a target unreadable

Example:
  ssm-gate verify --manifest ssm-gate.yml --target k8s-secret:mev-bot-secret.json --report verify.json
`;
