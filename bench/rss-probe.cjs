// Preloaded with NODE_OPTIONS=--require into a benchmarked process: writes its peak RSS (KiB) on exit.
// VmHWM is the high-water mark of this process image. getrusage's maxRSS is not: on Linux it
// survives exec, so a child forked from a big parent reports the parent's size.
const { readFileSync, writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (!process.env.BENCH_RSS_FILE) return;
  let kib = process.resourceUsage().maxRSS;
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) kib = Number(hwm[1]);
  } catch {
    // not Linux: maxRSS it is
  }
  writeFileSync(process.env.BENCH_RSS_FILE, String(kib));
});
