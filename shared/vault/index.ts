import type { VaultSettings } from "../config/config.js";
import type { Logger } from "../log/logger.js";
import type { Masker } from "../mask/masker.js";
import type { VaultSpec } from "../select/spec.js";
import type { SsmGateway } from "../ssm/gateway.js";
import type { VaultOutcome } from "./source.js";

/** The Vault read of one run, sharing its limits, masker and SSM client; nothing to do without specs. */
export async function fetchVaultFor(
  specs: readonly VaultSpec[],
  config: { vault: VaultSettings; maxAttempts: number; timeoutSeconds: number },
  context: { logger: Logger; masker: Masker; env?: NodeJS.ProcessEnv; jwt?: () => Promise<string> },
  ssm: () => SsmGateway,
): Promise<VaultOutcome> {
  if (specs.length === 0) return { parameters: [], missing: [] };
  // Loaded only when a vault: entry is there: node-vault and its HTTP client cost start-up time.
  const { fetchVault } = await import("./source.js");
  return fetchVault(specs, config.vault, {
    logger: context.logger,
    masker: context.masker,
    limits: config,
    env: context.env ?? process.env,
    ssm,
    ...(context.jwt ? { jwt: context.jwt } : {}),
  });
}
