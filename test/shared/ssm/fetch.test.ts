import { LabelParameterVersionCommand } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnavailableError } from "../../../shared/errors.js";
import { parseSpecs } from "../../../shared/select/spec.js";
import { fetchSpecs } from "../../../shared/ssm/fetch.js";
import { createGateway } from "../../../shared/ssm/index.js";
import { FaultProxy } from "../../support/faultProxy.js";
import { awsEnv, motoEndpoint, seed, testClient } from "../../support/ssm.js";

const config = { concurrency: 8, maxAttempts: 10, timeoutSeconds: 60 };
const gatewayTo = (endpoint: string, extra: Partial<typeof config> = {}) =>
  createGateway({ ...config, ...extra, endpoint, region: "us-east-1" });
const specs = (text: string) => parseSpecs(text, "--parameters");

const MANY = 137; // 14 pages, the last one short
let proxy: FaultProxy;

beforeAll(async () => {
  Object.assign(process.env, awsEnv());
  await seed([
    { name: "/mev-beta/staging/arbitrum/rpc_url", value: "https://arb.example/v1" },
    { name: "/mev-beta/staging/arbitrum/ws_url", value: "wss://arb.example/ws" },
    { name: "/mev-beta/staging/mev/security_webhook", value: "https://hooks.example/x" },
    { name: "/mev-beta/ci/drone/github_token", value: "ghp_example", type: "String" },
    ...Array.from({ length: MANY }, (_, i) => ({
      name: `/bulk/p${String(i).padStart(4, "0")}`,
      value: `v-${i}`,
    })),
  ]);
  // Version 2 of one parameter, with a label on version 1.
  await seed([{ name: "/mev-beta/staging/arbitrum/rpc_url", value: "https://arb.example/v2" }]);
  await testClient().send(
    new LabelParameterVersionCommand({
      Name: "/mev-beta/staging/arbitrum/rpc_url",
      ParameterVersion: 1,
      Labels: ["previous"],
    }),
  );
  proxy = await new FaultProxy(motoEndpoint()).start();
});
afterAll(() => proxy.stop());

describe("fetchSpecs against moto", () => {
  it("walks a path recursively, decrypting SecureStrings", async () => {
    const out = await fetchSpecs(specs("/mev-beta/staging/"), gatewayTo(motoEndpoint()));
    expect(out.parameters.map((p) => [p.name, p.value])).toEqual([
      ["/mev-beta/staging/arbitrum/rpc_url", "https://arb.example/v2"],
      ["/mev-beta/staging/arbitrum/ws_url", "wss://arb.example/ws"],
      ["/mev-beta/staging/mev/security_webhook", "https://hooks.example/x"],
    ]);
    expect(out.missing).toEqual([]);
  });

  it("takes direct children only with /*", async () => {
    const out = await fetchSpecs(
      specs("/mev-beta/staging/arbitrum/*\n/mev-beta/staging/*?"),
      gatewayTo(motoEndpoint()),
    );
    expect(out.parameters.map((p) => p.name)).toEqual([
      "/mev-beta/staging/arbitrum/rpc_url",
      "/mev-beta/staging/arbitrum/ws_url",
    ]);
    expect(out.missing.map((s) => s.text)).toEqual(["/mev-beta/staging/*?"]);
  });

  it("fetches names with versions and labels, and reports missing names", async () => {
    const out = await fetchSpecs(
      specs(
        "/mev-beta/staging/arbitrum/rpc_url\nOLD=/mev-beta/staging/arbitrum/rpc_url:1\nPREV=/mev-beta/staging/arbitrum/rpc_url:previous\n/nope\n/mev-beta/ci/drone/github_token",
      ),
      gatewayTo(motoEndpoint()),
    );
    expect(out.parameters.map((p) => [p.spec.text, p.value])).toEqual([
      ["/mev-beta/staging/arbitrum/rpc_url", "https://arb.example/v2"],
      ["OLD=/mev-beta/staging/arbitrum/rpc_url:1", "https://arb.example/v1"],
      ["PREV=/mev-beta/staging/arbitrum/rpc_url:previous", "https://arb.example/v1"],
      ["/mev-beta/ci/drone/github_token", "ghp_example"],
    ]);
    expect(out.missing.map((s) => s.text)).toEqual(["/nope"]);
  });

  it("fetches many names in batches of 10 at once", async () => {
    const names = Array.from({ length: MANY }, (_, i) => `/bulk/p${String(i).padStart(4, "0")}`);
    proxy.setRules({});
    const out = await fetchSpecs(specs(names.join("\n")), gatewayTo(proxy.endpoint));
    expect(out.parameters.map((p) => p.value)).toEqual(names.map((_, i) => `v-${i}`));
    expect(proxy.stats.byOperation.GetParameters).toBe(Math.ceil(MANY / 10));
  });
});

describe("fetchSpecs through faults", () => {
  const bulk = Array.from({ length: MANY }, (_, i) => `v-${i}`);

  it("loses nothing on short and empty pages that still carry a NextToken", async () => {
    proxy.setRules({ shortPages: 0.5, emptyPages: 0.3, seed: 7 });
    const out = await fetchSpecs(specs("/bulk/"), gatewayTo(proxy.endpoint));
    expect(out.parameters.map((p) => p.value)).toEqual(bulk);
    expect(proxy.stats.byOutcome["short-page"]).toBeGreaterThan(0);
    expect(proxy.stats.byOutcome["empty-page"]).toBeGreaterThan(0);
  });

  it("retries throttling, 500s and dropped connections until every value is in", async () => {
    proxy.setRules({ throttle: { probability: 0.2 }, serverErrors: 0.1, drops: 0.1, seed: 3 });
    const names = bulk.map((_, i) => `/bulk/p${String(i).padStart(4, "0")}`);
    const gateway = gatewayTo(proxy.endpoint);
    const out = await fetchSpecs(specs(`${names.join("\n")}\n/bulk/`), gateway);
    expect(out.parameters.map((p) => p.value)).toEqual([...bulk, ...bulk]);
    expect(proxy.stats.byOutcome.throttled).toBeGreaterThan(0);
    expect(proxy.stats.byOutcome["server-error"]).toBeGreaterThan(0);
    expect(proxy.stats.byOutcome.dropped).toBeGreaterThan(0);
    expect(gateway.stats.retried).toBeGreaterThan(0);
  });

  it("slows to what a token bucket accepts instead of storming it", async () => {
    proxy.setRules({ throttle: { rps: 40, burst: 10 } });
    const names = bulk.map((_, i) => `/bulk/p${String(i).padStart(4, "0")}`);
    const gateway = gatewayTo(proxy.endpoint, { concurrency: 10 });
    const out = await fetchSpecs(
      specs([...names, ...names.map((n) => `X${n.slice(7)}=${n}`)].join("\n")),
      gateway,
    );
    expect(out.parameters).toHaveLength(2 * MANY);
    // 28 needed calls; without adaptation most of the 10-wide bursts would be refused.
    expect(proxy.stats.byOutcome.throttled ?? 0).toBeLessThan(28);
  });

  it("gives up after the attempt budget with an UnavailableError naming the endpoint", async () => {
    proxy.setRules({ failFirst: { kind: "server-error", count: 1000 } });
    const error = await fetchSpecs(specs("/bulk/p0001"), gatewayTo(proxy.endpoint, { maxAttempts: 3 })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toContain(proxy.endpoint);
    expect(error.message).toMatch(/gave up after 3 attempts/);
    expect(proxy.stats.requests).toBe(3);
  });

  it("fails fast on a refused connection after its attempts", async () => {
    const error = await fetchSpecs(specs("/x"), gatewayTo("http://127.0.0.1:9", { maxAttempts: 2 })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.exitCode).toBe(3);
  });
});
