import { UsageError } from "../errors.js";

/** One line of a parameter selection, parsed. `text` is the line as the user wrote it. */
export type ParameterSpec = NameSpec | PathSpec | VaultSpec;

/** A Vault KV secret: every key of it, or one key (`#key`). */
export interface VaultSpec {
  kind: "vault";
  text: string;
  /** The logical path, mount included: `secret/mev/prod/rpc/primary`. */
  path: string;
  /** KV v2: a version of the secret. */
  version?: number;
  /** One key of the secret; otherwise every key. */
  key?: string;
  /** With `key`: an explicit env name (`ENV=vault:...#key`). */
  envName?: string;
  /** Without `key`: put before every env name derived from a key (`PREFIX_=vault:...`). */
  prefix: string;
  optional: boolean;
}

export interface NameSpec {
  kind: "name";
  text: string;
  name: string;
  /** SSM selector without the colon: a version ("3") or a label ("live"). */
  selector?: string;
  /** Explicit env name (`ENV=/name`); otherwise derived from the last segment. */
  envName?: string;
  optional: boolean;
}

export interface PathSpec {
  kind: "path";
  text: string;
  /** The path without its trailing slash ("/" for the root). */
  path: string;
  recursive: boolean;
  /** Put before every env name derived from this path (`PREFIX_=/path/`). */
  prefix: string;
  optional: boolean;
}

export const SPEC_SHAPE = `Expected one of:
  /path/to/name            one parameter; env name from its last segment
  /path/                   every parameter below the path, recursively
  /path/*                  direct children of the path only
  ENV_NAME=/path/to/name   one parameter under an explicit env name
  PREFIX_=/path/           a path, with PREFIX_ put before every env name
  /path/to/name:3          a version (or :label, a label) of one parameter
  vault:secret/path        every key of a Vault KV secret; env names from the keys
  vault:secret/path#key    one key of it (ENV=vault:secret/path#key: an explicit name)
  vault:secret/path:3      a version of a KV v2 secret
  ...?                     a trailing ? makes the entry optional
Lines starting with # and blank lines are ignored.`;

const NAME_CHARS = /^[A-Za-z0-9_.\-/]+$/;
const ENV_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VERSION = /^[1-9][0-9]{0,9}$/;
const LABEL = /^[A-Za-z._-][A-Za-z0-9._-]{0,99}$/;
const MAX_NAME_LENGTH = 1011;
const MAX_DEPTH = 15;

/** Splits a list setting: a JSON array, or items separated by newlines or commas. */
export function splitList(text: string, setting: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new UsageError(
        `${setting}: starts with '[' but is not a JSON array (${(error as Error).message}). Expected a JSON array of strings, or one entry per line or comma.`,
      );
    }
    if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== "string")) {
      throw new UsageError(`${setting}: expected a JSON array of strings, like ["/mev-beta/staging/"]`);
    }
    return parsed as string[];
  }
  return trimmed.split(/[\n,]/);
}

/** Parses every entry of a parameters setting; blank lines and # comments are dropped. */
export function parseSpecs(text: string, setting: string): ParameterSpec[] {
  const specs: ParameterSpec[] = [];
  for (const raw of splitList(text, setting)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line === "" || line.startsWith("#")) continue;
    specs.push(parseSpec(line, setting));
  }
  return specs;
}

/** Parses one entry; the error quotes it and shows the accepted shapes. */
export function parseSpec(line: string, setting: string): ParameterSpec {
  const fail = (why: string): never => {
    throw new UsageError(`${setting}: invalid entry '${line}': ${why}.\n${SPEC_SHAPE}`);
  };
  let body = line;
  const optional = body.endsWith("?");
  if (optional) body = body.slice(0, -1).trimEnd();

  let lhs: string | undefined;
  const eq = body.indexOf("=");
  if (eq !== -1) {
    lhs = body.slice(0, eq).trim();
    body = body.slice(eq + 1).trim();
    if (!ENV_IDENT.test(lhs)) {
      fail(`'${lhs}' before '=' is not an env name (letters, digits and _, not starting with a digit)`);
    }
  }
  if (body === "") fail("no parameter name or path");
  if (body.startsWith("vault:"))
    return parseVaultSpec(body.slice("vault:".length), line, lhs, optional, fail);
  if (/\s/.test(body)) fail("SSM names cannot contain spaces");

  if (body.endsWith("/*") || body.endsWith("/")) {
    const recursive = !body.endsWith("/*");
    const path = recursive ? body.slice(0, -1) : body.slice(0, -2);
    checkName(path === "" ? "/" : path, true, fail);
    return {
      kind: "path",
      text: line,
      path: path === "" ? "/" : path,
      recursive,
      prefix: lhs ?? "",
      optional,
    };
  }

  const colon = body.indexOf(":");
  const name = colon === -1 ? body : body.slice(0, colon);
  const selector = colon === -1 ? undefined : body.slice(colon + 1);
  checkName(name, false, fail);
  if (
    selector !== undefined &&
    !VERSION.test(selector) &&
    !(LABEL.test(selector) && !/^(aws|ssm)/i.test(selector))
  ) {
    fail(
      `'${selector}' after ':' is neither a version (a positive number) nor a label (letters, digits, . _ -, not starting with a digit, aws or ssm)`,
    );
  }
  const spec: NameSpec = { kind: "name", text: line, name, optional };
  if (selector !== undefined) spec.selector = selector;
  if (lhs !== undefined) spec.envName = lhs;
  return spec;
}

function checkName(name: string, isPath: boolean, fail: (why: string) => never): void {
  if (name === "/" && isPath) return;
  if (!NAME_CHARS.test(name)) fail("SSM names hold only letters, digits, _ . - and /");
  if (name.length > MAX_NAME_LENGTH) fail(`longer than ${MAX_NAME_LENGTH} characters`);
  if (name.includes("//")) fail("empty path segment ('//')");
  if (isPath && !name.startsWith("/")) fail("a path starts with '/'");
  if (name.split("/").length - 1 > MAX_DEPTH) fail(`deeper than ${MAX_DEPTH} levels`);
}

const VAULT_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;

function parseVaultSpec(
  body: string,
  line: string,
  lhs: string | undefined,
  optional: boolean,
  fail: (why: string) => never,
): VaultSpec {
  const hash = body.indexOf("#");
  const key = hash === -1 ? undefined : body.slice(hash + 1);
  let path = hash === -1 ? body : body.slice(0, hash);
  let version: number | undefined;
  const colon = path.lastIndexOf(":");
  if (colon !== -1) {
    const v = path.slice(colon + 1);
    if (!VERSION.test(v)) fail(`'${v}' after ':' is not a secret version (a positive number)`);
    version = Number(v);
    path = path.slice(0, colon);
  }
  if (!VAULT_PATH.test(path))
    fail("a Vault path is mount/path, like secret/mev/prod/rpc/primary (letters, digits, _ . -)");
  if (key !== undefined && (key === "" || /\s/.test(key)))
    fail("the key after '#' is empty or holds white space");
  const spec: VaultSpec = {
    kind: "vault",
    text: line,
    path,
    prefix: key === undefined ? (lhs ?? "") : "",
    optional,
  };
  if (version !== undefined) spec.version = version;
  if (key !== undefined) spec.key = key;
  if (key !== undefined && lhs !== undefined) spec.envName = lhs;
  return spec;
}
