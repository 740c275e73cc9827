import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The whole environment of the child: nothing is inherited but PATH. */
  env?: Record<string, string>;
  cwd?: string;
  /** Called once the child is running, e.g. to signal it. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
}

/**
 * The Node.js each bundle runs on: the platforms' own (action.yml `node24`, the plugin image's
 * node:24, installed by scripts/setup-node.sh), and for the CLI this process's Node, the oldest the
 * package supports.
 */
export function nodeFor(bundle: string): string {
  if (bundle === "cli") return process.execPath;
  const node = process.env.SSM_GATE_NODE24 ?? join(ROOT, ".cache", "node24", "bin", "node");
  if (!existsSync(node)) throw new Error(`no Node.js 24 at ${node}: run scripts/setup-node.sh`);
  return node;
}

/** Installs the platforms' Node.js if needed (scripts/setup-node.sh) and returns its path. */
export function ensureNode24(): string {
  const out = execFileSync("bash", [join(ROOT, "scripts", "setup-node.sh")], { encoding: "utf8" });
  return out.trim().split("\n").pop() ?? "";
}

/** Runs a built bundle in dist/ as its platform would: a real node process with exactly this env. */
export function runBundle(
  bundle: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  return runProcess(nodeFor(bundle), [join(ROOT, "dist", bundle, "index.js"), ...args], {
    ...options,
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
  });
}

/** Runs a command to its end with exactly `options.env` (as user `uid`, if given), collecting its output. */
export function runProcess(
  cmd: string,
  args: readonly string[],
  options: RunOptions & { uid?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? {},
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onSpawn?.(child);
  });
}
