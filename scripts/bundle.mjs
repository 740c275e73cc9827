// Bundles each compiled entrypoint in build/ into dist/<name>/ with ncc's API.
// tsc compiles first (ncc cannot load the native TypeScript 7 compiler); ncc only sees JavaScript.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const ncc = createRequire(import.meta.url)("@vercel/ncc");

const entries = {
  cli: "build/plugins/cli/index.js",
  github: "build/plugins/github/index.js",
  "github-post": "build/plugins/github/post-index.js",
  drone: "build/plugins/drone/index.js",
  harness: "build/plugins/harness/index.js",
};

for (const [name, entry] of Object.entries(entries)) {
  const { code, assets } = await ncc(resolve(entry), {
    minify: true,
    sourceMapRegister: false,
    quiet: true,
    cache: false,
    // ES builds first (the CLI cannot choose this): webpack tree-shakes the SSM client down to the
    // commands ssm-gate sends and splits the credential providers into lazy chunks, which takes
    // start-up from 212 ms to 200 ms on this machine.
    mainFields: ["module", "main"],
  });
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "index.js"), code, { mode: 0o755 });
  chmodSync(join(out, "index.js"), 0o755);
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), asset.source);
  }
}
