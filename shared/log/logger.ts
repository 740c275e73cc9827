import type { Masker } from "../mask/masker.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Where log lines go once masked; each platform adapter may supply its own (GitHub annotations). */
export type LogSink = (level: LogLevel, line: string) => void;

/** Writes to stderr: stdout stays free for data (`--out -`). */
export const stderrSink: LogSink = (level, line) => {
  const tag = level === "info" ? "" : `${level}: `;
  process.stderr.write(`${tag}${line}\n`);
};

/** The one logger of the core: every message is masked before it reaches the sink. */
export class Logger {
  constructor(
    private readonly masker: Masker,
    private readonly sink: LogSink = stderrSink,
    private readonly verbose = false,
  ) {}

  debug(message: string): void {
    if (this.verbose) this.emit("debug", message);
  }
  info(message: string): void {
    this.emit("info", message);
  }
  warn(message: string): void {
    this.emit("warn", message);
  }
  error(message: string): void {
    this.emit("error", message);
  }

  /** Masks any text (an error's stack, a child's output line) with the same masker. */
  redact(text: string): string {
    return this.masker.redact(text);
  }

  private emit(level: LogLevel, message: string): void {
    this.sink(level, this.masker.redact(message));
  }
}
