// SSM and Vault in one step, through the built CLI and the Drone, Harness and GitHub bundles.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { githubStep } from "../../support/platforms.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";
import { VaultTestServer } from "../../support/vaultServer.js";

const NS = "mev/prod";
const VAULT = { api_key: "vault-e2e-canary-key-9", url: "https://rpc.example/vault-e2e-canary" };
const SSM = { "/mev-beta/staging/arbitrum/ws_url": "wss://ssm-e2e-canary/ws" };
const CREDS = {
  "/mev-beta/prod/vault/role_id": "e2e-role-id-7",
  "/mev-beta/prod/vault/secret_id": "e2e-secret-id-8",
};
const canaries = [...Object.values(VAULT), ...Object.values(SSM), ...Object.values(CREDS)];
let vault: VaultTestServer;

const dir = () => mkdtempSync(join(tmpdir(), "ssm-gate-vault-e2e-"));
const env = () => ({ ...awsEnv(), VAULT_ADDR: vault.address, VAULT_NAMESPACE: NS });
const bootstrap = [
  "--vault-role-id-param",
  "/mev-beta/prod/vault/role_id",
  "--vault-secret-id-param",
  "/mev-beta/prod/vault/secret_id",
];

beforeAll(async () => {
  await seed(Object.entries({ ...SSM, ...CREDS }).map(([name, value]) => ({ name, value })));
  vault = await new VaultTestServer().start();
  vault
    .mount(NS, "secret", 2)
    .put(NS, "secret/mev/prod/rpc/primary", VAULT)
    .approle(NS, CREDS["/mev-beta/prod/vault/role_id"], CREDS["/mev-beta/prod/vault/secret_id"], [
      "secret/mev/prod/rpc/",
    ]);
});
afterAll(() => vault.stop());

describe("SSM and Vault together", () => {
  it("CLI: one env file from both sources, AppRole bootstrapped from SSM, token revoked, nothing leaked", async () => {
    const cwd = dir();
    const before = vault.revoked.length;
    const r = await runBundle(
      "cli",
      [
        "fetch",
        "-p",
        "/mev-beta/staging/arbitrum/*",
        "-p",
        "RPC_=vault:secret/mev/prod/rpc/primary",
        ...bootstrap,
      ],
      { cwd, env: env() },
    );
    expect(r.code).toBe(0);
    expect(parseDotenv(readFileSync(join(cwd, "ssm-gate.env")))).toEqual({
      WS_URL: SSM["/mev-beta/staging/arbitrum/ws_url"],
      RPC_API_KEY: VAULT.api_key,
      RPC_URL: VAULT.url,
    });
    expect(vault.revoked.length).toBe(before + 1);
    expectNoLeak(r.stdout + r.stderr, canaries, "the log");
  });

  it("CLI: a collision across sources names both", async () => {
    const r = await runBundle(
      "cli",
      [
        "fetch",
        "-p",
        "/mev-beta/staging/arbitrum/*",
        "-p",
        "WS_URL=vault:secret/mev/prod/rpc/primary#url",
        ...bootstrap,
      ],
      { cwd: dir(), env: env() },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "WS_URL from both /mev-beta/staging/arbitrum/ws_url and vault:secret/mev/prod/rpc/primary#url",
    );
  });

  it("CLI exec: Vault values masked in the child's output", async () => {
    const r = await runBundle(
      "cli",
      [
        "exec",
        "-p",
        "vault:secret/mev/prod/rpc/primary",
        ...bootstrap,
        "--",
        "sh",
        "-c",
        'echo "key=$API_KEY"; printf %s "$API_KEY" | base64',
      ],
      { cwd: dir(), env: env() },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("key=***");
    expectNoLeak(r.stdout + r.stderr, canaries, "the log");
  });

  it("CLI: a missing Vault secret exits 4 naming it; a wrong secret_id exits 6", async () => {
    const missing = await runBundle("cli", ["fetch", "-p", "vault:secret/mev/prod/rpc/none", ...bootstrap], {
      cwd: dir(),
      env: env(),
    });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain(
      "not found in SSM or Vault: vault:secret/mev/prod/rpc/none (no such secret)",
    );
    const denied = await runBundle("cli", ["fetch", "-p", "vault:secret/mev/prod/rpc/primary"], {
      cwd: dir(),
      env: { ...env(), VAULT_ROLE_ID: "e2e-role-id-7", VAULT_SECRET_ID: "wrong" },
    });
    expect(denied.code).toBe(6);
    expectNoLeak(denied.stdout + denied.stderr, canaries, "the log");
  });

  it("Drone and Harness: vault settings as PLUGIN_*", async () => {
    for (const bundle of ["drone", "harness"]) {
      const workspace = dir();
      const r = await runBundle(bundle, [], {
        cwd: workspace,
        env: {
          ...env(),
          DRONE_WORKSPACE: workspace,
          PLUGIN_PARAMETERS: "vault:secret/mev/prod/rpc/primary#api_key",
          PLUGIN_VAULT_ROLE_ID_PARAM: "/mev-beta/prod/vault/role_id",
          PLUGIN_VAULT_SECRET_ID_PARAM: "/mev-beta/prod/vault/secret_id",
        },
      });
      expect(r.code, `${bundle}: ${r.stderr}`).toBe(0);
      expect(parseDotenv(readFileSync(join(workspace, "ssm-gate.env")))).toEqual({ API_KEY: VAULT.api_key });
      expectNoLeak(r.stdout + r.stderr, canaries, `${bundle} log`);
    }
  });

  it("GitHub: vault inputs, the value exported and masked first", async () => {
    const d = dir();
    const step = githubStep(
      d,
      {
        parameters: "vault:secret/mev/prod/rpc/primary#url",
        "vault-role-id-param": "/mev-beta/prod/vault/role_id",
        "vault-secret-id-param": "/mev-beta/prod/vault/secret_id",
      },
      env(),
    );
    const r = await runBundle("github", [], { cwd: d, env: step.env });
    expect(r.code, r.stdout).toBe(0);
    expect(readFileSync(join(d, "env"), "utf8")).toContain(VAULT.url);
    expect(r.stdout).toContain(`::add-mask::${VAULT.url}`);
    const visible = r.stdout
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    expectNoLeak(visible, canaries, "the log");
  });
});

describe("verify with Vault", () => {
  it("checks manifest entries that name Vault keys, and key-set parity with a Vault secret", async () => {
    const cwd = dir();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      join(cwd, "m.yml"),
      [
        "prefix: /mev-beta/staging/",
        "parameters:",
        "  arbitrum/ws_url:",
        "    pattern: ^wss://",
        "    env: URL",
        "  vault:secret/mev/prod/rpc/primary#api_key:",
        "    min_length: 64",
        "  vault:secret/mev/prod/rpc/primary#missing_key: {}",
        "",
      ].join("\n"),
    );
    const r = await runBundle(
      "cli",
      [
        "verify",
        "--manifest",
        "m.yml",
        "--target",
        "vault:secret/mev/prod/rpc/primary",
        "--report",
        "r.json",
        ...bootstrap,
      ],
      {
        cwd,
        env: env(),
      },
    );
    const report = JSON.parse(readFileSync(join(cwd, "r.json"), "utf8"));
    const problems = report.findings
      .filter((f: { result: string }) => f.result !== "pass")
      .map(
        (f: { result: string; check: string; parameter: string; envName: string }) =>
          `${f.result} ${f.check} ${f.parameter || f.envName}`,
      );
    expect(problems.sort()).toEqual(
      [
        "fail min_length vault:secret/mev/prod/rpc/primary#api_key",
        "fail exists vault:secret/mev/prod/rpc/primary#missing_key",
        "fail drift_missing vault:secret/mev/prod/rpc/primary#missing_key",
      ].sort(),
    );
    expect(r.code).toBe(1);
    expectNoLeak(r.stdout + r.stderr + JSON.stringify(report), canaries, "verify output");
  });
});

describe("GitHub: Vault JWT login with the job's OIDC token", () => {
  it("asks the runner for the OIDC token and logs in with it", async () => {
    vault.oidc = { requestToken: "runner-request-token", jwt: "gh-oidc-jwt-for-vault" };
    vault.jwtRole(NS, "github-deploy", "gh-oidc-jwt-for-vault", ["secret/mev/prod/rpc/"]);
    const d = dir();
    const step = githubStep(
      d,
      { parameters: "vault:secret/mev/prod/rpc/primary#api_key", "vault-jwt-role": "github-deploy" },
      {
        ...env(),
        ACTIONS_ID_TOKEN_REQUEST_URL: `${vault.address}/oidc-token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runner-request-token",
      },
    );
    const r = await runBundle("github", [], { cwd: d, env: step.env });
    expect(r.code, r.stdout).toBe(0);
    expect(readFileSync(join(d, "env"), "utf8")).toContain(VAULT.api_key);
    expect(vault.requests.some((q) => q.path === "auth/jwt/login")).toBe(true);
    const visible = r.stdout
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    expectNoLeak(visible, [...canaries, "gh-oidc-jwt-for-vault"], "the log");
  });
});
