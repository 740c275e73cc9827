import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../shared/errors.js";
import { parseTarget, splitTargets } from "../../../shared/verify/target-spec.js";
import { readTargetValues, TargetError } from "../../../shared/verify/targets.js";
import { encodeEnvFile } from "../../../shared/writers/format.js";

const dir = mkdtempSync(join(tmpdir(), "ssm-gate-targets-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const read = (spec: string) => readTargetValues(parseTarget(spec, "--target") as never);
const VALUES = { A: 'it\'s "quoted" $HOME', B: "line1\nline2", C: "plain" };
const entries = Object.entries(VALUES).map(([envName, value]) => ({
  envName,
  value,
  source: `/p/${envName}`,
}));

describe("targets", () => {
  it.each(["dotenv", "shell", "json"] as const)(
    "reads back ssm-gate's own %s files exactly",
    async (format) => {
      const path = file(`t.${format}`, encodeEnvFile(entries, format));
      expect(Object.fromEntries(await read(`env-file:${path}`))).toEqual(VALUES);
    },
  );

  it("reads a Kubernetes Secret's data (base64) and stringData, as YAML or JSON", async () => {
    const yaml = file(
      "s.yaml",
      "apiVersion: v1\nkind: Secret\ndata:\n  A: aGVsbG8=\nstringData:\n  B: world\n",
    );
    expect(Object.fromEntries(await read(`k8s-secret:${yaml}`))).toEqual({ A: "hello", B: "world" });
    const list = file(
      "l.json",
      JSON.stringify({ kind: "List", items: [{ kind: "Secret", data: { C: "Yw==" } }] }),
    );
    expect(Object.fromEntries(await read(`k8s-secret:${list}`))).toEqual({ C: "c" });
  });

  it("runs a command without a shell and parses its output", async () => {
    const path = file("c.json", JSON.stringify({ X: "1" }));
    expect(Object.fromEntries(await read(`command:cat ${path}`))).toEqual({ X: "1" });
  });

  it("turns unreadable targets into TargetErrors with a reason, not a value", async () => {
    await expect(read("env-file:/nonexistent/x.env")).rejects.toThrow(TargetError);
    await expect(read(`k8s-secret:${file("cm.yaml", "kind: ConfigMap\ndata: {}\n")}`)).rejects.toThrow(
      /not a Kubernetes Secret/,
    );
    await expect(read("command:false")).rejects.toThrow(/exited with 1/);
  });

  it("refuses malformed target settings with the shapes", () => {
    expect(() => parseTarget("env-file:", "--target")).toThrow(UsageError);
    expect(() => parseTarget("ssm:prod", "--target")).toThrow(/starts with '\/'/);
    expect(() => parseTarget("nope", "--target")).toThrow(/Expected one of/);
  });
});

describe("splitTargets", () => {
  it("reads lines, JSON arrays and Drone's comma-joined lists, keeping commas inside commands", () => {
    expect(splitTargets("env-file:a.env\nssm:/prod/", "target")).toEqual(["env-file:a.env", "ssm:/prod/"]);
    expect(splitTargets('[\n  "env-file:a.env",\n  "vault:secret/a/b"\n]', "target")).toEqual([
      "env-file:a.env",
      "vault:secret/a/b",
    ]);
    expect(splitTargets("env-file:a.env,ssm:/prod/,shell:echo a,b", "target")).toEqual([
      "env-file:a.env",
      "ssm:/prod/",
      "shell:echo a,b",
    ]);
  });
});
