import { describe, expect, it } from "vitest";
import type { FetchedParameter } from "../../../shared/ssm/fetch.js";
import { checkParameter, isPlaceholder } from "../../../shared/verify/checks.js";
import { DEFAULT_SEVERITY, type Expectation } from "../../../shared/verify/types.js";

const now = new Date("2026-12-03T00:00:00Z");
const expectation = (over: Partial<Expectation> = {}): Expectation => ({
  name: "/stg/x",
  envName: "X",
  required: true,
  type: "SecureString",
  warnAgeDays: 5,
  placeholders: [],
  severity: { ...DEFAULT_SEVERITY },
  where: "m.yml:1",
  ...over,
});
const param = (value: string, over: Partial<FetchedParameter> = {}): FetchedParameter => ({
  spec: { kind: "name", text: "/stg/x", name: "/stg/x", optional: true },
  name: "/stg/x",
  value,
  type: "SecureString",
  lastModified: new Date("2026-12-01T00:00:00Z"),
  ...over,
});
const bad = (findings: ReturnType<typeof checkParameter>) =>
  findings.filter((f) => f.result !== "pass").map((f) => `${f.result}:${f.check}`);

describe("isPlaceholder", () => {
  it.each(["changeme", " CHANGEME ", "placeholder", "TODO", "xxx", "XXXXXXXX", "<api key>", "tbd"])(
    "knows %j",
    (v) => {
      expect(isPlaceholder(v, [])).toBe(true);
    },
  );
  it.each(["https://x", "xx", "todo-list-service", "<a><b>"])("leaves %j alone", (v) =>
    expect(isPlaceholder(v, [])).toBe(false),
  );
  it("takes extra placeholders, case-insensitively", () =>
    expect(isPlaceholder("Fill-Me", ["fill-me"])).toBe(true));
});

describe("checkParameter", () => {
  it("passes a good parameter on every check", () => {
    const e = expectation({ kmsKey: "alias/k", maxAgeDays: 30, pattern: "^https://", minLength: 8 });
    expect(bad(checkParameter(e, param("https://good.example"), "alias/k", now))).toEqual([]);
  });

  it("accepts the key as an ARN ending in the expected alias", () => {
    const e = expectation({ kmsKey: "alias/k" });
    expect(bad(checkParameter(e, param("https://x"), "arn:aws:kms:eu-west-1:1:alias/k", now))).toEqual([]);
  });

  it("warns before the maximum age and fails past it", () => {
    const old = (days: number) =>
      param("v-long-enough", { lastModified: new Date(now.getTime() - days * 86_400_000) });
    expect(bad(checkParameter(expectation({ maxAgeDays: 30 }), old(26), undefined, now))).toEqual([
      "warn:age",
    ]);
    expect(bad(checkParameter(expectation({ maxAgeDays: 30 }), old(31), undefined, now))).toEqual([
      "fail:age",
    ]);
  });

  it("an optional parameter may be missing; a required one fails exists", () => {
    expect(bad(checkParameter(expectation({ required: false }), undefined, undefined, now))).toEqual([]);
    expect(bad(checkParameter(expectation(), undefined, undefined, now))).toEqual(["fail:exists"]);
  });

  it("never puts the value, or its length, into a detail", () => {
    const value = "s3cret-value-that-is-long";
    const e = expectation({ pattern: "^https://", minLength: 64, placeholders: [value] });
    const text = JSON.stringify(checkParameter(e, param(value, { type: "String" }), undefined, now));
    expect(text).not.toContain(value);
    expect(text).not.toContain(String(value.length));
  });
});
