// Issue 4's start-up benchmark: bundle sizes, and process start to exit for a one-parameter fetch
// through each bundle as its platform runs it, side by side with `aws ssm get-parameter`.
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { ensureAwsCli, fmt, ratio, table, timed } from "./support.js";

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchStartup(): Promise<string> {
  const aws = ensureAwsCli();
  const moto = await startMoto(await ensureMoto());
  try {
    await seed([{ name: "/bench/one/token", value: "one-parameter-value-0123456789" }], moto.endpoint);
    const dir = mkdtempSync(join(tmpdir(), "bench-startup-"));
    const base = { ...awsEnv(moto.endpoint), AWS_DEFAULT_REGION: "us-east-1" };
    const gh = { env: join(dir, "env"), out: join(dir, "out"), state: join(dir, "state") };
    const cases: [string, string, string[], Record<string, string>][] = [
      [
        "cli",
        process.execPath,
        [join(ROOT, "dist/cli/index.js"), "fetch", "-p", "/bench/one/token", "--out", join(dir, "cli.env")],
        {},
      ],
      [
        "github",
        process.execPath,
        [join(ROOT, "dist/github/index.js")],
        {
          INPUT_PARAMETERS: "/bench/one/token",
          GITHUB_ENV: gh.env,
          GITHUB_OUTPUT: gh.out,
          GITHUB_STATE: gh.state,
          RUNNER_TEMP: dir,
        },
      ],
      [
        "drone",
        process.execPath,
        [join(ROOT, "dist/drone/index.js")],
        { PLUGIN_PARAMETERS: "/bench/one/token", DRONE_WORKSPACE: dir },
      ],
      [
        "harness",
        process.execPath,
        [join(ROOT, "dist/harness/index.js")],
        { PLUGIN_PARAMETERS: "/bench/one/token", DRONE_WORKSPACE: dir, DRONE_OUTPUT: join(dir, "o.env") },
      ],
      [
        "aws ssm get-parameter",
        aws,
        [
          "ssm",
          "get-parameter",
          "--name",
          "/bench/one/token",
          "--with-decryption",
          "--endpoint-url",
          moto.endpoint,
        ],
        {},
      ],
    ];
    const times: Record<string, number> = {};
    for (const [label, cmd, args, env] of cases) {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const f of Object.values(gh)) writeFileSync(f, "");
        const t = await timed(cmd, args, { ...base, ...env });
        if (t.code !== 0) throw new Error(`bench: ${label} failed (exit ${t.code}):\n${t.stderr}`);
        runs.push(t.ms);
      }
      times[label] = median(runs);
    }
    const awsMs = times["aws ssm get-parameter"] as number;
    const size = (name: string) =>
      `${(statSync(join(ROOT, "dist", name, "index.js")).size / 1024).toFixed(0)} KiB`;
    const rows = [["run", "bundle", `start to exit (median of ${RUNS})`, "vs AWS CLI"]];
    for (const label of ["cli", "github", "drone", "harness"]) {
      rows.push([
        label,
        size(label),
        fmt(times[label] as number),
        `${ratio(awsMs, times[label] as number)} faster`,
      ]);
    }
    rows.push(["aws ssm get-parameter", "", fmt(awsMs), ""]);
    return [`### Start-up (one parameter, moto direct)`, "", table(rows)].join("\n");
  } finally {
    await moto.stop();
  }
}
