import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { parseHarnessEnv, parseHarnessOut } from "../../support/platforms.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";

const VALUES = {
  "/hn/stg/rpc_url": "https://rpc.example/hn-canary-771",
  "/hn/stg/pem": "line-one-hn-canary\nline-two-hn-canary",
};
const values = Object.values(VALUES);

/** The env a Harness CI Plugin step gets; `outExt` picks the infrastructure's output file format. */
function harness(
  settings: Record<string, string>,
  options: { outExt?: ".env" | ".out"; secretFile?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "ssm-gate-harness-"));
  const output = join(dir, `output${options.outExt ?? ".env"}`);
  const secret = join(dir, "secret.env");
  const errors = join(dir, "error-metadata");
  for (const f of [output, secret, errors]) writeFileSync(f, "");
  const env: Record<string, string> = {
    ...awsEnv(),
    CI: "true",
    DRONE: "true",
    HARNESS_ACCOUNT_ID: "acc",
    HARNESS_PIPELINE_ID: "deploy",
    HARNESS_STAGE_ID: "gate",
    HARNESS_WORKSPACE: dir,
    DRONE_WORKSPACE: dir,
    DRONE_OUTPUT: output,
    ERROR_METADATA_FILE: errors,
    ...(options.secretFile ? { HARNESS_OUTPUT_SECRET_FILE: secret } : {}),
  };
  for (const [key, value] of Object.entries(settings)) env[`PLUGIN_${key.toUpperCase()}`] = value;
  return { dir, output, secret, errors, env };
}

beforeAll(async () => {
  await seed(Object.entries(VALUES).map(([name, value]) => ({ name, value })));
});

describe("Harness plugin bundle", () => {
  it("writes status, count and names to DRONE_OUTPUT (.env), never a value", async () => {
    const h = harness({ parameters: "/hn/stg/" });
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(0);
    expect(parseHarnessEnv(h.output)).toEqual({
      SSM_GATE_STATUS: "pass",
      SSM_GATE_COUNT: "2",
      SSM_GATE_NAMES: "PEM,RPC_URL",
      SSM_GATE_ENV_FILE: join(h.dir, "ssm-gate.env"),
    });
    expectNoLeak(readFileSync(h.output, "utf8"), values, "DRONE_OUTPUT");
    expectNoLeak(r.stdout + r.stderr, values, "the step log");
  });

  it("writes the local runner's .out format", async () => {
    const h = harness({ parameters: "/hn/stg/rpc_url" }, { outExt: ".out" });
    expect((await runBundle("harness", [], { env: h.env, cwd: h.dir })).code).toBe(0);
    expect(parseHarnessOut(h.output)).toMatchObject({
      SSM_GATE_STATUS: "pass",
      SSM_GATE_COUNT: "1",
      SSM_GATE_NAMES: "RPC_URL",
    });
  });

  it("writes values as secret outputs when asked, multi-line ones as __B64__", async () => {
    const h = harness({ parameters: "/hn/stg/", secret_outputs: "true" }, { secretFile: true });
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(0);
    expect(parseHarnessEnv(h.secret)).toEqual({
      PEM: VALUES["/hn/stg/pem"],
      RPC_URL: VALUES["/hn/stg/rpc_url"],
    });
    expect(readFileSync(h.secret, "utf8")).toContain("PEM=__B64__");
    expectNoLeak(readFileSync(h.output, "utf8"), values, "DRONE_OUTPUT");
  });

  it("says the secret output feature is off when HARNESS_OUTPUT_SECRET_FILE is absent", async () => {
    const h = harness({ parameters: "/hn/stg/", secret_outputs: "true" });
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("secret output variables feature is off");
  });

  it("on failure writes status error and the error metadata", async () => {
    const h = harness({ parameters: "/hn/none" });
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(4);
    expect(parseHarnessEnv(h.output)).toEqual({ SSM_GATE_STATUS: "error" });
    const meta = readFileSync(h.errors, "utf8");
    expect(meta).toContain("ERROR_MESSAGE=1 required parameter not found in SSM: /hn/none");
    expect(meta).toContain("ERROR_CODE=4");
    expect(meta).toContain("ERROR_CATEGORY=USER");
  });
});

describe("Harness plugin bundle, mode verify", () => {
  it("writes SSM_GATE_STATUS and SSM_GATE_FAILURES, and error metadata on failure", async () => {
    const h = harness({ mode: "verify", manifest: "m.yml" });
    writeFileSync(
      join(h.dir, "m.yml"),
      "prefix: /hn/stg/\nparameters:\n  rpc_url:\n    pattern: ^wss://\n  pem: {}\n",
    );
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(1);
    expect(parseHarnessEnv(h.output)).toEqual({ SSM_GATE_STATUS: "fail", SSM_GATE_FAILURES: "1" });
    const meta = readFileSync(h.errors, "utf8");
    expect(meta).toContain("ERROR_MESSAGE=verify fail: pattern /hn/stg/rpc_url");
    expect(meta).toContain("ERROR_CATEGORY=VERIFICATION");
    expectNoLeak(r.stdout + r.stderr + readFileSync(h.output, "utf8") + meta, values, "outputs and log");
  });

  it("passes with SSM_GATE_STATUS=pass", async () => {
    const h = harness({ mode: "verify", manifest: "m.yml" });
    writeFileSync(join(h.dir, "m.yml"), "prefix: /hn/stg/\nparameters:\n  rpc_url: {}\n  pem: {}\n");
    const r = await runBundle("harness", [], { env: h.env, cwd: h.dir });
    expect(r.code).toBe(0);
    expect(parseHarnessEnv(h.output)).toEqual({ SSM_GATE_STATUS: "pass", SSM_GATE_FAILURES: "0" });
  });
});
