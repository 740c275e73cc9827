import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../../support/leaks.js";
import { ROOT, runBundle } from "../../support/run.js";
import { awsEnv, seed } from "../../support/ssm.js";

const CANARY = "canary-Tk9'x\"Qw7 $HOME &<z>";
const MULTI =
  "-----BEGIN CANARY-----\nQ2FuYXJ5TGluZU9uZUFCQ0RFRkdI\nQ2FuYXJ5TGluZVR3b0lKS0xNTk9Q\n-----END CANARY-----";
const fixture = join(ROOT, "test", "fixtures", "print-secrets.mjs");
const exec = (args: string[], env: Record<string, string> = {}) =>
  runBundle("cli", ["exec", "-p", "/exec/", ...args], { env: { ...awsEnv(), ...env } });

beforeAll(async () => {
  await seed([
    { name: "/exec/canary", value: CANARY },
    { name: "/exec/multi", value: MULTI },
  ]);
});

describe("ssm-gate exec", () => {
  it("runs the command with the values and masks every form it prints, on both streams", async () => {
    const r = await exec(["--", process.execPath, fixture, "CANARY", "MULTI"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("CANARY raw ***");
    expect(r.stderr).toContain("CANARY base64 ***");
    expect(r.stdout).toContain("done\n");
    expectNoLeak(r.stdout, [CANARY, MULTI], "stdout");
    expectNoLeak(r.stderr, [CANARY, MULTI], "stderr");
  });

  it("passes the child's exit code through", async () => {
    const r = await exec(["--", process.execPath, fixture], { EXIT_WITH: "7" });
    expect(r.code).toBe(7);
  });

  it("maps a signal that kills the child to 128 + N", async () => {
    const r = await exec(["--", "sh", "-c", "kill -TERM $$"]);
    expect(r.code).toBe(143);
  });

  it("forwards SIGTERM to the child and lets it finish", async () => {
    const script = "trap 'echo got-term; exit 5' TERM; echo ready; while :; do sleep 0.05; done";
    const r = await runBundle("cli", ["exec", "-p", "/exec/", "--", "sh", "-c", script], {
      env: awsEnv(),
      onSpawn: (child) => {
        child.stdout?.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) child.kill("SIGTERM");
        });
      },
    });
    expect(r.stdout).toContain("got-term");
    expect(r.code).toBe(5);
  });

  it("gives only the values with --pristine, else adds them to the environment", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, for sh to expand
    const show = ["--", "sh", "-c", 'echo "home=${HOME:-unset} canary-set=${CANARY:+yes}"'];
    const plain = await exec(show, { HOME: "/home/x" });
    expect(plain.stdout).toContain("home=/home/x canary-set=yes");
    const pristine = await exec(["--pristine", ...show], { HOME: "/home/x" });
    expect(pristine.stdout).toContain("home=unset canary-set=yes");
  });

  it("exits 127 with a clear error when the command does not exist, and 2 with no command", async () => {
    const r = await exec(["--", "no-such-command-ssm-gate"]);
    expect(r.code).toBe(127);
    expect(r.stderr).toContain("exec: command not found: no-such-command-ssm-gate");
    const none = await exec([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("exec: no command given");
  });

  it("writes nothing to disk", async () => {
    const { mkdtempSync, readdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const cwd = mkdtempSync(join(tmpdir(), "ssm-gate-exec-"));
    const r = await runBundle("cli", ["exec", "-p", "/exec/", "--", "true"], { cwd, env: awsEnv() });
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
