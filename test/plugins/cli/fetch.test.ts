import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { beforeAll, describe, expect, it } from "vitest";
import { FaultProxy } from "../../support/faultProxy.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, motoEndpoint, seed } from "../../support/ssm.js";

const VALUES: Record<string, string> = {
  "/mev-beta/staging/arbitrum/rpc_url": "https://arb-mainnet.example/v2/k3y-Zx9",
  "/mev-beta/staging/arbitrum/ws_url": "wss://arb-mainnet.example/ws/k3y-Zx9",
  "/mev-beta/staging/mev/security_webhook": "https://hooks.example/T0/B1/'quoted' \"both\" $HOME\nline2",
  "/mev-beta/ci/drone/github_token": "ghp_1234567890abcdefghijklmnopqrstuvwxyz",
};
const dir = () => mkdtempSync(join(tmpdir(), "ssm-gate-cli-"));
const cli = (args: string[], cwd: string, env: Record<string, string> = awsEnv()) =>
  runBundle("cli", ["fetch", ...args], { cwd, env });

/** No fetched value may appear in what the CLI prints. */
function expectNoValues(text: string): void {
  for (const value of Object.values(VALUES)) {
    for (const piece of [value, ...value.split("\n")]) expect(text).not.toContain(piece);
  }
}

beforeAll(async () => {
  await seed(Object.entries(VALUES).map(([name, value]) => ({ name, value })));
});

describe("ssm-gate fetch", () => {
  it("writes a dotenv file, mode 0600, that reads back byte for byte, and logs names only", async () => {
    const cwd = dir();
    const r = await cli(["-p", "/mev-beta/staging/", "-p", "TOKEN=/mev-beta/ci/drone/github_token"], cwd);
    expect(r.code).toBe(0);
    const file = join(cwd, "ssm-gate.env");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseDotenv(readFileSync(file))).toEqual({
      ARBITRUM_RPC_URL: VALUES["/mev-beta/staging/arbitrum/rpc_url"],
      ARBITRUM_WS_URL: VALUES["/mev-beta/staging/arbitrum/ws_url"],
      MEV_SECURITY_WEBHOOK: VALUES["/mev-beta/staging/mev/security_webhook"],
      TOKEN: VALUES["/mev-beta/ci/drone/github_token"],
    });
    expect(r.stderr).toContain(
      "wrote 4 variables to ssm-gate.env (dotenv): ARBITRUM_RPC_URL, ARBITRUM_WS_URL",
    );
    expectNoValues(r.stdout + r.stderr);
    expect(r.stderr).not.toMatch(/NodeVersionSupportWarning/);
  });

  it("writes shell and json formats, and to stdout with --out -", async () => {
    const cwd = dir();
    expect((await cli(["-p", "/mev-beta/staging/", "--format", "json", "--out", "x.json"], cwd)).code).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(join(cwd, "x.json"), "utf8")).MEV_SECURITY_WEBHOOK).toBe(
      VALUES["/mev-beta/staging/mev/security_webhook"],
    );
    const r = await cli(["-p", "/mev-beta/staging/mev/*", "--format", "shell", "--out", "-"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^export SECURITY_WEBHOOK='https:\/\/hooks/);
    expect(readdirSync(cwd)).toEqual(["x.json"]);
  });

  it("takes a JSON array, comma lists and the lower-case transformation", async () => {
    const cwd = dir();
    const r = await cli(
      [
        "-p",
        '["/mev-beta/staging/arbitrum/*"]',
        "-p",
        "/mev-beta/ci/drone/github_token,/none?",
        "--name-transformation",
        "lower",
        "--allow-env-names",
        "GITHUB_*",
      ],
      cwd,
    );
    expect(r.code).toBe(0);
    expect(Object.keys(parseDotenv(readFileSync(join(cwd, "ssm-gate.env"))))).toEqual([
      "github_token",
      "rpc_url",
      "ws_url",
    ]);
    expect(r.stderr).toContain("warn: not found in SSM, skipped: /none");
  });

  it("exits 4 listing every missing required parameter, and writes nothing", async () => {
    const cwd = dir();
    const r = await cli(["-p", "/nope/a\n/nope/b\n/nope/c?\n/empty/"], cwd);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(
      "3 required parameters not found in SSM: /nope/a, /nope/b, /empty/ (nothing below it)",
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("with --on-missing warn, warns and writes the rest", async () => {
    const cwd = dir();
    const r = await cli(["-p", "/nope/a", "-p", "/mev-beta/staging/arbitrum/*", "--on-missing", "warn"], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warn: not found in SSM, skipped: /nope/a");
  });

  it.each([
    [["-p", "/a b"], "--parameters: invalid entry '/a b'"],
    [["-p", "/a", "--format", "yaml"], "--format: expected one of dotenv, shell, json, docker; got 'yaml'"],
    [["-p", "/a", "--concurrency", "10x"], "--concurrency: expected a whole number from 1 to 64; got '10x'"],
    [["-p", "/a", "--endpoint", "ftp://x"], "--endpoint: expected an http(s) URL"],
    [["--bogus"], "Unknown option '--bogus'"],
    [[], "--parameters is required"],
  ])("exits 2 on bad input %j, naming it", async (args, message) => {
    const r = await cli(args, dir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("exits 2 on reserved env names and says how to allow them", async () => {
    const r = await cli(["-p", "/mev-beta/ci/drone/"], dir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("GITHUB_TOKEN (from /mev-beta/ci/drone/github_token; reserved: GITHUB_*)");
    expect(r.stderr).toContain("--allow-env-names");
  });

  it("exits 2 when two parameters map to one env name, naming both", async () => {
    const r = await cli(
      ["-p", "/mev-beta/staging/arbitrum/rpc_url", "-p", "RPC_URL=/mev-beta/staging/arbitrum/ws_url"],
      dir(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "RPC_URL from both /mev-beta/staging/arbitrum/rpc_url and /mev-beta/staging/arbitrum/ws_url",
    );
  });

  it("exits 3 when SSM cannot be reached, after bounded retries", async () => {
    const r = await cli(["-p", "/a", "--max-attempts", "2"], dir(), { ...awsEnv("http://127.0.0.1:9") });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("http://127.0.0.1:9");
    expect(r.stderr).toContain("gave up after 2 attempts");
  });

  it("exits 3 without credentials and 2 without a region", async () => {
    const { AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, ...noKeys } = awsEnv();
    const r = await cli(["-p", "/a"], dir(), { ...noKeys, HOME: dir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("no AWS credentials found");
    const { AWS_REGION: _r, ...noRegion } = awsEnv();
    const r2 = await cli(["-p", "/a"], dir(), { ...noRegion, HOME: dir() });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("no AWS region");
  });

  it("exits 5 on a symlink at --out and on a value the format cannot hold, writing nothing", async () => {
    const cwd = dir();
    writeFileSync(join(cwd, "real"), "keep");
    symlinkSync(join(cwd, "real"), join(cwd, "link.env"));
    const r = await cli(["-p", "/mev-beta/staging/", "--out", "link.env"], cwd);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("is a symbolic link");
    expect(readFileSync(join(cwd, "real"), "utf8")).toBe("keep");

    await seed([{ name: "/odd/mix", value: "a'b\"c`d\re" }]);
    const r2 = await cli(["-p", "/odd/mix"], cwd);
    expect(r2.code).toBe(5);
    expect(r2.stderr).toContain(
      "the value of /odd/mix (MIX) cannot be written exactly as dotenv; shell can hold it (--format)",
    );
    expect(readdirSync(cwd).sort()).toEqual(["link.env", "real"]);
  });

  it("leaves no file behind when stopped by SIGTERM mid-run", async () => {
    const proxy = await new FaultProxy(motoEndpoint()).start({ latencyMs: 3000 });
    try {
      const cwd = dir();
      const r = await runBundle("cli", ["fetch", "-p", "/mev-beta/staging/"], {
        cwd,
        env: awsEnv(proxy.endpoint),
        onSpawn: (child) => setTimeout(() => child.kill("SIGTERM"), 500),
      });
      expect(r.code === 143 || r.signal === "SIGTERM").toBe(true);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });

  it("prints help for the command and the version", async () => {
    const r = await runBundle("cli", ["fetch", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--name-transformation upper|lower|none");
    expect(r.stdout).toContain("Exit codes:");
    const v = await runBundle("cli", ["--version"]);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("ssm-gate help", () => {
  it("shows each command's own flags, with the CLI's names", async () => {
    const fetch = (await runBundle("cli", ["fetch", "--help"])).stdout;
    expect(fetch).toContain("--out VALUE");
    expect(fetch).not.toContain("--env-file");
    expect(fetch).not.toContain("--pristine");
    const exec = (await runBundle("cli", ["exec", "--help"])).stdout;
    expect(exec).toMatch(/--pristine {2,}/);
    expect(exec).not.toContain("--out");
    expect((await runBundle("cli", [])).stdout).toContain("exec    fetch parameters and run a command");
  });
});
