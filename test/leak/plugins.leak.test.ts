// The leak suite for the platform entrypoints: the GitHub Action (main and post), the Drone plugin and
// the Harness plugin, each through success and its error paths, with the canaries in SSM. Nothing a
// canary form may appear in: stdout (less GitHub's own add-mask commands), stderr, and every file the
// step leaves that is not a declared secret output (outputs, summaries, state, cards, reports, error
// metadata). The scan lists the folder, so a file a later change adds is checked without a new line.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../support/leaks.js";
import { githubPostEnv, githubStep } from "../support/platforms.js";
import { ROOT, runBundle } from "../support/run.js";
import { awsEnv, seed } from "../support/ssm.js";
import { CANARIES, writeVerifyFixtures } from "./canaries.js";

const values = Object.values(CANARIES);
const fixture = join(ROOT, "test", "fixtures", "print-secrets.mjs");
const printAll = `node ${fixture} API_KEY PEM JSON UNHOLDABLE`;
const INPUTS = ["m.yml", "drifted.env"]; // written by the test, not by the step
const unreachable = awsEnv("http://127.0.0.1:9");

beforeAll(async () => {
  await seed(Object.entries(CANARIES).map(([name, value]) => ({ name, value })));
});

interface Case {
  label: string;
  settings: Record<string, string>;
  code: number;
  /** Files (relative to the step's folder) that hold values by design. */
  secretFiles?: string[];
  env?: Record<string, string>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Checks stdout, stderr and every non-secret file the step left in `dir`. */
function expectClean(dir: string, r: { stdout: string; stderr: string }, secretFiles: string[] = []): void {
  const visible = r.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  expectNoLeak(visible, values, "stdout");
  expectNoLeak(r.stderr, values, "stderr");
  const skip = new Set([...INPUTS, ...secretFiles]);
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    if (!skip.has(name)) expectNoLeak(readFileSync(file, "utf8"), values, name);
  }
}

const githubCases: Case[] = [
  {
    label: "fetch: export, env file, outputs, summary",
    settings: { parameters: "/leak/app/", "env-file": "app.env", format: "json" },
    code: 0,
    secretFiles: ["env", "app.env"],
  },
  {
    label: "fetch: values as step outputs",
    settings: { parameters: "/leak/app/api_key", "values-as-outputs": "true", "export-env": "false" },
    code: 0,
    secretFiles: ["output"],
  },
  {
    label: "exec: the command prints every form",
    settings: { parameters: "/leak/app/", run: printAll },
    code: 0,
  },
  { label: "missing parameter", settings: { parameters: "/leak/app/\n/leak/none" }, code: 4 },
  { label: "reserved env name", settings: { parameters: "/leak/ci/" }, code: 2 },
  { label: "bad input", settings: { parameters: "/leak/app/", format: "xml" }, code: 2 },
  {
    label: "SSM unreachable",
    settings: { parameters: "/leak/app/", "max-attempts": "1" },
    code: 3,
    env: unreachable,
  },
  {
    label: "verify: drifted, missing and placeholder canaries",
    settings: { mode: "verify", manifest: "m.yml", target: "env-file:drifted.env", report: "r.json" },
    code: 1,
  },
];

describe("leak suite: GitHub Action", () => {
  it.each(githubCases)("$label", async ({ settings, code, secretFiles, env }) => {
    const dir = mkdtempSync(join(tmpdir(), "ssm-gate-leak-gh-"));
    writeVerifyFixtures(dir);
    const { env: runnerEnv } = githubStep(dir, settings, { ...awsEnv(), ...env });
    const r = await runBundle("github", [], { env: runnerEnv, cwd: dir });
    expect(r.code, r.stderr).toBe(code);
    expectClean(dir, r, secretFiles);

    // The post step reads the state the main step saved, as the runner passes it back.
    const post = await runBundle("github-post", [], {
      env: { ...runnerEnv, ...githubPostEnv(join(dir, "state")) },
      cwd: dir,
    });
    expect(post.code, post.stderr).toBe(0);
    expectClean(dir, post, secretFiles);
  });
});

const pluginCases: Case[] = [
  {
    label: "fetch: env file in the workspace",
    settings: { parameters: "/leak/app/", format: "shell" },
    code: 0,
    secretFiles: ["ssm-gate.sh"],
  },
  {
    label: "run: the command prints every form",
    settings: { parameters: "/leak/app/", run: printAll },
    code: 0,
  },
  { label: "missing parameter", settings: { parameters: "/leak/app/,/leak/none" }, code: 4 },
  { label: "value the format cannot hold", settings: { parameters: "/leak/app/" }, code: 5 },
  { label: "reserved env name", settings: { parameters: "/leak/ci/" }, code: 2 },
  { label: "bad setting", settings: { parameters: "/leak/app/", on_missing: "maybe" }, code: 2 },
  {
    label: "SSM unreachable",
    settings: { parameters: "/leak/app/", max_attempts: "1" },
    code: 3,
    env: unreachable,
  },
  {
    label: "verify: drifted, missing and placeholder canaries",
    settings: { mode: "verify", manifest: "m.yml", target: "env-file:drifted.env", report: "r.json" },
    code: 1,
  },
];

const harnessCases: Case[] = [
  ...pluginCases,
  {
    label: "secret outputs",
    settings: { parameters: "/leak/app/", format: "shell", secret_outputs: "true" },
    code: 0,
    secretFiles: ["ssm-gate.sh", "secret.env"],
  },
  {
    label: "secret outputs asked for, the account's feature off",
    settings: { parameters: "/leak/app/", format: "shell", secret_outputs: "true" },
    code: 2,
    secretFiles: ["ssm-gate.sh"],
    env: { HARNESS_OUTPUT_SECRET_FILE: "" },
  },
];

/** The step's env: settings as PLUGIN_*, the workspace, and each platform's own files. */
function pluginEnv(
  platform: "drone" | "harness",
  dir: string,
  c: Case,
  outFile: string,
): Record<string, string> {
  const env: Record<string, string> = { ...awsEnv(), ...c.env, DRONE: "true", DRONE_WORKSPACE: dir };
  if (platform === "drone") env.DRONE_CARD_PATH = join(dir, "card.json");
  else {
    env.HARNESS_WORKSPACE = dir;
    env.DRONE_OUTPUT = join(dir, outFile);
    env.HARNESS_OUTPUT_SECRET_FILE = join(dir, "secret.env");
    env.ERROR_METADATA_FILE = join(dir, "error.env");
    if (c.env?.HARNESS_OUTPUT_SECRET_FILE === "") delete env.HARNESS_OUTPUT_SECRET_FILE;
  }
  for (const [name, value] of Object.entries(c.settings)) env[`PLUGIN_${name.toUpperCase()}`] = value;
  return env;
}

describe.each([
  ["drone", pluginCases, "output.env"],
  ["harness", harnessCases, "output.env"],
  ["harness (.out outputs)", pluginCases, "output.out"],
] as const)("leak suite: %s plugin", (label, cases, outFile) => {
  const platform = label.startsWith("drone") ? "drone" : "harness";
  it.each(cases)("$label", async (c) => {
    const dir = mkdtempSync(join(tmpdir(), `ssm-gate-leak-${platform}-`));
    writeVerifyFixtures(dir);
    const r = await runBundle(platform, [], { env: pluginEnv(platform, dir, c, outFile), cwd: dir });
    expect(r.code, r.stderr).toBe(c.code);
    expectClean(dir, r, c.secretFiles);
  });
});
