// Issue 2's fetch benchmark: the built CLI against moto behind a proxy adding 25 ms per request,
// side by side with the AWS CLI in the same run. Prints figures; asserts nothing.
import { join } from "node:path";
import { FaultProxy, type FaultRules } from "../test/support/faultProxy.js";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { ensureAwsCli, fmt, ratio, table, timed } from "./support.js";

const LATENCY = 25;
const cli = join(ROOT, "dist", "cli", "index.js");
const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}/p${String(i).padStart(5, "0")}`);
const seedValue = (name: string) => ({ name, value: `value-of-${name}-${"x".repeat(40)}` });
const explicit = (list: readonly string[]) => list.map((n, i) => `N${i}=${n}`);

export async function benchFetch(): Promise<string> {
  const aws = ensureAwsCli();
  const motoServer = await ensureMoto();
  // moto scans every stored parameter on each call: the 10,000 go to a server of their own, so they
  // do not slow the other cases down.
  const [moto, bigMoto] = await Promise.all([startMoto(motoServer), startMoto(motoServer)]);
  const proxy = await new FaultProxy(moto.endpoint).start();
  try {
    const p100 = names("/bench/p100", 100);
    const p1000 = names("/bench/p1000", 1000);
    const p10k = names("/bench/p10k", 10_000);
    process.stderr.write("bench: seeding 11,100 parameters into moto...\n");
    await Promise.all([
      seed([...p100, ...p1000].map(seedValue), moto.endpoint),
      seed(p10k.map(seedValue), bigMoto.endpoint),
    ]);

    const env = { ...awsEnv(proxy.endpoint), AWS_DEFAULT_REGION: "us-east-1", AWS_PAGER: "" };
    const run = async (
      label: string,
      cmd: string,
      args: string[],
      rules: FaultRules = { latencyMs: LATENCY },
    ) => {
      proxy.setRules(rules);
      const t = await timed(cmd, args, env);
      if (t.code !== 0) throw new Error(`bench: ${label} failed (exit ${t.code}):\n${t.stderr}`);
      const throttled = proxy.stats.byOutcome.throttled ?? 0;
      process.stderr.write(`bench: ${label}: ${fmt(t.ms)}, ${proxy.stats.requests} requests\n`);
      return { ms: t.ms, requests: proxy.stats.requests, throttled };
    };
    const ours = (specs: readonly string[]) => [
      cli,
      "fetch",
      "--out",
      "/dev/null",
      ...specs.flatMap((s) => ["-p", s]),
    ];
    const awsArgs = (...args: string[]) => [
      "ssm",
      ...args,
      "--with-decryption",
      "--endpoint-url",
      proxy.endpoint,
      "--output",
      "json",
    ];
    const rows: string[][] = [
      [
        "case",
        "ssm-gate",
        "requests",
        "AWS CLI",
        "requests",
        "speed-up",
        "floor",
        "ssm-gate / floor",
        "ssm-gate, no latency",
      ],
    ];
    const row = async (label: string, specs: string[], awsCmd: string[], floor: number) => {
      const a = await run(`ssm-gate ${label}`, process.execPath, ours(specs));
      const z = await run(`ssm-gate ${label}, no latency`, process.execPath, ours(specs), {});
      const b = await run(`AWS CLI ${label}`, awsCmd[0] as string, awsCmd.slice(1));
      const f = floor || a.requests * LATENCY;
      rows.push([
        label,
        fmt(a.ms),
        String(a.requests),
        fmt(b.ms),
        String(b.requests),
        ratio(b.ms, a.ms),
        fmt(f),
        ratio(a.ms, f),
        fmt(z.ms),
      ]);
    };

    // (a) one path: vs aws ssm get-parameters-by-path --recursive
    for (const [path, count] of [
      ["/bench/p100", 100],
      ["/bench/p1000", 1000],
    ] as const) {
      await row(
        `(a) ${count} under one path`,
        [`${path}/`],
        [aws, ...awsArgs("get-parameters-by-path", "--path", path, "--recursive")],
        0,
      );
    }
    // (b) 500 known names: vs a shell loop of get-parameters, batches of 10
    {
      const list = p1000.slice(0, 500);
      const batches = Array.from({ length: 50 }, (_, i) => list.slice(i * 10, i * 10 + 10));
      const loop = batches
        .map((b) => [aws, ...awsArgs("get-parameters", "--names", ...b)].join(" "))
        .join(" >/dev/null && ");
      await row(
        "(b) 500 names",
        explicit(list),
        ["bash", "-c", `${loop} >/dev/null`],
        Math.ceil(50 / 10) * LATENCY,
      );
    }
    // (c) 100 names: vs one get-parameter per name (the operations document's wrapper)
    {
      const loop = p100
        .map((n) => [aws, ...awsArgs("get-parameter", "--name", n)].join(" "))
        .join(" >/dev/null && ");
      await row(
        "(c) 100 names",
        explicit(p100),
        ["bash", "-c", `${loop} >/dev/null`],
        Math.ceil(10 / 10) * LATENCY,
      );
    }

    // (d) 1,000 names behind a 40 requests/s token bucket: one holding a second of quota, and a
    // strict one holding a single token (any two requests closer than 25 ms: one is refused).
    const buckets = [];
    for (const burst of [40, 1]) {
      const d = await run(`1000 names at 40 rps, burst ${burst}`, process.execPath, ours(explicit(p1000)), {
        latencyMs: LATENCY,
        throttle: { rps: 40, burst },
      });
      const accepted = d.requests - d.throttled;
      const floor = (Math.max(0, accepted - burst) / 40) * 1000 + LATENCY;
      buckets.push(
        `- burst ${burst}: ${fmt(d.ms)}, ${d.requests} requests of which ${d.throttled} were throttled and retried, 0 failures; floor for this bucket ${fmt(floor)} (ratio ${ratio(d.ms, floor)}); against 100 requests / 40 per second = 2.50 s: ${ratio(d.ms, 2500)}.`,
      );
    }

    // (e) 10,000 parameters under one path: peak memory
    const e = await timed(process.execPath, ours(["/bench/p10k/"]), awsEnv(bigMoto.endpoint), true);
    if (e.code !== 0) throw new Error(`bench: 10,000 parameters failed:\n${e.stderr}`);

    return [
      `### Fetch (moto behind a proxy adding ${LATENCY} ms per request; each figure a whole process run)`,
      "",
      table(rows),
      "",
      "(d) 1,000 names behind a 40 requests/s token bucket:",
      ...buckets,
      "",
      `(e) 10,000 parameters under one path (moto direct, no proxy): ${fmt(e.ms)}, peak RSS ${e.peakRssMb?.toFixed(0)} MB.`,
      "",
      "Floors: (a) requests x latency, since the pages of one path are read one after another; (b), (c) ceil(batches / concurrency 10) x latency. The floors leave out process start-up and moto's own time; 'no latency' is the same ssm-gate run without the proxy's 25 ms, which shows those two.",
    ].join("\n");
  } finally {
    await proxy.stop();
    await Promise.all([moto.stop(), bigMoto.stop()]);
  }
}
