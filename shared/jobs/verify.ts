import type { VerifyConfig } from "../config/config.js";
import type { Logger } from "../log/logger.js";
import type { Masker } from "../mask/masker.js";
import { relativeTo, toEnvName } from "../naming/envName.js";
import { type NameSpec, parseSpec, type VaultSpec } from "../select/spec.js";
import { type FetchedParameter, fetchSpecs } from "../ssm/fetch.js";
import type { SsmGateway } from "../ssm/gateway.js";
import { createGateway } from "../ssm/index.js";
import { fetchVaultFor } from "../vault/index.js";
import type { VaultOutcome } from "../vault/source.js";
import { checkParameter } from "../verify/checks.js";
import { envParity, nameParity, valueDrift } from "../verify/drift.js";
import { loadManifest } from "../verify/manifest.js";
import { buildReport, type VerifyReport } from "../verify/report.js";
import { readTargetValues, TargetError } from "../verify/targets.js";
import { loadTemplate, templateExpectations } from "../verify/template.js";
import type { Expectation, Finding } from "../verify/types.js";

export interface VerifyContext {
  logger: Logger;
  masker: Masker;
  /** Where VAULT_* variables are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A JWT for Vault's JWT auth (GitHub's OIDC token). */
  jwt?: () => Promise<string>;
  gateway?: SsmGateway;
  now?: Date;
}

/**
 * The staging sync gate: every expected parameter exists in SSM, is valid and current, and the
 * targets hold exactly what SSM holds. SSM errors propagate (exit 3: could not check); a target
 * that cannot be read is an `error` finding, so the report says what was checked.
 */
export async function runVerify(config: VerifyConfig, context: VerifyContext): Promise<VerifyReport> {
  const { logger, masker } = context;
  const now = context.now ?? new Date();
  const gateway = context.gateway ?? createGateway(config);

  let expectations: Expectation[];
  let prefix: string;
  let fetched: FetchedParameter[];
  let keyIds = new Map<string, string | undefined>();
  let vault: VaultOutcome;
  // vault: targets are read with the manifest's Vault entries, under one Vault login.
  const vaultTargets = new Map<VaultSpec, string>();
  for (const t of config.targets) {
    if (t.kind === "vault")
      vaultTargets.set({ kind: "vault", text: t.text, path: t.path, prefix: "", optional: true }, t.text);
  }
  const readVault = (specs: VaultSpec[]) =>
    fetchVaultFor([...specs, ...vaultTargets.keys()], config, context, () => gateway);
  if (config.source.kind === "manifest") {
    const manifest = await loadManifest(config.source.path, config.severity);
    ({ expectations, prefix } = manifest);
    const names = [...new Set(expectations.map((e) => e.name))];
    const specs: NameSpec[] = names
      .filter((n) => !n.startsWith("vault:"))
      .map((name) => ({ kind: "name", text: name, name, optional: true }));
    const vaultSpecs = names
      .filter((n) => n.startsWith("vault:"))
      .map((name) => ({ ...(parseSpec(name, config.source.path) as VaultSpec), optional: true }));
    // Values, KMS metadata and Vault at once: none of them waits for another.
    const withKey = [...new Set(expectations.filter((e) => e.kmsKey).map((e) => e.name))];
    let outcome: Awaited<ReturnType<typeof fetchSpecs>>;
    [outcome, keyIds, vault] = await Promise.all([
      fetchSpecs(specs, gateway),
      describe(gateway, withKey),
      readVault(vaultSpecs),
    ]);
    // A Vault value is checked under the manifest's own key for it.
    const vaultValues = vault.parameters
      .filter((p) => !vaultTargets.has(p.spec as VaultSpec))
      .map((p) => ({ ...p, name: p.spec.text }));
    fetched = [...outcome.parameters, ...vaultValues];
  } else {
    prefix = config.source.prefix;
    const template = await loadTemplate(config.source.path);
    const path = prefix.slice(0, -1) || "/";
    const spec = { kind: "path", text: prefix, path, recursive: true, prefix: "", optional: true } as const;
    [fetched, vault] = await Promise.all([
      fetchSpecs([spec], gateway).then((o) => o.parameters),
      readVault([]),
    ]);
    const byEnv = new Map(fetched.map((p) => [toEnvName(relativeTo(path, p.name), "upper"), p.name]));
    expectations = templateExpectations(template, prefix, byEnv, config.source.path, config.severity);
  }
  // The keys of each vault: target secret that exists, by the target's text.
  const vaultKeys = new Map<string, string[]>();
  for (const p of vault.parameters) {
    const text = vaultTargets.get(p.spec as VaultSpec);
    if (text !== undefined) vaultKeys.set(text, [...(vaultKeys.get(text) ?? []), p.key ?? ""]);
  }
  // Registered before anything is logged: no check below prints a value, but a bug must not leak one.
  for (const p of fetched) masker.add(p.value, p.name);
  const byName = new Map(fetched.map((p) => [p.name, p]));
  logger.info(
    `verify: ${expectations.length} parameters from ${config.source.path}; ${byName.size} found in SSM`,
  );

  const findings: Finding[] = [];
  for (const e of expectations)
    findings.push(...checkParameter(e, byName.get(e.name), keyIds.get(e.name), now));

  const values = new Map(fetched.map((p) => [p.name, p.value]));
  for (const target of config.targets) {
    try {
      if (target.kind === "vault") {
        const keys = vaultKeys.get(target.text);
        if (!keys) throw new TargetError(`${target.text}: no such secret in Vault`);
        const names = new Set(keys.map((k) => toEnvName(k, "upper")));
        findings.push(...envParity(expectations, names, target.path, target.text));
      } else if (target.kind === "ssm") {
        const other = await gateway.getParametersByPath(target.prefix.slice(0, -1) || "/", true);
        const names = new Set(other.map((p) => (p.Name ?? "").slice(target.prefix.length)));
        findings.push(...nameParity(expectations, prefix, names, target.prefix, target.text));
      } else {
        const targetValues = await readTargetValues(target);
        findings.push(...valueDrift(expectations, values, targetValues, target.text));
      }
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      findings.push({
        parameter: "",
        envName: "",
        check: "target",
        result: "error",
        detail: masker.redact(error.message),
        target: target.text,
      });
    }
  }
  return buildReport(findings, config.source.path, expectations.length, now);
}

function describe(gateway: SsmGateway, names: readonly string[]): Promise<Map<string, string | undefined>> {
  return names.length > 0 ? gateway.describeKeyIds(names) : Promise.resolve(new Map());
}
