// The Vault source through the real node-vault client, over real sockets, against our server that
// speaks Vault's HTTP API (and moto for AppRole credentials kept in SSM).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VaultSettings } from "../../../shared/config/config.js";
import { ExitCode, GateError } from "../../../shared/errors.js";
import { Logger } from "../../../shared/log/logger.js";
import { Masker } from "../../../shared/mask/masker.js";
import { parseSpecs, type VaultSpec } from "../../../shared/select/spec.js";
import { createGateway } from "../../../shared/ssm/index.js";
import { fetchVault } from "../../../shared/vault/source.js";
import { awsEnv, motoEndpoint, seed } from "../../support/ssm.js";
import { makeTestCa } from "../../support/tls.js";
import { VaultTestServer } from "../../support/vaultServer.js";

const NS = "mev/prod";
const RPC = { api_key: "vault-canary-rpc-key-1", url: "https://rpc.example/vault-canary" };
const settings = (over: Partial<VaultSettings> = {}): VaultSettings => ({
  skipVerify: false,
  auth: "auto",
  approlePath: "approle",
  jwtPath: "jwt",
  kvVersion: "auto",
  keepToken: false,
  namespace: NS,
  ...over,
});
const specs = (text: string) => parseSpecs(text, "-p") as VaultSpec[];
let server: VaultTestServer;
const warnings: string[] = [];

function run(text: string, env: Record<string, string>, over: Partial<VaultSettings> = {}) {
  const masker = new Masker();
  const logger = new Logger(masker, (level, line) => level === "warn" && warnings.push(line));
  return fetchVault(specs(text), settings({ addr: server.address, ...over }), {
    logger,
    masker,
    limits: { maxAttempts: 3, timeoutSeconds: 20 },
    env,
    ssm: () =>
      createGateway({
        endpoint: motoEndpoint(),
        region: "us-east-1",
        concurrency: 4,
        maxAttempts: 2,
        timeoutSeconds: 10,
      }),
    jwt: async () => "github-oidc-jwt",
  }).then((outcome) => ({ outcome, masker }));
}

beforeAll(async () => {
  Object.assign(process.env, awsEnv());
  server = await new VaultTestServer().start();
  server
    .mount(NS, "secret", 2)
    .mount(NS, "kv1", 1)
    .put(NS, "secret/mev/prod/rpc/primary", { api_key: "old-key-version-1", url: RPC.url })
    .put(NS, "secret/mev/prod/rpc/primary", RPC)
    .put(NS, "kv1/webhooks/slack", { token: "vault-canary-slack-token" })
    .put(NS, "secret/mev/prod/infra/harness", { token: "vault-canary-harness" })
    .approle(NS, "role-123", "secret-456", ["secret/mev/prod/rpc/", "kv1/"])
    .jwtRole(NS, "github-deploy", "github-oidc-jwt", ["secret/mev/prod/"]);
  await seed([
    { name: "/mev-beta/prod/vault/role_id", value: "role-123" },
    { name: "/mev-beta/prod/vault/secret_id", value: "secret-456" },
  ]);
});
afterAll(() => server.stop());

describe("fetchVault", () => {
  it("logs in with an AppRole whose credentials are in SSM, reads KV v2 and v1, revokes the token", async () => {
    const before = server.revoked.length;
    const { outcome, masker } = await run(
      "vault:secret/mev/prod/rpc/primary\nSLACK=vault:kv1/webhooks/slack#token",
      {},
      { roleIdParam: "/mev-beta/prod/vault/role_id", secretIdParam: "/mev-beta/prod/vault/secret_id" },
    );
    expect(outcome.parameters.map((p) => [p.name, p.key, p.value])).toEqual([
      ["vault:secret/mev/prod/rpc/primary#api_key", "api_key", RPC.api_key],
      ["vault:secret/mev/prod/rpc/primary#url", "url", RPC.url],
      ["vault:kv1/webhooks/slack#token", "token", "vault-canary-slack-token"],
    ]);
    expect(server.revoked.length).toBe(before + 1);
    // The token, the role_id and the secret_id were masked from the moment they existed.
    expect(masker.redact(`t=${server.revoked.at(-1)} r=role-123 s=secret-456`)).toBe("t=*** r=*** s=***");
    const reads = server.requests.filter(
      (r) => r.path.startsWith("secret/") || r.path.startsWith("sys/internal"),
    );
    expect(reads.every((r) => r.namespace === NS)).toBe(true);
    expect(reads.map((r) => r.path)).toContain("secret/data/mev/prod/rpc/primary");
  });

  it("reads a KV v2 version and one key; AppRole from VAULT_ROLE_ID and VAULT_SECRET_ID", async () => {
    const { outcome } = await run("OLD=vault:secret/mev/prod/rpc/primary:1#api_key", {
      VAULT_ROLE_ID: "role-123",
      VAULT_SECRET_ID: "secret-456",
    });
    expect(outcome.parameters.map((p) => p.value)).toEqual(["old-key-version-1"]);
  });

  it("uses VAULT_TOKEN as given and does not revoke a token it did not create", async () => {
    const token = server.token(NS, ["secret/"]);
    const before = server.revoked.length;
    const { outcome } = await run("vault:secret/mev/prod/rpc/primary#url", { VAULT_TOKEN: token });
    expect(outcome.parameters).toHaveLength(1);
    expect(server.revoked.length).toBe(before);
  });

  it("logs in with a JWT (GitHub's OIDC token) for a role", async () => {
    const { outcome } = await run("vault:secret/mev/prod/rpc/primary#url", {}, { jwtRole: "github-deploy" });
    expect(outcome.parameters).toHaveLength(1);
    const login = server.requests.filter((r) => r.path === "auth/jwt/login");
    expect(login.length).toBeGreaterThan(0);
  });

  it("reports a missing secret and a missing key as missing, not as errors", async () => {
    const { outcome } = await run("vault:secret/mev/prod/rpc/nope\nvault:secret/mev/prod/rpc/primary#nokey", {
      VAULT_ROLE_ID: "role-123",
      VAULT_SECRET_ID: "secret-456",
    });
    expect(outcome.missing.map((m) => `${m.spec.text}: ${m.why}`)).toEqual([
      "vault:secret/mev/prod/rpc/nope: no such secret",
      "vault:secret/mev/prod/rpc/primary#nokey: no key 'nokey' in the secret",
    ]);
  });

  const errorCase = async (text: string, env: Record<string, string>, over: Partial<VaultSettings> = {}) => {
    const before = server.revoked.length;
    const error = await run(text, env, over).then(
      () => undefined,
      (e: unknown) => e as GateError,
    );
    return { error, revoked: server.revoked.length - before };
  };
  const approle = { VAULT_ROLE_ID: "role-123", VAULT_SECRET_ID: "secret-456" };

  it("a denied path: exit 7 naming the path, token still revoked", async () => {
    const { error, revoked } = await errorCase("vault:secret/mev/prod/infra/harness", approle);
    expect(error).toBeInstanceOf(GateError);
    expect(error?.exitCode).toBe(ExitCode.vaultDenied);
    expect(error?.message).toContain("denied reading secret/mev/prod/infra/harness");
    expect(revoked).toBe(1);
  });

  it("a wrong secret_id: exit 6 naming the auth path, never the credential", async () => {
    const { error } = await errorCase("vault:secret/mev/prod/rpc/primary", {
      VAULT_ROLE_ID: "role-123",
      VAULT_SECRET_ID: "wrong-secret-id",
    });
    expect(error?.exitCode).toBe(ExitCode.vaultAuth);
    expect(error?.message).toContain("refused the AppRole login at auth/approle: invalid role or secret ID");
    expect(error?.message).not.toContain("wrong-secret-id");
  });

  it("an unknown mount: exit 2 naming the path and the namespace", async () => {
    const { error } = await errorCase("vault:nomount/x/y", approle);
    expect(error?.exitCode).toBe(ExitCode.usage);
    expect(error?.message).toContain(
      `no KV mount for nomount/x/y at Vault ${server.address} (namespace ${NS})`,
    );
  });

  it("a sealed Vault: exit 3", async () => {
    server.sealed = true;
    try {
      const { error } = await errorCase("vault:secret/mev/prod/rpc/primary", approle);
      expect(error?.exitCode).toBe(ExitCode.unavailable);
      expect(error?.message).toContain(`Vault at ${server.address} is sealed`);
    } finally {
      server.sealed = false;
    }
  });

  it("an unreachable Vault: exit 3 naming the address", async () => {
    const { error } = await errorCase("vault:secret/a/b", approle, { addr: "http://127.0.0.1:9" });
    expect(error?.exitCode).toBe(ExitCode.unavailable);
    expect(error?.message).toContain("Vault unreachable at http://127.0.0.1:9");
  });

  it.each([412, 429, 503])("retries HTTP %i, bounded", async (status) => {
    server.failNext = { status, count: 2 };
    const { outcome } = await run("vault:secret/mev/prod/rpc/primary#url", approle);
    expect(outcome.parameters).toHaveLength(1);
    server.failNext = { status, count: 10 };
    const { error } = await errorCase("vault:secret/mev/prod/rpc/primary#url", approle);
    expect(error?.exitCode).toBe(ExitCode.unavailable);
    server.failNext = undefined;
  });

  it("keeps the token when asked", async () => {
    const before = server.revoked.length;
    await run("vault:secret/mev/prod/rpc/primary#url", approle, { keepToken: true });
    expect(server.revoked.length).toBe(before);
  });

  it("an unknown namespace is an error naming the address", async () => {
    const { error } = await errorCase("vault:secret/mev/prod/rpc/primary", approle, {
      namespace: "mev/nope",
    });
    expect(error).toBeInstanceOf(GateError);
    expect(error?.message).toContain(server.address);
  });
});

describe("fetchVault over TLS", () => {
  const tls = makeTestCa();
  let secure: VaultTestServer;
  beforeAll(async () => {
    secure = await new VaultTestServer({ key: tls.key, cert: tls.cert }).start();
    secure.mount(NS, "secret", 2).put(NS, "secret/a/b", { k: "tls-canary-value" });
  });
  afterAll(() => secure.stop());
  const tlsRun = (over: Partial<VaultSettings>) => {
    const token = secure.token(NS, ["secret/"]);
    const masker = new Masker();
    return fetchVault(specs("vault:secret/a/b"), settings({ addr: secure.address, ...over }), {
      logger: new Logger(masker, (level, line) => level === "warn" && warnings.push(line)),
      masker,
      limits: { maxAttempts: 2, timeoutSeconds: 10 },
      env: { VAULT_TOKEN: token },
    });
  };

  it("verifies the server with the CA from vault_cacert", async () => {
    const outcome = await tlsRun({ caCert: tls.caPath });
    expect(outcome.parameters[0]?.value).toBe("tls-canary-value");
  });

  it("refuses an unknown CA with a clear error (exit 2), and skips verification only when asked, with a warning", async () => {
    const error = await tlsRun({}).catch((e: GateError) => e);
    expect((error as GateError).exitCode).toBe(ExitCode.usage);
    expect((error as GateError).message).toContain("cannot verify the TLS certificate of Vault");
    const outcome = await tlsRun({ skipVerify: true });
    expect(outcome.parameters).toHaveLength(1);
    expect(warnings.some((w) => w.includes("TLS verification of Vault") && w.includes("is OFF"))).toBe(true);
  });
});
