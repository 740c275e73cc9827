import * as core from "@actions/core";
import type { LogSink } from "../../shared/log/logger.js";
import type { Masker } from "../../shared/mask/masker.js";

/**
 * Logs as GitHub annotations. Before any line is printed, every form the masker knows that the
 * runner was not yet told of is registered with `::add-mask::`, so the runner masks them too
 * (in later steps as well).
 */
export function githubSink(masker: Masker): LogSink & { registerSecrets(): void } {
  const told = new Set<string>();
  const registerSecrets = () => {
    for (const form of masker.patterns()) {
      if (told.has(form)) continue;
      told.add(form);
      core.setSecret(form);
    }
  };
  const sink = ((level, line) => {
    registerSecrets();
    if (level === "error") core.error(line);
    else if (level === "warn") core.warning(line);
    else if (level === "debug") core.debug(line);
    else core.info(line);
  }) as LogSink & { registerSecrets(): void };
  sink.registerSecrets = registerSecrets;
  return sink;
}
