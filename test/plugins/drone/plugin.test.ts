import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";

const VALUES = {
  "/dr/ci/token": "drone-canary-Q1'w\"e`r",
  "/dr/ci/url": "https://rpc.example/v1/drone-canary-2",
};
const values = Object.values(VALUES);

/** The env drone-runner-docker gives a plugin container: settings as PLUGIN_*, lists joined by commas. */
function drone(settings: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), "ssm-gate-drone-"));
  const env: Record<string, string> = {
    ...awsEnv(),
    CI: "true",
    DRONE: "true",
    DRONE_REPO: "mev/bot",
    DRONE_BRANCH: "main",
    DRONE_BUILD_NUMBER: "42",
    DRONE_STEP_NAME: "secrets",
    DRONE_WORKSPACE: workspace,
  };
  for (const [key, value] of Object.entries(settings)) env[`PLUGIN_${key.toUpperCase()}`] = value;
  return { workspace, env };
}

beforeAll(async () => {
  await seed(Object.entries(VALUES).map(([name, value]) => ({ name, value })));
});

describe("Drone plugin bundle", () => {
  it("writes a 0600 env file in the workspace that later steps read back exactly", async () => {
    const d = drone({ parameters: "/dr/ci/token,/dr/ci/url", env_file: ".ci.env", format: "shell" });
    const r = await runBundle("drone", [], { env: d.env, cwd: d.workspace });
    expect(r.code).toBe(0);
    const file = join(d.workspace, ".ci.env");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("export TOKEN=");
    expectNoLeak(r.stdout + r.stderr, values, "the step log");
  });

  it("takes a JSON list, as Drone sends a list of maps, and defaults to ssm-gate.env", async () => {
    const d = drone({ parameters: '["URL=/dr/ci/url"]' });
    const r = await runBundle("drone", [], { env: d.env, cwd: d.workspace });
    expect(r.code).toBe(0);
    expect(parseDotenv(readFileSync(join(d.workspace, "ssm-gate.env")))).toEqual({
      URL: VALUES["/dr/ci/url"],
    });
  });

  it("runs `run` with the values, masking its output", async () => {
    const d = drone({ parameters: "/dr/ci/", run: 'echo "token=$TOKEN"' });
    const r = await runBundle("drone", [], { env: d.env, cwd: d.workspace });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("token=***");
    expect(readdirSync(d.workspace)).toEqual([]);
  });

  it.each([
    [
      { parameters: "/dr/ci/", on_missing: "never" },
      2,
      "setting 'on_missing' (PLUGIN_ON_MISSING): expected one of fail, warn, ignore",
    ],
    [
      { parameters: "/dr/ci/", secret_outputs: "maybe" },
      2,
      "setting 'secret_outputs' (PLUGIN_SECRET_OUTPUTS)",
    ],
    [{ parameters: "/dr/none/" }, 4, "/dr/none/ (nothing below it)"],
    [{ parameters: "/dr/ci/token" }, 5, "as dotenv; shell can hold it (setting 'format' (PLUGIN_FORMAT))"],
    [{}, 2, "setting 'parameters' (PLUGIN_PARAMETERS) is required"],
  ])("fails the step on %j", async (settings, code, message) => {
    const d = drone(settings);
    const r = await runBundle("drone", [], { env: d.env, cwd: d.workspace });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(readdirSync(d.workspace)).toEqual([]);
  });
});

describe("Drone plugin bundle, mode verify", () => {
  it("prints the table, writes a card where the runner asks for one, and fails the step", async () => {
    const d = drone({ mode: "verify", manifest: "m.yml", target: "env-file:rendered.env" });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      join(d.workspace, "m.yml"),
      "prefix: /dr/ci/\nparameters:\n  token: {}\n  url:\n    pattern: ^https://\n",
    );
    writeFileSync(join(d.workspace, "rendered.env"), `TOKEN=stale-token\nURL='${VALUES["/dr/ci/url"]}'\n`);
    const card = join(d.workspace, "card");
    const r = await runBundle("drone", [], { env: { ...d.env, DRONE_CARD_PATH: card }, cwd: d.workspace });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+drift_differs\s+\/dr\/ci\/token/);
    const raw = readFileSync(card, "utf8");
    expect(raw.startsWith("\u001b]1338;")).toBe(true);
    const data = JSON.parse(Buffer.from(raw.slice(7, raw.indexOf("\u001b]0m")), "base64").toString());
    expect(data.status).toBe("fail");
    expectNoLeak(r.stdout + r.stderr + raw, [...values, "stale-token"], "the step log and card");
  });
});
