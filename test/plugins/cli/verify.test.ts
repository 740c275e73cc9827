// The verify catalog: one case per fault, seeded into moto and into real target files, each found
// by the right check with the right severity and exit code; a clean staging passes with exit 0.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";

const GOOD = {
  "/stg/arbitrum/rpc_url": "https://arb.example/v2/vfy-canary-1111",
  "/stg/arbitrum/ws_url": "wss://arb.example/ws/vfy-canary-2222",
  "/stg/mev/security_webhook": "https://hooks.example/vfy-canary-3333",
};
const FAULTY = {
  "/bad/empty": " ",
  "/bad/changeme": "changeme",
  "/bad/placeholder": "PLACEHOLDER",
  "/bad/todo": "TODO",
  "/bad/xxx": "xxxxxx",
  "/bad/angle": "<your-api-key>",
  "/bad/listed": "not-yet-rotated",
  "/bad/short": "vfy-short",
  "/bad/pattern": "http://insecure.example/vfy-canary-4444",
};
const values = [
  ...Object.values(GOOD),
  "vfy-short",
  "http://insecure.example/vfy-canary-4444",
  "vfy-string-canary-5555",
  "vfy-kms-canary-6666",
];

const CLEAN = `version: 1
prefix: /stg/
defaults:
  type: SecureString
  kms_key: alias/mev-beta-secrets
  max_age_days: 30
parameters:
  arbitrum/rpc_url:
    pattern: ^https://
  arbitrum/ws_url:
    pattern: ^wss://
  mev/security_webhook:
    min_length: 20
`;
const envFileOf = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([k, v]) => `${k}='${v}'\n`)
    .join("");
const CLEAN_ENV = {
  ARBITRUM_RPC_URL: GOOD["/stg/arbitrum/rpc_url"],
  ARBITRUM_WS_URL: GOOD["/stg/arbitrum/ws_url"],
  MEV_SECURITY_WEBHOOK: GOOD["/stg/mev/security_webhook"],
};

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ssm-gate-verify-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function verify(files: Record<string, string>, args: string[], env = awsEnv()) {
  const cwd = workdir(files);
  const r = await runBundle("cli", ["verify", "--report", "report.json", ...args], { cwd, env });
  let report:
    | {
        status: string;
        findings: {
          check: string;
          result: string;
          parameter: string;
          envName: string;
          detail: string;
          target?: string;
        }[];
      }
    | undefined;
  try {
    report = JSON.parse(readFileSync(join(cwd, "report.json"), "utf8"));
  } catch {
    report = undefined;
  }
  expectNoLeak(r.stdout, values, "stdout");
  expectNoLeak(r.stderr, values, "stderr");
  if (report) expectNoLeak(JSON.stringify(report), values, "the report");
  return { ...r, report, cwd };
}

const problems = (
  report: { findings: { check: string; result: string; parameter: string; envName: string }[] } | undefined,
) =>
  (report?.findings ?? [])
    .filter((f) => f.result !== "pass")
    .map((f) => `${f.result} ${f.check} ${f.parameter || f.envName}`);

beforeAll(async () => {
  await seed([
    ...Object.entries({ ...GOOD, ...FAULTY }).map(([name, value]) => ({ name, value })),
    { name: "/bad/type", value: "vfy-string-canary-5555", type: "String" },
    { name: "/bad/kms", value: "vfy-kms-canary-6666", keyId: "alias/some-other-key" },
    { name: "/prod/arbitrum/rpc_url", value: "p1" },
    { name: "/prod/arbitrum/ws_url", value: "p2" },
    { name: "/prod/extra/only_in_prod", value: "p3" },
  ]);
});

describe("ssm-gate verify", () => {
  it("passes a clean staging with exit 0, against an env file, a Secret and a command", async () => {
    const secret = JSON.stringify({
      apiVersion: "v1",
      kind: "Secret",
      data: Object.fromEntries(
        Object.entries(CLEAN_ENV).map(([k, v]) => [k, Buffer.from(v).toString("base64")]),
      ),
    });
    const r = await verify(
      { "ssm-gate.yml": CLEAN, "staging.env": envFileOf(CLEAN_ENV), "secret.json": secret },
      [
        "--target",
        "env-file:staging.env",
        "--target",
        "k8s-secret:secret.json",
        "--target",
        "command:cat secret.json",
      ],
    );
    expect(problems(r.report)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.report?.status).toBe("pass");
    expect(r.stdout).toContain("verify PASS: 3 parameters");
  });

  const faultCases: [string, string, string[], number][] = [
    ["missing", "missing/one: {}", ["fail exists /bad/missing/one"], 1],
    ["empty", "empty: {}", ["fail not_empty /bad/empty"], 1],
    ["changeme", "changeme: {}", ["fail placeholder /bad/changeme"], 1],
    ["placeholder", "placeholder: {}", ["fail placeholder /bad/placeholder"], 1],
    ["TODO", "todo: {}", ["fail placeholder /bad/todo"], 1],
    ["xxx", "xxx: {}", ["fail placeholder /bad/xxx"], 1],
    ["<...>", "angle: {}", ["fail placeholder /bad/angle"], 1],
    [
      "the manifest's placeholder list",
      "listed:\n    placeholders: [not-yet-rotated]",
      ["fail placeholder /bad/listed"],
      1,
    ],
    ["wrong type", "type: {}", ["fail type /bad/type"], 1],
    ["wrong KMS key", "kms:\n    kms_key: alias/mev-beta-secrets", ["fail kms_key /bad/kms"], 1],
    ["stale", "short:\n    max_age_days: 0", ["fail age /bad/short"], 1],
    [
      "about to go stale (a warning passes)",
      "short:\n    max_age_days: 1\n    warn_age_days: 1",
      ["warn age /bad/short"],
      0,
    ],
    ["pattern mismatch", "pattern:\n    pattern: ^https://", ["fail pattern /bad/pattern"], 1],
    ["too short", "short:\n    min_length: 16", ["fail min_length /bad/short"], 1],
    [
      "severity warn turns a failure into a warning",
      "short:\n    min_length: 16\n    severity: { min_length: warn }",
      ["warn min_length /bad/short"],
      0,
    ],
    ["severity off drops the check", "type:\n    severity: { type: off }", [], 0],
  ];
  it.each(faultCases)("finds %s", async (_label, entry, expected, code) => {
    const manifest = `prefix: /bad/\ndefaults:\n  type: SecureString\nparameters:\n  ${entry}\n`;
    const r = await verify({ "ssm-gate.yml": manifest }, []);
    expect(problems(r.report)).toEqual(expected);
    expect(r.code).toBe(code);
  });

  it("finds drift: missing in target, extra in target, value differs", async () => {
    const drifted = {
      ARBITRUM_RPC_URL: "https://arb.example/v2/old-value",
      MEV_SECURITY_WEBHOOK: GOOD["/stg/mev/security_webhook"],
      LEFTOVER: "x",
    };
    const r = await verify({ "ssm-gate.yml": CLEAN, "staging.env": envFileOf(drifted) }, [
      "--target",
      "env-file:staging.env",
    ]);
    expect(problems(r.report).sort()).toEqual(
      [
        "fail drift_differs /stg/arbitrum/rpc_url",
        "fail drift_missing /stg/arbitrum/ws_url",
        "warn drift_extra LEFTOVER",
      ].sort(),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("value differs from SSM");
  });

  it("checks key-set parity with another prefix, names only", async () => {
    const r = await verify({ "ssm-gate.yml": CLEAN }, ["--target", "ssm:/prod/"]);
    expect(problems(r.report).sort()).toEqual(
      ["fail drift_missing /stg/mev/security_webhook", "warn drift_extra /prod/extra/only_in_prod"].sort(),
    );
    expect(r.code).toBe(1);
  });

  it.each([
    ["an unreadable target", ["--target", "env-file:nope.env"], "cannot read: ENOENT"],
    ["a target command that fails", ["--target", "shell:echo vfy-canary-1111 >&2; exit 3"], "exited with 3"],
  ])("reports %s as could-not-check (exit 3), never a pass", async (_label, args, detail) => {
    const r = await verify({ "ssm-gate.yml": CLEAN }, args);
    expect(r.code).toBe(3);
    expect(r.report?.status).toBe("error");
    expect(r.report?.findings.find((f) => f.check === "target")?.detail).toContain(detail);
  });

  it("exits 3 with an error report when SSM is unreachable", async () => {
    const r = await verify({ "ssm-gate.yml": CLEAN }, ["--max-attempts", "1"], awsEnv("http://127.0.0.1:9"));
    expect(r.code).toBe(3);
    expect(r.report?.status).toBe("error");
  });

  it("checks a dotenv template's keys under a prefix, its own values counting as placeholders", async () => {
    const template =
      "ARBITRUM_RPC_URL=https://arb.example/v2/vfy-canary-1111\nARBITRUM_WS_URL=wss://changeme\nMISSING_KEY=\n";
    const r = await verify({ ".env.devenv": template }, ["--template", ".env.devenv", "--prefix", "/stg/"]);
    expect(problems(r.report)).toEqual([
      "fail placeholder /stg/arbitrum/rpc_url",
      "fail exists /stg/missing_key",
    ]);
    expect(r.code).toBe(1);
  });

  it.each([
    [
      "prefix: /stg/\nparameters:\n  a:\n    pattern: '('\n",
      "ssm-gate.yml:4: parameters.a.pattern: expected a valid regular expression",
    ],
    [
      "prefix: /stg/\nparameters:\n  a:\n    colour: red\n",
      "ssm-gate.yml:4: parameters.a.colour: unknown key",
    ],
    ["prefix: stg\nparameters:\n  a: {}\n", "ssm-gate.yml:1: prefix: expected an SSM path"],
    ["prefix: /stg/\nparameters:\n  a:\n    severity: { age: loud }\n", "invalid severity 'age=loud'"],
    ["prefix: /stg/\nparameters: [\n", "ssm-gate.yml:3: not valid YAML"],
  ])("exits 2 on a bad manifest, naming file, line and key: %#", async (manifest, message) => {
    const r = await verify({ "ssm-gate.yml": manifest }, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("exits 2 on a bad target or severity setting", async () => {
    const r = await verify({ "ssm-gate.yml": CLEAN }, ["--target", "ftp:x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--target: invalid target 'ftp:x': unknown kind 'ftp'");
    const s = await verify({ "ssm-gate.yml": CLEAN }, ["--severity", "age=maybe"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("--severity: invalid severity 'age=maybe'");
  });
});
