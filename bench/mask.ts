// Issue 3's masking benchmark: the streaming redactor on a 100 MB log with 1,000 registered secrets
// (all their forms), fed in random chunk sizes, beside `cat` (the ceiling) and a plain
// indexOf/replaceAll-per-pattern baseline; exec of a child printing 100 MB; peak memory on 1 GB.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Masker } from "../shared/mask/masker.js";
import { ensureMoto, startMoto } from "../test/support/moto.js";
import { ROOT } from "../test/support/run.js";
import { awsEnv, seed } from "../test/support/seed.js";
import { fmt, ratio, table, timed } from "./support.js";

const SECRETS = 1000;
const LOG_MB = 100;
const MB = 1024 * 1024;
const gen = join(ROOT, "bench", "gen-log.mjs");
const cli = join(ROOT, "dist", "cli", "index.js");

function makeSecrets(): string[] {
  return Array.from({ length: SECRETS }, (_, i) => `sk_${i}_${randomBytes(18).toString("base64url")}`);
}

export async function benchMask(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bench-mask-"));
  const secrets = makeSecrets();
  const secretsFile = join(dir, "secrets");
  writeFileSync(secretsFile, secrets.join("\n"));
  const logFile = join(dir, "log");
  spawnSync("bash", ["-c", `node ${gen} ${LOG_MB} > ${logFile}`], {
    env: { ...process.env, SECRETS_FILE: secretsFile },
  });
  const log = spawnSync("cat", [logFile], { maxBuffer: 2 * LOG_MB * MB }).stdout;

  const masker = new Masker();
  for (const [i, s] of secrets.entries()) masker.add(s, `/bench/s${i}`);
  const patterns = masker.patterns().size;

  // The redactor, fed in random chunk sizes (1 byte to 128 KiB).
  const redactor = masker.redactor();
  masker.redact("warm-up");
  let outBytes = 0;
  let masks = 0;
  const t0 = performance.now();
  for (let at = 0; at < log.length; ) {
    const size = 1 + Math.floor(Math.random() * 128 * 1024);
    const out = redactor.push(log.subarray(at, at + size));
    outBytes += out.length;
    at += size;
  }
  outBytes += redactor.flush().length;
  const redactMs = performance.now() - t0;
  const redactMbps = log.length / MB / (redactMs / 1000);
  masks = log.length - outBytes > 0 ? 1 : 0;

  // The ceiling: cat through a pipe.
  const cat = await timed("bash", ["-c", `cat ${logFile} | cat > /dev/null`], {});
  const catMbps = LOG_MB / (cat.ms / 1000);

  // The baseline: indexOf-guarded replaceAll per pattern, on a 4 MB slice (on 100 MB it takes hours).
  const slice = log.subarray(0, 4 * MB).toString("utf8");
  const all = [...masker.patterns()].sort((a, b) => b.length - a.length);
  const t1 = performance.now();
  let text = slice;
  for (const p of all) if (text.indexOf(p) !== -1) text = text.replaceAll(p, "***");
  const baseMs = performance.now() - t1;
  const baseMbps = 4 / (baseMs / 1000);

  // exec: a child printing 100 MB, masked by ssm-gate vs the same child alone.
  const motoServer = await ensureMoto();
  const moto = await startMoto(motoServer);
  try {
    await seed(
      secrets.map((value, i) => ({ name: `/bench/mask/s${String(i).padStart(4, "0")}`, value })),
      moto.endpoint,
    );
    const env = { ...awsEnv(moto.endpoint), SECRETS_FILE: secretsFile };
    const specs = secrets.flatMap((_, i) => ["-p", `S${i}=/bench/mask/s${String(i).padStart(4, "0")}`]);
    // Medians of 3. "unmasked" is the same ssm-gate run (same fetch) whose child sends its output
    // elsewhere, so the difference is what streaming 100 MB through the redactor costs.
    const median3 = async (cmd: string, args: string[]) => {
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) ms.push((await timed(cmd, args, env)).ms);
      return ms.sort((a, b) => a - b)[1] as number;
    };
    const alone = await median3("bash", ["-c", `node ${gen} ${LOG_MB} > /dev/null`]);
    const unmasked = await median3("bash", [
      "-c",
      `node ${cli} exec ${specs.join(" ")} -- sh -c 'node ${gen} ${LOG_MB} > /dev/null'`,
    ]);
    const masked = await median3("bash", [
      "-c",
      `node ${cli} exec ${specs.join(" ")} -- node ${gen} ${LOG_MB} > /dev/null`,
    ]);
    const rssOf = (args: string[]) =>
      timed(process.execPath, [cli, "exec", ...specs, "--", ...args], env, true);
    const fetchRss = await rssOf(["true"]);
    const small = await rssOf(["bash", "-c", `node ${gen} ${LOG_MB}`]);
    const big = await rssOf(["bash", "-c", `node ${gen} 1024`]);

    const rows = [
      ["what", "MB/s", "vs baseline", "vs cat"],
      [
        `ssm-gate redactor (${SECRETS} secrets, ${patterns} patterns, random chunks)`,
        redactMbps.toFixed(0),
        ratio(redactMbps, baseMbps),
        ratio(redactMbps, catMbps),
      ],
      ["indexOf/replaceAll per pattern (4 MB slice)", baseMbps.toFixed(1), "1.00x", ratio(baseMbps, catMbps)],
      ["cat | cat (the ceiling)", catMbps.toFixed(0), ratio(catMbps, baseMbps), "1.00x"],
    ];
    void masks;
    return [
      `### Masking (${LOG_MB} MB log, ${SECRETS} secrets with all their forms)`,
      "",
      table(rows),
      "",
      `exec of a child printing ${LOG_MB} MB (medians of 3): ${fmt(masked)} with its output through ssm-gate's redactors, ${fmt(unmasked)} for the same ssm-gate run (start-up and fetching ${SECRETS} parameters included) with the child's output sent straight to /dev/null: ${ratio(masked, unmasked)}. The child alone: ${fmt(alone)}; masking adds ${fmt(masked - unmasked)} to it (${ratio(alone + masked - unmasked, alone)} of the child's own time).`,
      "",
      `Peak memory of ssm-gate exec with ${SECRETS} secrets registered: ${fetchRss.peakRssMb?.toFixed(0)} MB with a child that prints nothing, ${small.peakRssMb?.toFixed(0)} MB for ${LOG_MB} MB of output, ${big.peakRssMb?.toFixed(0)} MB for 1 GB (in ${fmt(big.ms)}).`,
    ].join("\n");
  } finally {
    await moto.stop();
  }
}
