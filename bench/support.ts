import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../test/support/run.js";

export interface Timed {
  ms: number;
  code: number | null;
  stderr: string;
  peakRssMb?: number;
}

/** Runs a command to completion and measures its wall time (and, for node, its peak RSS). */
export function timed(
  cmd: string,
  args: readonly string[],
  env: Record<string, string>,
  measureRss = false,
): Promise<Timed> {
  const rssFile = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "rss");
  const extra = measureRss
    ? { NODE_OPTIONS: `--require ${join(ROOT, "bench", "rss-probe.cjs")}`, BENCH_RSS_FILE: rssFile }
    : {};
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env, ...extra },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => {
      stderr = (stderr + c).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      const result: Timed = { ms, code, stderr };
      if (measureRss) result.peakRssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
      resolve(result);
    });
  });
}

/** The AWS CLI, installed from Debian's packages when the machine lacks it. */
export function ensureAwsCli(): string {
  const found = spawnSync("bash", ["-c", "command -v aws"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  process.stderr.write("bench: installing the AWS CLI (Debian package awscli)...\n");
  spawnSync("bash", ["-c", "apt-get update -qq && apt-get install -y -qq awscli >/dev/null"], {
    stdio: "inherit",
  });
  const installed = spawnSync("bash", ["-c", "command -v aws"], { encoding: "utf8" }).stdout.trim();
  if (!installed) throw new Error("bench: the AWS CLI is not available and could not be installed");
  return installed;
}

export const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join("\n");
}
