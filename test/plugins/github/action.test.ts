import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { githubPostEnv, githubStep, parseGithubFile } from "../../support/platforms.js";
import { runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";

const VALUES = {
  "/gh/app/api_key": "gh-canary-Zx81'q\"$x",
  "/gh/app/cert": "-----BEGIN C-----\nR0hDYW5hcnlMaW5lT25lMTIzNA==\n-----END C-----",
};
const values = Object.values(VALUES);

/** A step of this action in a fresh runner folder. */
const runner = (inputs: Record<string, string>) =>
  githubStep(mkdtempSync(join(tmpdir(), "ssm-gate-gh-")), inputs, awsEnv());

/** Drops what the runner itself consumes: its add-mask commands carry values by design. */
const visible = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => !l.startsWith("::add-mask::"))
    .join("\n");

beforeAll(async () => {
  await seed(Object.entries(VALUES).map(([name, value]) => ({ name, value })));
});

describe("GitHub Action bundle", () => {
  it("exports to GITHUB_ENV, sets outputs and a summary, masks first, writes an env file the post step removes", async () => {
    const gh = runner({ parameters: "/gh/app/", "env-file": "app.env" });
    const r = await runBundle("github", [], { env: gh.env });
    expect(r.code).toBe(0);
    expect(parseGithubFile(gh.files.env)).toEqual({
      API_KEY: VALUES["/gh/app/api_key"],
      CERT: VALUES["/gh/app/cert"],
    });
    const outputs = parseGithubFile(gh.files.output);
    expect(JSON.parse(outputs.names ?? "")).toEqual(["API_KEY", "CERT"]);
    expect(outputs.count).toBe("2");
    expect(outputs["env-file"]).toBe(join(gh.dir, "app.env"));
    expect(statSync(join(gh.dir, "app.env")).mode & 0o777).toBe(0o600);
    const first = r.stdout.split("\n")[0] ?? "";
    expect(first.startsWith("::add-mask::")).toBe(true);
    for (const line of VALUES["/gh/app/cert"].split("\n")) expect(r.stdout).toContain(`::add-mask::${line}`);
    const summary = readFileSync(gh.files.summary, "utf8");
    expect(summary).toContain("/gh/app/api_key");
    expectNoLeak(visible(r.stdout), values, "stdout");
    expectNoLeak(r.stderr, values, "stderr");
    expectNoLeak(summary, values, "step summary");
    expectNoLeak(readFileSync(gh.files.output, "utf8"), values, "outputs");

    // The runner hands saved state to the post step as STATE_<name>.
    const post = await runBundle("github-post", [], { env: { ...gh.env, ...githubPostEnv(gh.files.state) } });
    expect(post.code).toBe(0);
    expect(existsSync(join(gh.dir, "app.env"))).toBe(false);
  });

  it("can set each value as a step output, never without masking it first", async () => {
    const gh = runner({
      parameters: "KEY=/gh/app/api_key",
      "values-as-outputs": "true",
      "export-env": "false",
    });
    const r = await runBundle("github", [], { env: gh.env });
    expect(r.code).toBe(0);
    expect(parseGithubFile(gh.files.output).KEY).toBe(VALUES["/gh/app/api_key"]);
    expect(readFileSync(gh.files.env, "utf8")).toBe("");
    expect(r.stdout).toContain(`::add-mask::${VALUES["/gh/app/api_key"]}`);
  });

  it("runs a command with the values, its output masked", async () => {
    const gh = runner({
      parameters: "/gh/app/",
      run: 'echo "key is $API_KEY"; printf %s "$API_KEY" | base64',
    });
    const r = await runBundle("github", [], { env: gh.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("key is ***");
    expectNoLeak(visible(r.stdout), values, "stdout");
  });

  it.each([
    [
      { parameters: "/gh/app/", format: "yaml" },
      2,
      "input 'format': expected one of dotenv, shell, json, docker; got 'yaml'",
    ],
    [
      { parameters: "/gh/app/", "export-env": "yes" },
      2,
      "input 'export-env': expected true or false; got 'yes'",
    ],
    [{ parameters: "/gh/none" }, 4, "1 required parameter not found in SSM: /gh/none"],
    [{}, 2, "input 'parameters' is required"],
  ])("fails the step with the input named: %j", async (inputs, code, message) => {
    const gh = runner(inputs);
    const r = await runBundle("github", [], { env: gh.env });
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(`::error::${message}`);
  });
});

describe("GitHub Action bundle, mode verify", () => {
  it("fails the step with the table in the log, a summary and outputs, never a value", async () => {
    const gh = runner({ mode: "verify", manifest: "m.yml", report: "r.json" });
    writeFileSync(
      join(gh.dir, "m.yml"),
      "prefix: /gh/app/\nparameters:\n  api_key:\n    min_length: 64\n  cert: {}\n  gone: {}\n",
    );
    const r = await runBundle("github", [], { env: gh.env, cwd: gh.dir });
    expect(r.code).toBe(1);
    const outputs = parseGithubFile(gh.files.output);
    expect(outputs).toMatchObject({ status: "fail", failures: "2", report: "r.json" });
    expect(r.stdout).toContain("::error::ssm-gate verify: fail (2 failing checks)");
    const summary = readFileSync(gh.files.summary, "utf8");
    expect(summary).toContain("| fail | exists | /gh/app/gone |");
    expect(JSON.parse(readFileSync(join(gh.dir, "r.json"), "utf8")).status).toBe("fail");
    expectNoLeak(visible(r.stdout), values, "stdout");
    expectNoLeak(summary, values, "step summary");
  });
});

describe("GitHub Action bundle, twice in one job", () => {
  it("each step exports its own values and its post step removes only its own env file", async () => {
    const gh = runner({});
    const step = async (parameters: string, envFile: string, state: string) => {
      writeFileSync(state, "");
      const env = { ...gh.env, GITHUB_STATE: state, INPUT_PARAMETERS: parameters, "INPUT_ENV-FILE": envFile };
      const r = await runBundle("github", [], { env });
      expect(r.code).toBe(0);
      return env;
    };
    const first = await step("KEY=/gh/app/api_key", "first.env", join(gh.dir, "state1"));
    const second = await step("/gh/app/cert", "second.env", join(gh.dir, "state2"));
    expect(parseGithubFile(gh.files.env)).toEqual({
      KEY: VALUES["/gh/app/api_key"],
      CERT: VALUES["/gh/app/cert"],
    });
    const post = async (env: Record<string, string>, state: string) => {
      expect((await runBundle("github-post", [], { env: { ...env, ...githubPostEnv(state) } })).code).toBe(0);
    };
    await post(second, join(gh.dir, "state2"));
    expect(existsSync(join(gh.dir, "second.env"))).toBe(false);
    expect(existsSync(join(gh.dir, "first.env"))).toBe(true);
    await post(first, join(gh.dir, "state1"));
    expect(existsSync(join(gh.dir, "first.env"))).toBe(false);
  });
});
