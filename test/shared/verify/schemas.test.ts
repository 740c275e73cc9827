import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadManifest } from "../../../shared/verify/manifest.js";
import { buildReport } from "../../../shared/verify/report.js";
import { ROOT } from "../../support/run.js";

const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, "schemas", name), "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, validateFormats: false });

describe("shipped JSON Schemas", () => {
  it("the example manifest follows the manifest schema and loads", async () => {
    const validate = ajv.compile(schema("manifest.schema.json"));
    const example = parse(readFileSync(join(ROOT, "ssm-gate.example.yml"), "utf8"));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const manifest = await loadManifest(join(ROOT, "ssm-gate.example.yml"));
    expect(manifest.expectations.map((e) => [e.name, e.envName])).toEqual([
      ["/mev-beta/staging/arbitrum/rpc_url", "ARBITRUM_RPC_URL"],
      ["/mev-beta/staging/arbitrum/ws_url", "ARBITRUM_WS_URL"],
      ["/mev-beta/staging/mev/security_webhook", "MEV_SECURITY_WEBHOOK"],
    ]);
  });

  it("a report follows the report schema", () => {
    const validate = ajv.compile(schema("verify-report.schema.json"));
    const report = buildReport(
      [
        {
          parameter: "/a/b",
          envName: "B",
          check: "drift_differs",
          result: "fail",
          detail: "value differs from SSM",
          target: "env-file:x",
        },
      ],
      "ssm-gate.yml",
      1,
      new Date(0),
    );
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });
});
