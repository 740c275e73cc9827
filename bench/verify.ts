// Issue 5's benchmark: verify of 1,000 parameters with an env-file target, moto behind a proxy
// adding 25 ms per request. Prints request counts and wall time against the floor the API allows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FaultProxy } from "../test/support/faultProxy.js";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { fmt, ratio, timed } from "./support.js";

const COUNT = 1000;
const LATENCY = 25;

export async function benchVerify(): Promise<string> {
  const moto = await startMoto(await ensureMoto());
  const proxy = await new FaultProxy(moto.endpoint).start();
  try {
    const keys = Array.from({ length: COUNT }, (_, i) => `svc/p${String(i).padStart(4, "0")}`);
    const valueFor = (k: string) => `https://value.example/${k}/0123456789abcdef`;
    process.stderr.write(`bench: seeding ${COUNT} parameters into moto...\n`);
    await seed(
      keys.map((k) => ({ name: `/bench/verify/${k}`, value: valueFor(k) })),
      moto.endpoint,
    );
    const dir = mkdtempSync(join(tmpdir(), "bench-verify-"));
    writeFileSync(
      join(dir, "m.yml"),
      `prefix: /bench/verify/\ndefaults:\n  kms_key: alias/mev-beta-secrets\n  max_age_days: 30\n  pattern: ^https://\nparameters:\n${keys.map((k) => `  ${k}: {}`).join("\n")}\n`,
    );
    writeFileSync(
      join(dir, "rendered.env"),
      keys.map((k) => `${k.toUpperCase().replace(/\//g, "_")}='${valueFor(k)}'`).join("\n"),
    );
    const args = [
      join(ROOT, "dist", "cli", "index.js"),
      "verify",
      "--manifest",
      join(dir, "m.yml"),
      "--target",
      `env-file:${join(dir, "rendered.env")}`,
    ];

    proxy.setRules({});
    const direct = await timed(process.execPath, args, awsEnv(proxy.endpoint));
    proxy.setRules({ latencyMs: LATENCY });
    const t = await timed(process.execPath, args, awsEnv(proxy.endpoint));
    if (t.code !== 0) throw new Error(`bench: verify failed (exit ${t.code}):\n${t.stderr}`);
    const ops = proxy.stats.byOperation;
    const get = ops.GetParameters ?? 0;
    const describe = ops.DescribeParameters ?? 0;
    // Value batches of 10, 10 at a time; DescribeParameters takes 50 names a call (moto pages them by
    // 10, so 5 pages each, one after another); both phases run at once.
    const floor =
      Math.max(
        Math.ceil(get / 10),
        Math.ceil(Math.ceil(COUNT / 50) / 10) * Math.ceil(describe / Math.ceil(COUNT / 50)),
      ) * LATENCY;
    return [
      `### verify (${COUNT} parameters, env-file target, moto behind a proxy adding ${LATENCY} ms per request)`,
      "",
      `${fmt(t.ms)} wall, process start to exit; ${proxy.stats.requests} requests: ${get} GetParameters, ${describe} DescribeParameters. Floor for those requests at 10 in flight: ${fmt(floor)}; the same run without the added latency (start-up and moto's own time): ${fmt(direct.ms)}. Latency-only part against the floor: ${ratio(t.ms - direct.ms, floor)}.`,
    ].join("\n");
  } finally {
    await proxy.stop();
    await moto.stop();
  }
}
