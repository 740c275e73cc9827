import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { parse as parseYaml } from "yaml";
import { ROOT } from "./run.js";

/**
 * The INPUT_* variables the runner gives a step of this action: every input of action.yml that has
 * a default, then the step's `with:` over them (names upper-cased, spaces to `_`, dashes kept).
 */
export function githubInputs(given: Record<string, string>): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  const name = (input: string) => `INPUT_${input.replace(/ /g, "_").toUpperCase()}`;
  for (const [input, spec] of Object.entries(action.inputs))
    if (spec.default !== undefined) env[name(input)] = String(spec.default);
  for (const [input, value] of Object.entries(given)) env[name(input)] = value;
  return env;
}

/**
 * The env and files the runner gives a JavaScript action step: empty file-command files in `dir`
 * (also RUNNER_TEMP), the action's inputs, and `base` (credentials, endpoints) under them.
 */
export function githubStep(dir: string, inputs: Record<string, string>, base: Record<string, string> = {}) {
  const files = {
    env: join(dir, "env"),
    output: join(dir, "output"),
    summary: join(dir, "summary"),
    state: join(dir, "state"),
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const env: Record<string, string> = {
    ...base,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_ENV: files.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: dir,
    ...githubInputs(inputs),
  };
  return { dir, files, env };
}

/** What the runner hands the post step: the main step's saved state as STATE_<name>. */
export function githubPostEnv(stateFile: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parseGithubFile(stateFile)).map(([k, v]) => [`STATE_${k}`, v]));
}

/** Reads a GitHub file command file (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE) as the runner does. */
export function parseGithubFile(path: string): Record<string, string> {
  const text = readFileSync(path, "utf8");
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
      out[name] = value.join("\n");
    } else if (line.includes("=")) {
      out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return out;
}

/** Reads a Harness `.env` output file as lite-engine does: dotenv, then `__B64__` values decoded. */
export function parseHarnessEnv(path: string): Record<string, string> {
  const parsed = parseDotenv(readFileSync(path));
  return Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => [
      k,
      v.startsWith("__B64__") ? Buffer.from(v.slice(7), "base64").toString() : v,
    ]),
  );
}

/** Reads a Harness `.out` output file (local Docker runner): `KEY VALUE` per line. */
export function parseHarnessOut(path: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(" ")), line.slice(line.indexOf(" ") + 1)]),
  );
}
