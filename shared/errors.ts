// Exit codes are part of the public contract (README "Exit codes"): scripts branch on them.
export const ExitCode = {
  ok: 0,
  /** Unexpected failure, or (verify) the gate failed. */
  failed: 1,
  /** Bad flags, settings, specs or environment: fix the configuration. */
  usage: 2,
  /** SSM (or Vault) unreachable, throttled past retries, or access denied. */
  unavailable: 3,
  /** Required parameters do not exist. */
  missing: 4,
  /** The output could not be written exactly (format cannot hold a value, symlink, file system). */
  output: 5,
  /** Vault refused the login: wrong role_id or secret_id, a bad token or JWT. */
  vaultAuth: 6,
  /** Vault denied reading a path (the token's policies do not allow it). */
  vaultDenied: 7,
  /** exec: the command is not executable (as shells report it). */
  commandNotExecutable: 126,
  /** exec: the command does not exist (as shells report it). */
  commandNotFound: 127,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error ssm-gate expects and explains; its message never holds a secret value. */
export class GateError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UsageError extends GateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

export class UnavailableError extends GateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.unavailable, options);
  }
}

export class MissingParametersError extends GateError {
  constructor(
    readonly missing: readonly string[],
    where = "SSM",
  ) {
    super(
      `${missing.length} required parameter${missing.length === 1 ? "" : "s"} not found in ${where}: ${missing.join(", ")}`,
      ExitCode.missing,
    );
  }
}

export class OutputError extends GateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.output, options);
  }
}

/** The exit code for any thrown value: a GateError's own, else `failed`. */
export function exitCodeOf(error: unknown): ExitCodeValue {
  return error instanceof GateError ? error.exitCode : ExitCode.failed;
}
