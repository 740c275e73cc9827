import { constants } from "node:os";
import { removePendingTempFilesSync } from "./writers/atomic.js";

type Forwarder = (signal: NodeJS.Signals) => void;
const forwarders = new Set<Forwarder>();

/** While a child runs, SIGINT/SIGTERM go to it instead of ending ssm-gate; returns the undo. */
export function forwardStopSignals(forward: Forwarder): () => void {
  forwarders.add(forward);
  return () => forwarders.delete(forward);
}

/**
 * Installs the SIGINT/SIGTERM handlers of an entrypoint: temp files are removed (no half-written env
 * file stays), then the signal goes to a running child, or ssm-gate exits as signalled (128 + N).
 */
export function installStopHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      removePendingTempFilesSync();
      if (forwarders.size > 0) for (const forward of forwarders) forward(signal);
      else process.exit(128 + constants.signals[signal]);
    });
  }
}
