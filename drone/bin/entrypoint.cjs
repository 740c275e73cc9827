// The plugin image's entrypoint. Docker starts it as root, which Drone's root-owned workspace needs;
// where the workspace belongs to another user and that user can write every file the step must
// write, it runs ssm-gate as that user instead, so the plugin holds no more rights than the workspace
// needs and the env file belongs to the user of later steps. Started as non-root, it changes nothing.
"use strict";
const { statSync } = require("node:fs");
const { dirname, isAbsolute, join } = require("node:path");
const { pathToFileURL } = require("node:url");

const env = process.env;
const platform = env.SSM_GATE_PLATFORM || "drone";
if (platform !== "drone" && platform !== "harness") {
  process.stderr.write(`error: SSM_GATE_PLATFORM must be drone or harness, not '${platform}'\n`);
  process.exit(2);
}

/** Whether uid/gid (with no other groups) may write `path`, or create it in its folder. */
function canWrite(path, uid, gid) {
  let st;
  try {
    st = statSync(path);
  } catch {
    const parent = dirname(path);
    return parent !== path && canCreateIn(parent, uid, gid);
  }
  return st.isDirectory() ? canCreateIn(path, uid, gid) : allows(st, uid, gid, 0o2);
}
const canCreateIn = (dir, uid, gid) => {
  try {
    return allows(statSync(dir), uid, gid, 0o3);
  } catch {
    return false;
  }
};
/** The rwx class of `st` that applies to uid/gid has all of `bits` (2: write, 1: search). */
function allows(st, uid, gid, bits) {
  const shift = st.uid === uid ? 6 : st.gid === gid ? 3 : 0;
  return ((st.mode >> shift) & bits) === bits;
}

/** The workspace owner, when ssm-gate can run as them: not root, and every output writable. */
function workspaceOwner() {
  const workspace = env.DRONE_WORKSPACE || process.cwd();
  let owner;
  try {
    owner = statSync(workspace);
  } catch {
    return undefined;
  }
  if (owner.uid === 0) return undefined;
  const inWorkspace = (p) => (isAbsolute(p) ? p : join(workspace, p));
  const outputs = [
    env.PLUGIN_ENV_FILE && env.PLUGIN_ENV_FILE !== "-" ? inWorkspace(env.PLUGIN_ENV_FILE) : workspace,
    env.PLUGIN_REPORT && inWorkspace(env.PLUGIN_REPORT),
    env.DRONE_OUTPUT,
    env.HARNESS_OUTPUT_SECRET_FILE,
    env.ERROR_METADATA_FILE,
    env.DRONE_CARD_PATH && env.DRONE_CARD_PATH !== "/dev/stdout" ? env.DRONE_CARD_PATH : undefined,
  ].filter(Boolean);
  return outputs.every((p) => canWrite(p, owner.uid, owner.gid)) ? owner : undefined;
}

if (process.getuid() === 0) {
  const owner = workspaceOwner();
  if (owner) {
    process.setgroups([owner.gid]);
    process.setgid(owner.gid);
    process.setuid(owner.uid);
  }
}
import(pathToFileURL(join(__dirname, "..", platform, "index.js")).href);
