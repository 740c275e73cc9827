// The quick start's main job: a local moto seeded with the operations document's hierarchy, then
// the built CLI fetches it into an env file exactly as a pipeline would. Values are never shown.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { EXAMPLE_HIERARCHY } from "./example-hierarchy.js";

const outDir = join(ROOT, ".cache", "demo");
const out = join(outDir, "staging.env");
mkdirSync(outDir, { recursive: true });

process.stderr.write("demo: starting a local SSM (moto) on 127.0.0.1...\n");
const moto = await startMoto(await ensureMoto());
try {
  await seed(EXAMPLE_HIERARCHY, moto.endpoint);
  process.stderr.write(
    `demo: seeded ${EXAMPLE_HIERARCHY.length} parameters under /mev-beta/ at ${moto.endpoint}\n`,
  );
  const args = [
    "fetch",
    "--parameters",
    "/mev-beta/staging/",
    "--parameters",
    "CI_=/mev-beta/ci/",
    "--out",
    out,
  ];
  process.stderr.write(`demo: ssm-gate ${args.join(" ")}\n\n`);
  const run = spawnSync(process.execPath, [join(ROOT, "dist", "cli", "index.js"), ...args], {
    env: { ...process.env, ...awsEnv(moto.endpoint) },
    stdio: "inherit",
  });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
  else {
    const names = readFileSync(out, "utf8")
      .split("\n")
      .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
      .map((line) => line.slice(0, line.indexOf("=")));
    const mode = (statSync(out).mode & 0o777).toString(8);
    process.stderr.write(`\ndemo: ${out} (mode ${mode}) holds: ${names.join(" ")}\n`);
    // The pre-deploy gate: SSM against the example manifest, and the env file against SSM.
    const verifyArgs = [
      "verify",
      "--manifest",
      join(ROOT, "ssm-gate.example.yml"),
      "--target",
      `env-file:${out}`,
    ];
    process.stderr.write(`\ndemo: ssm-gate ${verifyArgs.join(" ")}\n`);
    const gate = spawnSync(process.execPath, [join(ROOT, "dist", "cli", "index.js"), ...verifyArgs], {
      env: { ...process.env, ...awsEnv(moto.endpoint) },
      stdio: "inherit",
    });
    if (gate.status !== 0) process.exitCode = gate.status ?? 1;
  }
} finally {
  await moto.stop();
}
