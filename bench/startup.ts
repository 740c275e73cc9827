// Issue 4's start-up benchmark: bundle sizes, and process start to exit for a one-parameter fetch
// through each bundle as its platform runs it, side by side with `aws ssm get-parameter` and with
// Node.js starting and doing nothing, on Node 20 (the oldest supported) and Node 24 (what GitHub's
// `node24` and the plugin image run).
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { githubInputs } from "../test/support/platforms.js";
import { ensureNode24, ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { ensureAwsCli, ratio, table, timed } from "./support.js";

// Rounds run every case once, in turn, so a change in the machine's load hits all cases alike.
const ROUNDS = 11;
const BUNDLES = ["cli", "github", "drone", "harness"] as const;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] as number;
const fmt = (ms: number) => `${Math.round(ms)} ms`;

interface Case {
  label: string;
  cmd: string;
  args: string[];
  env: Record<string, string>;
}

export async function benchStartup(): Promise<string> {
  const aws = ensureAwsCli();
  const runtimes = { "Node 20": process.execPath, "Node 24": ensureNode24() };
  const moto = await startMoto(await ensureMoto());
  try {
    await seed([{ name: "/bench/one/token", value: "one-parameter-value-0123456789" }], moto.endpoint);
    const dir = mkdtempSync(join(tmpdir(), "bench-startup-"));
    const base = { ...awsEnv(moto.endpoint), AWS_DEFAULT_REGION: "us-east-1" };
    const gh = { env: join(dir, "env"), out: join(dir, "out"), state: join(dir, "state") };
    const bundleArgs: Record<(typeof BUNDLES)[number], [string[], Record<string, string>]> = {
      cli: [["fetch", "-p", "/bench/one/token", "--out", join(dir, "cli.env")], {}],
      github: [
        [],
        {
          ...githubInputs({ parameters: "/bench/one/token" }),
          GITHUB_ENV: gh.env,
          GITHUB_OUTPUT: gh.out,
          GITHUB_STATE: gh.state,
          RUNNER_TEMP: dir,
        },
      ],
      drone: [[], { PLUGIN_PARAMETERS: "/bench/one/token", DRONE_WORKSPACE: dir }],
      harness: [
        [],
        { PLUGIN_PARAMETERS: "/bench/one/token", DRONE_WORKSPACE: dir, DRONE_OUTPUT: join(dir, "o.env") },
      ],
    };
    const cases: Case[] = [];
    for (const [runtime, node] of Object.entries(runtimes)) {
      cases.push({ label: `${runtime}: node -e 0`, cmd: node, args: ["-e", "0"], env: {} });
      for (const bundle of BUNDLES) {
        const [args, env] = bundleArgs[bundle];
        const main = join(ROOT, "dist", bundle, "index.js");
        cases.push({ label: `${runtime}: ${bundle}`, cmd: node, args: [main, ...args], env });
      }
    }
    const awsArgs = ["ssm", "get-parameter", "--name", "/bench/one/token", "--with-decryption"];
    cases.push({ label: "aws", cmd: aws, args: [...awsArgs, "--endpoint-url", moto.endpoint], env: {} });

    const runs = new Map<string, number[]>(cases.map((c) => [c.label, []]));
    for (let round = 0; round <= ROUNDS; round++) {
      for (const c of cases) {
        for (const f of Object.values(gh)) writeFileSync(f, "");
        const t = await timed(c.cmd, c.args, { ...base, ...c.env });
        if (t.code !== 0) throw new Error(`bench: ${c.label} failed (exit ${t.code}):\n${t.stderr}`);
        if (round > 0) runs.get(c.label)?.push(t.ms); // round 0 warms the file cache
      }
    }
    const stat = (label: string) => {
      const xs = sorted(runs.get(label) ?? []);
      return { median: median(xs), min: xs[0] as number, max: xs[xs.length - 1] as number };
    };
    const awsMs = stat("aws").median;
    const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
    const sizes = (bundle: string) => {
      const folder = join(ROOT, "dist", bundle);
      const all = readdirSync(folder).reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);
      return [kib(statSync(join(folder, "index.js")).size), kib(all)];
    };
    const rows = [
      ["run", "main chunk", "all chunks", ...Object.keys(runtimes), "vs AWS CLI (Node 20 / 24)"],
      [
        "node -e 0 (Node alone)",
        "",
        "",
        ...Object.keys(runtimes).map((r) => fmt(stat(`${r}: node -e 0`).median)),
        "",
      ],
    ];
    for (const bundle of BUNDLES) {
      const per = Object.keys(runtimes).map((r) => stat(`${r}: ${bundle}`));
      rows.push([
        bundle,
        ...sizes(bundle),
        ...per.map((s) => `${fmt(s.median)} (${Math.round(s.min)}-${Math.round(s.max)})`),
        per.map((s) => ratio(awsMs, s.median)).join(" / "),
      ]);
    }
    const a = stat("aws");
    rows.push([
      "aws ssm get-parameter",
      "",
      "",
      `${fmt(a.median)} (${Math.round(a.min)}-${Math.round(a.max)})`,
      "",
      "",
    ]);
    return [
      `### Start-up (one parameter, moto direct, median (min-max) of ${ROUNDS} interleaved rounds)`,
      "",
      table(rows),
    ].join("\n");
  } finally {
    await moto.stop();
  }
}
