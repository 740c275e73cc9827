// Issue 2's fetch benchmark: the built CLI against moto behind a proxy adding 25 ms per request,
// side by side with the AWS CLI in the same run. Prints figures; asserts nothing.
import { join } from "node:path";
import { FaultProxy } from "../test/support/faultProxy.js";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { ensureAwsCli, fmt, ratio, table, timed } from "./support.js";

const LATENCY = 25;
const cli = join(ROOT, "dist", "cli", "index.js");
const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}/p${String(i).padStart(5, "0")}`);

export async function benchFetch(): Promise<string> {
  const aws = ensureAwsCli();
  const moto = await startMoto(await ensureMoto());
  const proxy = await new FaultProxy(moto.endpoint).start();
  const lines: string[] = [];
  try {
    const p100 = names("/bench/p100", 100);
    const p1000 = names("/bench/p1000", 1000);
    const p10k = names("/bench/p10k", 10_000);
    process.stderr.write("bench: seeding 11,100 parameters into moto...\n");
    await seed(
      [...p100, ...p1000, ...p10k].map((name) => ({ name, value: `value-of-${name}-${"x".repeat(40)}` })),
      moto.endpoint,
    );

    const env = { ...awsEnv(proxy.endpoint), AWS_PAGER: "", AWS_DEFAULT_REGION: "us-east-1" };
    const out = "/dev/null";
    const run = async (
      label: string,
      cmd: string,
      args: string[],
      rules = { latencyMs: LATENCY } as object,
      rss = false,
    ) => {
      proxy.setRules(rules);
      const t = await timed(cmd, args, env, rss);
      if (t.code !== 0) throw new Error(`bench: ${label} failed (exit ${t.code}):\n${t.stderr}`);
      process.stderr.write(`bench: ${label}: ${fmt(t.ms)}, ${proxy.stats.requests} requests\n`);
      return { ...t, requests: proxy.stats.requests, throttled: proxy.stats.byOutcome.throttled ?? 0 };
    };
    const ours = (specs: string[], extra: string[] = []) => [
      cli,
      "fetch",
      "--out",
      out,
      ...extra,
      ...specs.flatMap((s) => ["-p", s]),
    ];
    const rows: string[][] = [
      ["case", "ssm-gate", "requests", "AWS CLI", "requests", "speed-up", "floor", "ssm-gate / floor"],
    ];

    // (a) one path, 100 and 1,000 parameters
    for (const [path, count] of [
      ["/bench/p100", 100],
      ["/bench/p1000", 1000],
    ] as const) {
      const a = await run(`ssm-gate path ${count}`, process.execPath, ours([`${path}/`]));
      const b = await run(`aws get-parameters-by-path ${count}`, aws, [
        "ssm",
        "get-parameters-by-path",
        "--path",
        path,
        "--recursive",
        "--with-decryption",
        "--endpoint-url",
        proxy.endpoint,
        "--output",
        "json",
      ]);
      const floor = a.requests * LATENCY;
      rows.push([
        `(a) ${count} under one path`,
        fmt(a.ms),
        String(a.requests),
        fmt(b.ms),
        String(b.requests),
        ratio(b.ms, a.ms),
        fmt(floor),
        ratio(a.ms, floor),
      ]);
    }

    // (b) 500 known names: ours vs a shell loop of get-parameters batches of 10
    {
      const list = p1000.slice(0, 500);
      const a = await run("ssm-gate 500 names", process.execPath, ours(list.map((n, i) => `N${i}=${n}`)));
      const batches = Array.from({ length: 50 }, (_, i) => list.slice(i * 10, i * 10 + 10).join(" "));
      const script = `for b in ${batches.map((b) => `'${b}'`).join(" ")}; do "$AWS" ssm get-parameters --names $b --with-decryption --endpoint-url "$EP" --output json >/dev/null || exit 1; done`;
      const b = await run("aws get-parameters loop 500", "bash", [
        "-c",
        script.replace(/"\$AWS"/g, `"${aws}"`).replace(/"\$EP"/g, `"${proxy.endpoint}"`),
      ]);
      const floor = Math.ceil(50 / 10) * LATENCY;
      rows.push([
        "(b) 500 names, batches of 10",
        fmt(a.ms),
        String(a.requests),
        fmt(b.ms),
        String(b.requests),
        ratio(b.ms, a.ms),
        fmt(floor),
        ratio(a.ms, floor),
      ]);
    }

    // (c) 100 names: ours vs one get-parameter per name (the operations document's wrapper)
    {
      const a = await run("ssm-gate 100 names", process.execPath, ours(p100.map((n, i) => `N${i}=${n}`)));
      const script = p100
        .map(
          (n) =>
            `"${aws}" ssm get-parameter --name ${n} --with-decryption --endpoint-url "${proxy.endpoint}" --output json >/dev/null || exit 1`,
        )
        .join("\n");
      const b = await run("aws get-parameter x100", "bash", ["-c", script]);
      const floor = Math.ceil(10 / 10) * LATENCY;
      rows.push([
        "(c) 100 names vs get-parameter each",
        fmt(a.ms),
        String(a.requests),
        fmt(b.ms),
        String(b.requests),
        ratio(b.ms, a.ms),
        fmt(floor),
        ratio(a.ms, floor),
      ]);
    }

    // (d) 1,000 names behind a 40 requests/s token bucket (no burst beyond one request)
    const d = await run(
      "ssm-gate 1000 names at 40 rps",
      process.execPath,
      ours(p1000.map((n, i) => `N${i}=${n}`)),
      { latencyMs: LATENCY, throttle: { rps: 40, burst: 1 } },
    );
    const quotaFloor = ((d.requests - d.throttled - 1) / 40) * 1000 + LATENCY;

    // (e) 10,000 parameters under one path: peak memory
    const e = await run(
      "ssm-gate 10,000 parameters",
      process.execPath,
      ours(["/bench/p10k/"]),
      { latencyMs: 0 },
      true,
    );

    lines.push(`### Fetch (moto behind a proxy adding ${LATENCY} ms per request; process start to exit)\n`);
    lines.push(table(rows));
    lines.push("");
    lines.push(
      `(d) 1,000 names behind a 40 requests/s token bucket: ${fmt(d.ms)}, ${d.requests} requests of which ${d.throttled} throttled and retried, 0 failures; quota floor ${fmt(quotaFloor)}; ratio ${ratio(d.ms, quotaFloor)}.`,
    );
    lines.push(
      `(e) 10,000 parameters under one path (no added latency): ${fmt(e.ms)}, ${e.requests} requests, peak RSS ${e.peakRssMb?.toFixed(0)} MB.`,
    );
    lines.push("");
    lines.push(
      "Floors: (a) requests x latency, the pages must be read one after another; (b), (c) ceil(batches / concurrency 10) x latency; (d) the requests that passed, spaced at 40/s, plus one latency. Process start-up (about 0.1-0.2 s of node) is inside every ssm-gate figure.",
    );
    return lines.join("\n");
  } finally {
    await proxy.stop();
    await moto.stop();
  }
}
