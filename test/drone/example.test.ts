// drone/.drone.yml run as Drone runs it: plugin steps as the plugin bundle with their settings as
// PLUGIN_* (lists comma-joined, maps as JSON), command steps as one `sh -e` script, all in one
// workspace. The scripts the example calls are stand-ins that record the env they were given, so the
// test sees exactly what a later step reads back from the env file.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectNoLeak } from "../support/leaks.js";
import { ROOT, runBundle } from "../support/run.js";
import { awsEnv, seed } from "../support/ssm.js";

// Values that only an exact writer and reader carry through: quotes of each kind, `$`, backslashes,
// a newline and a trailing space.
const VALUES = {
  "/mev-beta/staging/arbitrum/rpc_url": "https://arb.example/v2/k3y?a=1&b=$HOME",
  "/mev-beta/staging/mev/webhook": 'it\'s "quoted" `ticked` \\n $(id)\nsecond line ',
  "/mev-beta/ci/drone/github_token": "ghp_exampleCANARY0123456789abcdefghij",
};
const EXPECTED = {
  ARBITRUM_RPC_URL: VALUES["/mev-beta/staging/arbitrum/rpc_url"],
  MEV_WEBHOOK: VALUES["/mev-beta/staging/mev/webhook"],
  CI_GITHUB_TOKEN: VALUES["/mev-beta/ci/drone/github_token"],
};

interface Step {
  name: string;
  image: string;
  settings?: Record<string, unknown>;
  commands?: string[];
}

/** A setting as drone-runner-docker passes it: lists joined by commas, maps as JSON. */
const droneValue = (v: unknown) =>
  Array.isArray(v) ? v.join(",") : v && typeof v === "object" ? JSON.stringify(v) : String(v);

/** Stand-in for a script of the example: records the env it ran with. */
function recorder(workspace: string, script: string, keys: string[]): void {
  mkdirSync(join(workspace, "scripts"), { recursive: true });
  const pick = `Object.fromEntries(${JSON.stringify(keys)}.filter(k=>k in process.env).map(k=>[k,process.env[k]]))`;
  const body = `#!/bin/sh\nnode -e 'require("fs").writeFileSync("${script}.json", JSON.stringify(${pick}))'\n`;
  writeFileSync(join(workspace, "scripts", script), body);
  chmodSync(join(workspace, "scripts", script), 0o755);
}

const pipeline = parse(readFileSync(join(ROOT, "drone", ".drone.yml"), "utf8")) as { steps: Step[] };

beforeAll(async () => {
  // In the region the example names, which its settings send to SSM.
  const region = pipeline.steps.find((s) => s.settings?.region)?.settings?.region;
  await seed(
    Object.entries(VALUES).map(([name, value]) => ({ name, value })),
    undefined,
    String(region),
  );
});

describe("drone/.drone.yml", () => {
  it("runs end to end: later steps read every value back exactly, nothing leaks, the file is gone", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "ssm-gate-example-"));
    const keys = Object.keys(EXPECTED);
    recorder(workspace, "render-config.sh", keys);
    recorder(workspace, "smoke.sh", keys);
    let log = "";
    for (const step of pipeline.steps) {
      const env: Record<string, string> = { ...awsEnv(), DRONE: "true", DRONE_WORKSPACE: workspace };
      if (step.settings) {
        for (const [key, value] of Object.entries(step.settings))
          env[`PLUGIN_${key.toUpperCase()}`] = droneValue(value);
        const r = await runBundle("drone", [], { env, cwd: workspace });
        log += r.stdout + r.stderr;
        expect(r.code, `${step.name}: ${r.stderr}`).toBe(0);
      } else {
        const script = `set -e\n${(step.commands ?? []).join("\n")}\n`;
        const r = spawnSync("sh", ["-c", script], {
          cwd: workspace,
          env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
          encoding: "utf8",
        });
        log += r.stdout + r.stderr;
        expect(r.status, `${step.name}: ${r.stderr}`).toBe(0);
      }
    }
    expect(JSON.parse(readFileSync(join(workspace, "render-config.sh.json"), "utf8"))).toEqual(EXPECTED);
    const { CI_GITHUB_TOKEN: _, ...staging } = EXPECTED;
    expect(JSON.parse(readFileSync(join(workspace, "smoke.sh.json"), "utf8"))).toEqual(staging);
    const secrets = pipeline.steps.find((s) => s.name === "secrets");
    expect(existsSync(join(workspace, String(secrets?.settings?.env_file)))).toBe(false);
    expectNoLeak(log, Object.values(VALUES), "the pipeline's log");
  });
});
