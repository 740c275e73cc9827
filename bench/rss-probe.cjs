// Preloaded with NODE_OPTIONS=--require into a benchmarked process: writes its peak RSS (KiB) on exit.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
