import { UsageError } from "../errors.js";

export const NAME_TRANSFORMATIONS = ["upper", "lower", "none"] as const;
export type NameTransformation = (typeof NAME_TRANSFORMATIONS)[number];

/** Turns the part of a parameter name that names the variable into an env name. */
export function toEnvName(relative: string, transformation: NameTransformation, prefix = ""): string {
  let name = relative.replace(/^\/+/, "").replace(/[^A-Za-z0-9_]/g, "_");
  if (transformation === "upper") name = name.toUpperCase();
  else if (transformation === "lower") name = name.toLowerCase();
  name = prefix + name;
  // A shell identifier cannot start with a digit; `_` keeps it sourceable.
  return /^[0-9]/.test(name) || name === "" ? `_${name}` : name;
}

/** The last segment of a parameter name: `/a/b/github_token` -> `github_token`. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/** A parameter's name relative to the path it was found under. */
export function relativeTo(path: string, name: string): string {
  const base = path === "/" ? "/" : `${path}/`;
  return name.startsWith(base) ? name.slice(base.length) : lastSegment(name);
}

// Names that change how later processes start or how the CI runner behaves. Overwriting one from a
// parameter could run code or redirect the pipeline, so each needs an explicit allow.
const RESERVED_NAMES = new Set([
  "PATH",
  "NODE_OPTIONS",
  "NODE_PATH",
  "NODE_EXTRA_CA_CERTS",
  "BASH_ENV",
  "ENV",
  "PROMPT_COMMAND",
  "PS4",
  "IFS",
  "SHELLOPTS",
  "BASHOPTS",
  "CDPATH",
  "GLOBIGNORE",
  "HOME",
  "SHELL",
  "TMPDIR",
  "PYTHONPATH",
  "PYTHONSTARTUP",
  "PYTHONHOME",
  "PERL5OPT",
  "PERL5LIB",
  "RUBYOPT",
  "RUBYLIB",
  "JAVA_TOOL_OPTIONS",
  "_JAVA_OPTIONS",
  "JDK_JAVA_OPTIONS",
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_ASKPASS",
  "GIT_EXEC_PATH",
  "SSH_ASKPASS",
  "EDITOR",
  "VISUAL",
  "PAGER",
  "GCONV_PATH",
  "HOSTALIASES",
  "LOCALDOMAIN",
  "RES_OPTIONS",
  "NLSPATH",
  "CI",
]);
const RESERVED_PREFIXES = [
  "LD_",
  "DYLD_",
  "BASH_FUNC_",
  "GIT_CONFIG_",
  "GITHUB_",
  "RUNNER_",
  "ACTIONS_",
  "INPUT_",
  "STATE_",
  "DRONE_",
  "HARNESS_",
  "PLUGIN_",
  "NPM_CONFIG_",
];

/** The reserved rule a name falls under (`PATH`, `LD_*`), or undefined when it is free to use. */
export function reservedRule(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (RESERVED_NAMES.has(upper)) return upper;
  const prefix = RESERVED_PREFIXES.find((p) => upper.startsWith(p));
  return prefix === undefined ? undefined : `${prefix}*`;
}

/**
 * Whether `name` is matched by an allow entry: an exact name or a `PREFIX*` pattern. Case is
 * ignored, like the reserved rules: Windows runners treat `path` and `PATH` as one variable.
 */
export function isAllowed(name: string, allow: readonly string[]): boolean {
  const upper = name.toUpperCase();
  return allow.some((entry) => {
    const e = entry.toUpperCase();
    return e.endsWith("*") ? upper.startsWith(e.slice(0, -1)) : upper === e;
  });
}

/** Fails, naming each offending variable and its parameter, when reserved names are not allowed. */
export function checkReserved(
  entries: readonly { envName: string; source: string }[],
  allow: readonly string[],
  allowSetting: string,
): void {
  const refused = entries
    .filter((e) => !isAllowed(e.envName, allow) && reservedRule(e.envName) !== undefined)
    .map((e) => `${e.envName} (from ${e.source}; reserved: ${reservedRule(e.envName)})`);
  if (refused.length === 0) return;
  throw new UsageError(
    `refusing to set env names that change how later processes start or how CI behaves: ${refused.join(", ")}. ` +
      `Rename them with NAME=/parameter or PREFIX_=/path/, or allow them explicitly with ${allowSetting} (comma-separated names, or PREFIX* patterns).`,
  );
}
