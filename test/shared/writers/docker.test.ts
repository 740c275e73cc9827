import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EnvEntry } from "../../../shared/types.js";
import { dockerFits } from "../../../shared/writers/docker.js";
import { encodeEnvFile } from "../../../shared/writers/format.js";
import { dockerCli, dockerReadEnvFile } from "../../support/dockerCli.js";
import { trickyValue } from "../../support/values.js";

const entriesOf = (values: readonly string[]): EnvEntry[] =>
  values.map((value, i) => ({ envName: `V${i}`, value, source: `/p/v${i}` }));

async function readBack(values: readonly string[]): Promise<string[] | undefined> {
  const file = join(mkdtempSync(join(tmpdir(), "ssm-gate-docker-")), "f.env");
  writeFileSync(file, encodeEnvFile(entriesOf(values), "docker"));
  const { env, error } = await dockerReadEnvFile(file);
  if (error) throw new Error(error);
  return env;
}

describe("docker format", () => {
  it("writes NAME=value lines verbatim and refuses what --env-file cannot carry", () => {
    expect(encodeEnvFile(entriesOf([" a 'b' \"c\" #d $e=f "]), "docker")).toBe("V0= a 'b' \"c\" #d $e=f \n");
    for (const value of ["a\nb", "a\r", "a\0b", "x".repeat(64 * 1024)]) {
      expect(dockerFits("V0", value)).toBe(false);
    }
    expect(() => encodeEnvFile(entriesOf(["line1\nline2"]), "docker")).toThrow(
      "cannot be written exactly as docker; dotenv can hold it (format)",
    );
    expect(dockerFits("V0", "a\rb")).toBe(true);
  });
});

// The docker CLI is on this machine (no engine); where it is not, these are skipped, not faked.
describe.runIf(dockerCli())("docker format, read back by the real docker CLI", () => {
  it("round-trips random values through `docker create --env-file`", async () => {
    const runs = fc.sample(fc.array(trickyValue, { minLength: 1, maxLength: 80 }), { numRuns: 25, seed: 7 });
    for (const values of runs) {
      const fits = values.filter((v) => dockerFits("V0", v));
      expect(await readBack(fits)).toEqual(fits.map((v, i) => `V${i}=${v}`));
    }
  });

  it("keeps edge values exactly: spaces, quotes, comments, a CR inside, the longest line", async () => {
    const values = [
      "",
      "  lead and trail  ",
      "'q'",
      '"dq"',
      "#hash",
      "a # b",
      "=x=",
      "a\rb",
      "x".repeat(65_532),
    ];
    expect(values.every((v, i) => dockerFits(`V${i}`, v))).toBe(true); // the last line: 65,535 bytes
    expect(await readBack(values)).toEqual(values.map((v, i) => `V${i}=${v}`));

    // What dockerFits refuses, docker would not read back as written.
    const refused = join(mkdtempSync(join(tmpdir(), "ssm-gate-docker-")), "refused.env");
    writeFileSync(refused, "A=ends in CR\r\nB=line1\nline2\n");
    expect((await dockerReadEnvFile(refused)).env).toEqual(["A=ends in CR", "B=line1"]);

    // One byte more and the docker CLI refuses the file, as dockerFits says.
    expect(dockerFits("V8", "x".repeat(65_533))).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), "ssm-gate-docker-")), "long.env");
    writeFileSync(file, `V8=${"x".repeat(65_533)}\n`);
    expect((await dockerReadEnvFile(file)).error).toContain("token too long");
  });
});
