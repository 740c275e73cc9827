// The leak suite for the CLI: every command, through success and every error path, with canary
// secrets in SSM; no registered form of any canary may reach stdout, stderr or a non-secret file.
// The platform entrypoints have theirs in plugins.leak.test.ts.
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../support/leaks.js";
import { ROOT, runBundle } from "../support/run.js";
import { awsEnv, seed } from "../support/ssm.js";
import { CANARIES, writeVerifyFixtures } from "./canaries.js";

const values = Object.values(CANARIES);
const fixture = join(ROOT, "test", "fixtures", "print-secrets.mjs");
const dir = () => mkdtempSync(join(tmpdir(), "ssm-gate-leak-"));

beforeAll(async () => {
  await seed(Object.entries(CANARIES).map(([name, value]) => ({ name, value })));
});

const cases: [string, string[], number, { stdoutIsSecret?: boolean; env?: Record<string, string> }?][] = [
  ["fetch to a file", ["fetch", "-p", "/leak/app/", "--format", "json", "--out", "out.json"], 0],
  [
    "fetch to stdout (stdout is the secret output)",
    ["fetch", "-p", "/leak/app/", "--format", "json", "--out", "-"],
    0,
    { stdoutIsSecret: true },
  ],
  ["fetch, verbose", ["fetch", "-v", "-p", "/leak/app/", "--format", "shell", "--out", "x.sh"], 0],
  ["fetch, value the format cannot hold", ["fetch", "-p", "/leak/app/"], 5],
  ["fetch, reserved env name", ["fetch", "-p", "/leak/ci/"], 2],
  ["fetch, collision", ["fetch", "-p", "/leak/app/json", "-p", "JSON=/leak/app/api_key"], 2],
  ["fetch, missing", ["fetch", "-p", "/leak/app/", "-p", "/leak/none"], 4],
  ["fetch, symlink at --out", ["fetch", "-p", "/leak/app/api_key", "--out", "link"], 5],
  [
    "fetch, SSM unreachable",
    ["fetch", "-p", "/leak/app/", "--max-attempts", "1"],
    3,
    { env: awsEnv("http://127.0.0.1:9") },
  ],
  [
    "exec, child prints every form",
    ["exec", "-p", "/leak/app/", "--", process.execPath, fixture, "API_KEY", "PEM", "JSON", "UNHOLDABLE"],
    0,
  ],
  ["exec, child fails", ["exec", "-p", "/leak/app/", "--", "sh", "-c", 'echo "$API_KEY" >&2; exit 3'], 3],
  [
    "exec, shell tracing (bash -x re-quotes)",
    ["exec", "-p", "/leak/app/", "--", "bash", "-xc", 'x="$API_KEY"; echo "$x"'],
    0,
  ],
  [
    "verify, drifted, missing and placeholder canaries",
    [
      "verify",
      "--manifest",
      "m.yml",
      "--target",
      "env-file:drifted.env",
      "--target",
      "ssm:/leak/ci/",
      "--report",
      "r.json",
    ],
    1,
  ],
  [
    "verify, a target command that prints canaries on stderr and fails",
    ["verify", "--manifest", "m.yml", "--target", "shell:cat drifted.env >&2; exit 1"],
    3,
  ],
  ["exec, command not found", ["exec", "-p", "/leak/app/", "--", "/nonexistent/cmd"], 127],
];

describe("leak suite: CLI", () => {
  it.each(cases)("%s", async (_label, args, code, options = {}) => {
    const cwd = dir();
    symlinkSync(join(cwd, "elsewhere"), join(cwd, "link"));
    writeFileSync(join(cwd, "elsewhere"), "");
    writeVerifyFixtures(cwd);
    const r = await runBundle("cli", args, { cwd, env: { ...awsEnv(), ...options.env } });
    expect(r.code).toBe(code);
    if (!options.stdoutIsSecret) expectNoLeak(r.stdout, values, "stdout");
    expectNoLeak(r.stderr, values, "stderr");
    if (existsSync(join(cwd, "r.json")))
      expectNoLeak(readFileSync(join(cwd, "r.json"), "utf8"), values, "the report");
  });
});
