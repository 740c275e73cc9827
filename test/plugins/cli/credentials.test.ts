// The AWS SDK's credential chain as the bundles ship it: a profile from the shared credentials file
// (release engineers' machines) and web identity (GitHub OIDC, IRSA on Drone/Harness runners). The
// providers live in lazily loaded chunks of each bundle, so this runs the bundles themselves.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaultProxy } from "../../support/faultProxy.js";
import { runBundle } from "../../support/run.js";
import { motoEndpoint, seed } from "../../support/ssm.js";

const VALUE = "credential-chain-value-8f2c";
let proxy: FaultProxy;

beforeAll(async () => {
  await seed([{ name: "/creds/token", value: VALUE }]);
  proxy = await new FaultProxy(motoEndpoint()).start();
});
afterAll(() => proxy.stop());

/** No static keys in the env: the SDK must find credentials by itself. */
function baseEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    AWS_CONFIG_FILE: join(home, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "credentials"),
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_SSM: proxy.endpoint,
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** Runs one bundle's fetch of /creds/token and returns what it wrote. */
async function fetchWith(bundle: "cli" | "drone", env: Record<string, string>, dir: string) {
  const out = join(dir, "out.env");
  const r =
    bundle === "cli"
      ? await runBundle("cli", ["fetch", "-p", "/creds/token", "--out", out], { env, cwd: dir })
      : await runBundle("drone", [], {
          env: { ...env, PLUGIN_PARAMETERS: "/creds/token", PLUGIN_ENV_FILE: out, DRONE_WORKSPACE: dir },
          cwd: dir,
        });
  expect(r.stderr).not.toContain(VALUE);
  expect(r.code, r.stderr).toBe(0);
  return parseDotenv(readFileSync(out));
}

describe.each(["cli", "drone"] as const)("%s bundle credentials", (bundle) => {
  it("signs with a named profile from the shared credentials file", async () => {
    const home = mkdtempSync(join(tmpdir(), "ssm-gate-creds-"));
    writeFileSync(
      join(home, "credentials"),
      "[default]\naws_access_key_id = AKIADEFAULT000000000\naws_secret_access_key = x\n\n" +
        "[release]\naws_access_key_id = AKIARELEASE000000000\naws_secret_access_key = y\n",
    );
    proxy.setRules({});
    const values = await fetchWith(bundle, { ...baseEnv(home), AWS_PROFILE: "release" }, home);
    expect(values).toEqual({ TOKEN: VALUE });
    expect([...proxy.stats.accessKeyIds]).toEqual(["AKIARELEASE000000000"]);
  });

  it("assumes a role with a web identity token file (OIDC, IRSA)", async () => {
    const home = mkdtempSync(join(tmpdir(), "ssm-gate-creds-"));
    writeFileSync(join(home, "token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm1ldi9iZXRhIn0.c2ln");
    proxy.setRules({});
    const env = {
      ...baseEnv(home),
      AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/mev-beta-ci",
      AWS_WEB_IDENTITY_TOKEN_FILE: join(home, "token"),
      AWS_ENDPOINT_URL_STS: proxy.endpoint,
    };
    const values = await fetchWith(bundle, env, home);
    expect(values).toEqual({ TOKEN: VALUE });
    expect(proxy.stats.byOperation.AssumeRoleWithWebIdentity).toBe(1);
    // SSM was signed with the role's temporary key, not any static one.
    const keys = [...proxy.stats.accessKeyIds];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^ASIA/);
  });
});
