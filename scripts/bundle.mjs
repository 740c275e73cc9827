// Bundles each compiled entrypoint in build/ into dist/<name>/index.js with ncc.
// tsc compiles first (ncc cannot load the native TypeScript 7 compiler); ncc only sees JavaScript.
import { execFileSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";

const entries = {
  cli: "build/plugins/cli/index.js",
  github: "build/plugins/github/index.js",
  "github-post": "build/plugins/github/post-index.js",
  drone: "build/plugins/drone/index.js",
  harness: "build/plugins/harness/index.js",
};

for (const [name, entry] of Object.entries(entries)) {
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  execFileSync("npx", ["ncc", "build", entry, "-o", out, "--minify", "--no-source-map-register", "--quiet"], {
    stdio: "inherit",
  });
  chmodSync(`${out}/index.js`, 0o755);
}
