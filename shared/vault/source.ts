import type { VaultSettings } from "../config/config.js";
import { UsageError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { Masker } from "../mask/masker.js";
import type { VaultSpec } from "../select/spec.js";
import type { FetchedParameter } from "../ssm/fetch.js";
import { type AuthSources, login, revoke } from "./auth.js";
import { connect, type VaultConnection } from "./client.js";
import { messageOf, statusOf } from "./errors.js";

interface Mount {
  path: string;
  version: 1 | 2;
}

export interface VaultOutcome {
  parameters: FetchedParameter[];
  missing: { spec: VaultSpec; why: string }[];
}

/**
 * Reads every vault: entry. Logs in, finds each mount's KV version, reads each secret once, and
 * revokes the token it created when done, on failure too, unless asked to keep it.
 */
export async function fetchVault(
  specs: readonly VaultSpec[],
  settings: VaultSettings,
  context: {
    logger: Logger;
    masker: Masker;
    limits: { maxAttempts: number; timeoutSeconds: number };
  } & AuthSources,
): Promise<VaultOutcome> {
  const conn = connect(settings, context.logger, context.limits, context.env);
  const session = await login(conn, settings, context, context.masker);
  context.logger.debug(`logged in to Vault at ${conn.addr} with ${session.method}`);
  try {
    const mounts = new Map<string, Promise<Mount>>();
    const reads = new Map<string, Promise<Record<string, string> | undefined>>();
    const outcome: VaultOutcome = { parameters: [], missing: [] };
    const results = await Promise.all(
      specs.map(async (spec) => {
        const key = `${spec.path}@${spec.version ?? ""}`;
        if (!reads.has(key)) reads.set(key, readSecret(conn, spec, settings, mounts));
        return [spec, await reads.get(key)] as const;
      }),
    );
    for (const [spec, data] of results) {
      if (data === undefined) {
        outcome.missing.push({ spec, why: "no such secret" });
        continue;
      }
      const keys = spec.key === undefined ? Object.keys(data).sort() : [spec.key];
      if (spec.key !== undefined && !(spec.key in data)) {
        outcome.missing.push({ spec, why: `no key '${spec.key}' in the secret` });
        continue;
      }
      for (const k of keys) {
        const value = data[k];
        const text = typeof value === "string" ? value : JSON.stringify(value);
        context.masker.add(text, `vault:${spec.path}#${k}`);
        outcome.parameters.push({
          spec,
          name: `vault:${spec.path}#${k}`,
          key: k,
          value: text,
          type: "SecureString",
        });
      }
    }
    return outcome;
  } finally {
    if (!settings.keepToken) {
      const warning = await revoke(conn, session);
      if (warning) context.logger.warn(warning);
    }
  }
}

/** The mount a path lives in and its KV version: asked once per mount, or taken from the setting. */
async function mountOf(
  conn: VaultConnection,
  path: string,
  settings: VaultSettings,
  cache: Map<string, Promise<Mount>>,
): Promise<Mount> {
  const first = path.slice(0, path.indexOf("/") + 1);
  const cached = cache.get(first);
  if (cached) return cached;
  const lookup = (async (): Promise<Mount> => {
    let info: { data?: { path?: string; type?: string; options?: { version?: string } } };
    try {
      info = await conn.call(`the mount of ${path}`, () =>
        conn.client.read(`sys/internal/ui/mounts/${path}`),
      );
    } catch (error) {
      const status = statusOf((error as { cause?: unknown }).cause);
      if (status === 400 || status === 404) {
        throw new UsageError(
          `no KV mount for ${path} at Vault ${conn.addr}${conn.namespace ? ` (namespace ${conn.namespace})` : ""}: ${messageOf((error as { cause?: unknown }).cause)}`,
        );
      }
      if (settings.kvVersion !== "auto" && status === 403)
        return { path: first, version: Number(settings.kvVersion) as 1 | 2 };
      throw error;
    }
    const mountPath = info?.data?.path ?? first;
    if (info?.data?.type && info.data.type !== "kv" && info.data.type !== "generic") {
      throw new UsageError(
        `${mountPath} at Vault ${conn.addr} is a ${info.data.type} mount, not a KV secrets engine`,
      );
    }
    const detected = info?.data?.options?.version === "2" ? 2 : 1;
    return {
      path: mountPath,
      version: settings.kvVersion === "auto" ? detected : (Number(settings.kvVersion) as 1 | 2),
    };
  })();
  cache.set(first, lookup);
  return lookup;
}

async function readSecret(
  conn: VaultConnection,
  spec: VaultSpec,
  settings: VaultSettings,
  mounts: Map<string, Promise<Mount>>,
): Promise<Record<string, string> | undefined> {
  const mount = await mountOf(conn, spec.path, settings, mounts);
  if (spec.version !== undefined && mount.version === 1) {
    throw new UsageError(
      `vault:${spec.path}:${spec.version}: versions exist only in KV version 2; ${mount.path} is version 1`,
    );
  }
  const rest = spec.path.slice(mount.path.length);
  const apiPath =
    mount.version === 2
      ? `${mount.path}data/${rest}${spec.version ? `?version=${spec.version}` : ""}`
      : spec.path;
  try {
    const answer = await conn.call(`reading ${spec.path}`, () => conn.client.read(apiPath));
    return (mount.version === 2 ? answer?.data?.data : answer?.data) ?? undefined;
  } catch (error) {
    if (statusOf((error as { cause?: unknown }).cause) === 404) return undefined;
    throw error;
  }
}
