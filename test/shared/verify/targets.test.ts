import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../shared/errors.js";
import { parseTarget, splitTargets } from "../../../shared/verify/target-spec.js";
import { readTargetValues, TargetError } from "../../../shared/verify/targets.js";
import { encodeEnvFile } from "../../../shared/writers/format.js";
import { dockerCli, dockerReadEnvFile } from "../../support/dockerCli.js";

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

  it("reads docker env files as docker does: values verbatim, quotes and # included", async () => {
    const docker = { A: ` 'it's' "q" #not a comment $HOME `, B: "=x=", C: "" };
    const written = encodeEnvFile(
      Object.entries(docker).map(([envName, value]) => ({ envName, value, source: `/p/${envName}` })),
      "docker",
    );
    const path = file("t.docker.env", `\uFEFF# rendered\n\n${written}  D=indented\r\nNO_VALUE\n`);
    expect(Object.fromEntries(await read(`docker-env-file:${path}`))).toEqual({ ...docker, D: "indented" });
    // The same file read as dotenv loses the quotes and the comment: why the kind exists.
    expect(Object.fromEntries(await read(`env-file:${path}`))).not.toEqual(expect.objectContaining(docker));
    await expect(read(`docker-env-file:${file("bad.env", "A=1\nB C=2\n")}`)).rejects.toThrow(
      "line 2: docker refuses a variable name that is empty or holds whitespace",
    );
  });

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

// The real docker CLI on this machine reads the same files (see test/support/dockerCli.ts).
describe.runIf(dockerCli())("docker-env-file targets, against the docker CLI", () => {
  it("reads random files exactly as `docker create --env-file` does, or refuses what it refuses", async () => {
    const piece = fc.constantFrom(
      "A",
      "B",
      "=",
      "#",
      " ",
      "\t",
      "\r",
      "\n",
      "'",
      '"',
      "\u0085",
      "\u00a0",
      "\ufeff",
      "x",
    );
    const texts = fc.sample(fc.string({ unit: piece, maxLength: 60 }), { numRuns: 60, seed: 11 });
    for (const [i, text] of texts.entries()) {
      const path = file(`random${i}.env`, text);
      const docker = await dockerReadEnvFile(path);
      const ours = await read(`docker-env-file:${path}`).then(
        (values) => ({ values }),
        (error: Error) => ({ error }),
      );
      if (docker.error) {
        expect("error" in ours, `docker refused ${JSON.stringify(text)}`).toBe(true);
      } else {
        // docker sends every line in order; a later line for the same name wins in the container.
        const expected = new Map(
          (docker.env ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
        );
        expect("values" in ours && Object.fromEntries(ours.values), JSON.stringify(text)).toEqual(
          Object.fromEntries(expected),
        );
      }
    }
  });
});
