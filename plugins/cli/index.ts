#!/usr/bin/env node
import { removePendingTempFilesSync } from "../../shared/writers/atomic.js";
import { run } from "./main.js";

// Stopped mid-write: drop the temp file so no half-written env file stays, then die as signalled.
for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
] as const) {
  process.on(signal, () => {
    removePendingTempFilesSync();
    process.exit(code);
  });
}

process.exitCode = await run(process.argv.slice(2));
