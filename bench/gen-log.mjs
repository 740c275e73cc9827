// Writes SIZE_MB of log-like text to stdout in 64 KiB writes; every 40th line holds a value from
// the SECRETS_FILE (one per line) in a rotating form. Used as the child of the masking benchmarks.
import { readFileSync } from "node:fs";

const sizeMb = Number(process.argv[2] ?? "100");
const secrets = process.env.SECRETS_FILE
  ? readFileSync(process.env.SECRETS_FILE, "utf8").split("\n").filter(Boolean)
  : [];
const words =
  "deploy request handled route cache miss upstream latency user session retry block gas price nonce tx pool".split(
    " ",
  );
let seed = 1;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const forms = [
  (s) => s,
  (s) => Buffer.from(s).toString("base64"),
  (s) => JSON.stringify({ token: s }),
  (s) => encodeURIComponent(s),
];
// One block, generated once and written repeatedly: generation is not what is measured.
let block = "";
for (let line = 0; block.length < 4 * 1024 * 1024; line++) {
  let text = `2026-12-03T12:00:${String(line % 60).padStart(2, "0")}Z INFO`;
  for (let w = 0; w < 12; w++) text += ` ${words[rand(words.length)]}=${rand(100000)}`;
  if (secrets.length > 0 && line % 40 === 0)
    text += ` secret=${forms[line % forms.length](secrets[rand(secrets.length)])}`;
  block += `${text}\n`;
}
const buf = Buffer.from(block);
let left = sizeMb * 1024 * 1024;
const chunk = 64 * 1024;
let at = 0;
function write() {
  while (left > 0) {
    const n = Math.min(chunk, left, buf.length - at);
    const ok = process.stdout.write(buf.subarray(at, at + n));
    left -= n;
    at = (at + n) % buf.length;
    if (!ok) return process.stdout.once("drain", write);
  }
}
write();
