import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFetchConfig } from "../../../shared/config/parse.js";
import { UsageError } from "../../../shared/errors.js";
import { VERSION } from "../../../shared/version.js";
import { ROOT } from "../../support/run.js";

const snake = (key: string) => key;

describe("parseFetchConfig", () => {
  it("fills defaults and keeps repeated parameters in order", () => {
    const config = parseFetchConfig({ parameters: ["/a/", "B=/b"] });
    expect(config).toMatchObject({
      format: "dotenv",
      out: "ssm-gate.env",
      nameTransformation: "upper",
      onMissing: "fail",
      concurrency: 10,
      maxAttempts: 10,
      timeoutSeconds: 120,
      maskMinLength: 4,
      allowEnvNames: [],
    });
    expect(config.parameters.map((p) => p.text)).toEqual(["/a/", "B=/b"]);
    expect(parseFetchConfig({ parameters: "/a", format: "json" }).out).toBe("ssm-gate.json");
  });

  it("reads lists, numbers, region and endpoint", () => {
    const config = parseFetchConfig({
      parameters: "/a",
      allow_env_names: "GITHUB_TOKEN, DRONE_*",
      max_rps: "12.5",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:4566",
    });
    expect(config).toMatchObject({
      allowEnvNames: ["GITHUB_TOKEN", "DRONE_*"],
      maxRps: 12.5,
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:4566",
    });
  });

  it.each([
    [
      { parameters: "/a", on_missing: "maybe" },
      "on_missing: expected one of fail, warn, ignore; got 'maybe'",
    ],
    [{ parameters: "/a", timeout: "0" }, "timeout: expected a whole number from 1 to 3600; got '0'"],
    [{ parameters: "/a", max_rps: "-1" }, "max_rps: expected a number from 0.1 to 10000; got '-1'"],
    [{ parameters: "/a", region: "Europe" }, "region: expected an AWS region like eu-west-1; got 'Europe'"],
    [{ parameters: " \n# only a comment\n" }, "parameters is required"],
  ])("names the setting as the front door spells it: %j", (raw, message) => {
    expect(() => parseFetchConfig(raw, snake)).toThrow(UsageError);
    expect(() => parseFetchConfig(raw, snake)).toThrow(message);
  });
});

describe("VERSION", () => {
  it("matches package.json", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")).version);
  });
});
