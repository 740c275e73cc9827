import type { SeedParameter } from "../test/support/seed.js";

/**
 * The SSM hierarchy of the operations document (secrets-management-strategy.txt), with plausible
 * fake values: what the quick start, the tests and the benchmarks seed into a local moto.
 */
export const EXAMPLE_HIERARCHY: SeedParameter[] = [
  {
    name: "/mev-beta/staging/arbitrum/rpc_url",
    value: "https://arb-mainnet.example.invalid/v2/demo-7Qk2mZ9xP4",
  },
  {
    name: "/mev-beta/staging/arbitrum/ws_url",
    value: "wss://arb-mainnet.example.invalid/ws/demo-7Qk2mZ9xP4",
  },
  {
    name: "/mev-beta/staging/mev/security_webhook",
    value: "https://hooks.example.invalid/services/T000/B000/demoXyZ123",
  },
  { name: "/mev-beta/ci/drone/github_token", value: "ghp_demo0000000000000000000000000000abcd" },
  { name: "/mev-beta/ci/drone/harness_token", value: "pat.demo.0000000000000000.harness" },
  { name: "/mev-beta/prod/vault/role_id", value: "00000000-demo-role-0000-000000000000" },
  { name: "/mev-beta/prod/vault/secret_id", value: "00000000-demo-secret-0000-000000000000" },
];
