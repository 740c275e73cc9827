// The plugin image as Docker would run it, without a Docker engine (none runs here): the Dockerfile
// is read, its COPY lines lay the image's files out in a folder, and its ENTRYPOINT runs with its ENV
// on the Node.js major of its FROM line, as root (Docker's default) or as the step's user.
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoLeak } from "../support/leaks.js";
import { parseHarnessEnv } from "../support/platforms.js";
import { nodeFor, ROOT, runProcess } from "../support/run.js";
import { awsEnv, seed } from "../support/ssm.js";

const VALUE = "image-canary-7Hq2'x";
const STEP_USER = 1000; // the uid a Kubernetes runner's securityContext or a workspace owner often has

interface Image {
  from: string;
  env: Record<string, string>;
  entrypoint: string[];
  copies: [string, string][];
  other: string[];
}

/** Reads the Dockerfile's instructions (comments and line continuations as Docker treats them). */
function readDockerfile(platform: string): Image {
  const text = readFileSync(join(ROOT, "drone", "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const image: Image = { from: "", env: {}, entrypoint: [], copies: [], other: [] };
  const args: Record<string, string> = { PLATFORM: platform };
  const expand = (s: string, vars: Record<string, string>) =>
    s.replace(/\$\{?(\w+)\}?/g, (_, name: string) => vars[name] ?? `$${name}`);
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (!line || line.startsWith("#")) continue;
    const [instruction = "", ...rest] = line.split(/\s+/);
    const value = rest.join(" ");
    if (instruction === "FROM") image.from = value;
    else if (instruction === "ARG") args[value.split("=")[0] as string] ??= value.split("=")[1] ?? "";
    else if (instruction === "ENV") {
      const [key, ...v] = value.split("=");
      image.env[key as string] = expand(v.join("="), { ...args, ...image.env });
    } else if (instruction === "COPY") image.copies.push(rest as [string, string]);
    else if (instruction === "ENTRYPOINT") image.entrypoint = JSON.parse(value);
    else image.other.push(instruction);
  }
  return image;
}

/** The image's files in a folder: what COPY puts there, and the base image's node. */
function layOut(image: Image): string {
  const root = mkdtempSync(join(tmpdir(), "ssm-gate-image-"));
  chmodSync(root, 0o755);
  for (const [src, dest] of image.copies) cpSync(join(ROOT, src), join(root, dest), { recursive: true });
  mkdirSync(join(root, "usr/local/bin"), { recursive: true });
  try {
    linkSync(nodeFor("drone"), join(root, "usr/local/bin/node"));
  } catch {
    copyFileSync(nodeFor("drone"), join(root, "usr/local/bin/node"));
  }
  return root;
}

/** `docker run` of the image: ENTRYPOINT with the image's ENV plus the step's, as `uid`. */
function dockerRun(root: string, image: Image, env: Record<string, string>, cwd: string, uid?: number) {
  const [cmd, ...args] = image.entrypoint.map((a) => (a.startsWith("/") ? join(root, a) : a));
  const imageEnv = { ...image.env };
  imageEnv.PATH = (imageEnv.PATH ?? "$PATH")
    .replace("/plugin/bin", join(root, "plugin/bin"))
    .replace("$PATH", `${join(root, "usr/local/bin")}:/usr/bin:/bin`);
  const node = join(root, "usr/local/bin/node");
  return runProcess(cmd === "node" ? node : (cmd as string), args, {
    cwd,
    env: { ...imageEnv, HOME: "/root", ...env },
    uid,
  });
}

/** A workspace folder (and its parent) any user can reach, owned by `owner`. */
function workspace(owner = 0): string {
  const dir = mkdtempSync(join(tmpdir(), "ssm-gate-ws-"));
  chmodSync(dir, 0o755);
  chownSync(dir, owner, owner);
  return dir;
}

const drone = (ws: string, settings: Record<string, string>) => ({
  ...awsEnv(),
  DRONE: "true",
  DRONE_WORKSPACE: ws,
  ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [`PLUGIN_${k.toUpperCase()}`, v])),
});

beforeAll(async () => {
  await seed([{ name: "/img/ci/token", value: VALUE }]);
});

describe("drone/Dockerfile", () => {
  const image = readDockerfile("drone");

  it("is a current Node LTS image with only COPY, ENV and ENTRYPOINT, run on the Node it names", async () => {
    expect(image.from).toMatch(/^node:\d+-alpine$/);
    expect(image.other.filter((i) => i !== "FROM" && i !== "ARG")).toEqual([]);
    const major = /^node:(\d+)/.exec(image.from)?.[1];
    const r = await dockerRun(layOut(image), { ...image, entrypoint: ["node", "--version"] }, {}, ROOT);
    expect(r.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
    expect(Number(major) % 2).toBe(0); // even majors become LTS
  });
});

// Changing users needs root, as Docker has when it starts a container; CI runs as root.
describe.runIf(process.getuid?.() === 0)("the plugin image, run as Docker runs it", () => {
  const image = readDockerfile("drone");
  const root = layOut(image);

  it("stays root in Drone's root-owned workspace and writes the 0600 env file there", async () => {
    const ws = workspace(0);
    const r = await dockerRun(root, image, drone(ws, { parameters: "/img/ci/token" }), ws);
    expect(r.code, r.stderr).toBe(0);
    const file = join(ws, "ssm-gate.env");
    expect(statSync(file).uid).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseDotenv(readFileSync(file))).toEqual({ TOKEN: VALUE });
    expectNoLeak(r.stdout + r.stderr, [VALUE], "the step log");
  });

  it("runs as the workspace's owner where the workspace allows, with the CLI on PATH", async () => {
    const ws = workspace(STEP_USER);
    const settings = {
      parameters: "/img/ci/token",
      run: 'echo "uid=$(id -u)"; ssm-gate --version; echo "$TOKEN"',
    };
    const r = await dockerRun(root, image, drone(ws, settings), ws);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`uid=${STEP_USER}`);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/m);
    expectNoLeak(r.stdout + r.stderr, [VALUE], "the step log");

    const r2 = await dockerRun(root, image, drone(ws, { parameters: "/img/ci/token" }), ws);
    expect(r2.code, r2.stderr).toBe(0);
    expect(statSync(join(ws, "ssm-gate.env")).uid).toBe(STEP_USER);
  });

  it("stays root when the workspace's owner could not write a file the step must write", async () => {
    const ws = workspace(STEP_USER);
    const rootOnly = workspace(0);
    chmodSync(rootOnly, 0o700);
    const harness = readDockerfile("harness");
    const env = {
      ...drone(ws, { parameters: "/img/ci/token" }),
      DRONE_OUTPUT: join(rootOnly, "output.env"),
    };
    const r = await dockerRun(root, harness, env, ws);
    expect(r.code, r.stderr).toBe(0);
    expect(parseHarnessEnv(join(rootOnly, "output.env"))).toMatchObject({
      SSM_GATE_STATUS: "pass",
      SSM_GATE_COUNT: "1",
      SSM_GATE_NAMES: "TOKEN",
    });
    expect(statSync(join(ws, "ssm-gate.env")).uid).toBe(0);
  });

  it("runs as the step's user when started as one (Kubernetes runAsUser, docker --user)", async () => {
    const ws = workspace(STEP_USER);
    const r = await dockerRun(root, image, drone(ws, { parameters: "/img/ci/token" }), ws, STEP_USER);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(ws, "ssm-gate.env")).uid).toBe(STEP_USER);

    const denied = workspace(0);
    const r2 = await dockerRun(
      root,
      image,
      drone(denied, { parameters: "/img/ci/token" }),
      denied,
      STEP_USER,
    );
    expect(r2.code).toBe(5);
    expect(r2.stderr).toContain(`cannot write ${join(denied, "ssm-gate.env")}: EACCES: permission denied`);
  });

  it("refuses an unknown SSM_GATE_PLATFORM with exit 2", async () => {
    const ws = workspace(0);
    const r = await dockerRun(
      root,
      { ...image, env: { ...image.env, SSM_GATE_PLATFORM: "jenkins" } },
      {},
      ws,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SSM_GATE_PLATFORM must be drone or harness, not 'jenkins'");
  });
});
