import { accessSync, constants as fs } from "node:fs";
import { constants } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { ExitCode, GateError, UsageError } from "../errors.js";
import { forwardStopSignals } from "../lifecycle.js";
import type { Masker } from "../mask/masker.js";

export interface ExecOptions {
  /** The child's environment holds only `env` (PATH is still used to find the command). */
  pristine: boolean;
  masker: Masker;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/**
 * Runs `command` with `env` added to its environment, stdin inherited, stdout and stderr each through
 * a streaming redactor. Resolves to the child's exit code (128 + N for a signal N).
 */
export async function runMasked(
  command: readonly string[],
  env: Record<string, string>,
  options: ExecOptions,
): Promise<number> {
  const [file, ...args] = command;
  if (file === undefined || file === "")
    throw new UsageError(
      "exec: no command given; put it after '--', like: ssm-gate exec -p /app/ -- ./deploy.sh",
    );
  const resolved = options.pristine ? resolveCommand(file) : file;
  // Loaded only for exec: fetch alone does not pay for it at start-up.
  const { execa } = await import("execa");
  const child = execa(resolved, args, {
    env,
    extendEnv: !options.pristine,
    stdin: "inherit",
    stdout: "pipe",
    stderr: "pipe",
    buffer: false,
    // Bytes, not text: invalid UTF-8 and split multi-byte characters must pass through unchanged.
    encoding: "buffer",
    reject: false,
    stripFinalNewline: false,
  });
  const stopForwarding = forwardStopSignals((signal) => child.kill(signal));
  try {
    const copy = (from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream) =>
      from ? pipeline(from, options.masker.redactor().stream(), to, { end: false }) : Promise.resolve();
    const [result] = await Promise.all([
      child,
      copy(child.stdout, options.stdout ?? process.stdout),
      copy(child.stderr, options.stderr ?? process.stderr),
    ]);
    if (result.failed && result.exitCode === undefined && result.signal === undefined) {
      const code = (result.cause as NodeJS.ErrnoException | undefined)?.code;
      if (code === "ENOENT")
        throw new GateError(`exec: command not found: ${file}`, ExitCode.commandNotFound);
      if (code === "EACCES")
        throw new GateError(`exec: command is not executable: ${file}`, ExitCode.commandNotExecutable);
      throw new GateError(`exec: cannot start ${file}: ${code ?? "unknown error"}`, ExitCode.commandNotFound);
    }
    if (result.signal) return 128 + (constants.signals[result.signal as NodeJS.Signals] ?? 0);
    return result.exitCode ?? 1;
  } finally {
    stopForwarding();
  }
}

/** Finds `file` on our PATH, for a pristine child whose own environment has no PATH. */
function resolveCommand(file: string): string {
  if (isAbsolute(file) || file.includes("/")) return file;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, file);
    try {
      accessSync(candidate, fs.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return file;
}
