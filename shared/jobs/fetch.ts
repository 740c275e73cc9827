import type { FetchConfig } from "../config/config.js";
import { MissingParametersError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import type { Masker } from "../mask/masker.js";
import { checkReserved } from "../naming/envName.js";
import { toEnvEntries } from "../resolve.js";
import type { ParameterSpec, VaultSpec } from "../select/spec.js";
import { fetchSpecs } from "../ssm/fetch.js";
import type { SsmGateway } from "../ssm/gateway.js";
import { createGateway } from "../ssm/index.js";
import type { EnvEntry } from "../types.js";
import { fetchVaultFor } from "../vault/index.js";

export interface FetchContext {
  logger: Logger;
  masker: Masker;
  /** How the front door names the allow setting in errors (`--allow-env-names`, `allow_env_names`). */
  allowSetting: string;
  gateway?: SsmGateway;
  /** The environment VAULT_* variables are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A JWT for Vault's JWT auth (GitHub's OIDC token), asked for only when needed. */
  jwt?: () => Promise<string>;
}

export interface FetchResult {
  entries: EnvEntry[];
  /** Specs that found nothing but did not fail the run (optional, or on_missing warn/ignore). */
  missing: string[];
  requests: number;
  elapsedMs: number;
}

/**
 * Fetches the configured parameters, registers every value with the masker before anything is
 * logged, names them and checks the names. Writing them out is the caller's (each platform has its own files).
 */
export async function fetchEntries(config: FetchConfig, context: FetchContext): Promise<FetchResult> {
  const { logger, masker } = context;
  const started = performance.now();
  const gateway = context.gateway ?? createGateway(config);
  const vaultSpecs = config.parameters.filter((s): s is VaultSpec => s.kind === "vault");
  const ssmSpecs = config.parameters.filter((s) => s.kind !== "vault");
  const [ssm, vault] = await Promise.all([
    fetchSpecs(ssmSpecs, gateway),
    fetchVaultFor(vaultSpecs, config, context, () => gateway),
  ]);
  const outcome = {
    parameters: [...ssm.parameters, ...vault.parameters],
    missing: [...ssm.missing, ...vault.missing.map((m) => m.spec)],
  };
  const why = new Map<ParameterSpec, string>(vault.missing.map((m) => [m.spec, m.why]));
  const describeMissing = (spec: ParameterSpec) => {
    const text = describeSpec(spec);
    return why.has(spec) ? `${text} (${why.get(spec)})` : text;
  };
  for (const p of outcome.parameters) {
    if (masker.add(p.value, p.name).tooShort) {
      logger.warn(
        `the value of ${p.name} is shorter than ${masker.minLength} characters and is not masked in logs (masking it would garble every line that holds those characters)`,
      );
    }
  }

  const required = outcome.missing.filter((s) => !s.optional);
  if (required.length > 0 && config.onMissing === "fail") {
    throw new MissingParametersError(
      required.map(describeMissing),
      vaultSpecs.length > 0 ? "SSM or Vault" : "SSM",
    );
  }
  if (config.onMissing !== "ignore") {
    for (const spec of outcome.missing) {
      logger.warn(
        `not found in ${spec.kind === "vault" ? "Vault" : "SSM"}, skipped: ${describeMissing(spec)}`,
      );
    }
  }

  const entries = toEnvEntries(outcome.parameters, config.nameTransformation);
  checkReserved(entries, config.allowEnvNames, context.allowSetting);
  const elapsedMs = performance.now() - started;
  logger.debug(
    `${gateway.stats.requests} SSM requests (${gateway.stats.throttled} throttled, ${gateway.stats.retried} retried) in ${elapsedMs.toFixed(0)} ms`,
  );
  return {
    entries,
    missing: outcome.missing.map(describeMissing),
    requests: gateway.stats.requests,
    elapsedMs,
  };
}

function describeSpec(spec: ParameterSpec): string {
  if (spec.kind === "path")
    return `${spec.path === "/" ? "" : spec.path}/${spec.recursive ? "" : "*"} (nothing below it)`;
  if (spec.kind === "vault")
    return `vault:${spec.path}${spec.version ? `:${spec.version}` : ""}${spec.key ? `#${spec.key}` : ""}`;
  return spec.selector === undefined ? spec.name : `${spec.name}:${spec.selector}`;
}
