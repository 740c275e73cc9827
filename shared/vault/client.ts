import { readFileSync } from "node:fs";
import vault from "node-vault";
import type { VaultSettings } from "../config/config.js";
import { UsageError } from "../errors.js";
import type { Logger } from "../log/logger.js";
import { isRetryable, toGateError } from "./errors.js";

export type VaultClient = ReturnType<typeof vault>;

export interface VaultConnection {
  client: VaultClient;
  addr: string;
  namespace?: string;
  /** Runs a Vault call with bounded retries on 412, 429, 472/473, 5xx and dropped connections. */
  call<T>(what: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A node-vault client for VAULT_ADDR (or the setting), with the namespace, the CA and timeouts.
 * TLS verification is skipped only when the setting asks for it: node-vault's own reading of
 * VAULT_SKIP_VERIFY is overridden, so an inherited variable cannot turn it off unnoticed.
 */
export function connect(
  settings: VaultSettings,
  logger: Logger,
  limits: { maxAttempts: number; timeoutSeconds: number },
  env: NodeJS.ProcessEnv = process.env,
): VaultConnection {
  const addr = (settings.addr ?? env.VAULT_ADDR ?? "").replace(/\/$/, "");
  if (addr === "") {
    throw new UsageError(
      "a vault: entry needs the Vault address: set vault_addr (--vault-addr) or VAULT_ADDR, like https://vault.example:8200",
    );
  }
  const namespace = settings.namespace ?? env.VAULT_NAMESPACE;
  const caPath = settings.caCert ?? env.VAULT_CACERT;
  let ca: string | undefined;
  if (caPath) {
    try {
      ca = readFileSync(caPath, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read the Vault CA certificate ${caPath} (vault_cacert / VAULT_CACERT): ${(error as NodeJS.ErrnoException).code}`,
      );
    }
  }
  if (settings.skipVerify)
    logger.warn(
      `TLS verification of Vault at ${addr} is OFF (vault_skip_verify): anyone on the path can read the secrets`,
    );
  const timeout = Math.min(30_000, limits.timeoutSeconds * 1000);
  const client = vault({
    apiVersion: "v1",
    endpoint: addr,
    ...(namespace ? { namespace } : {}),
    rpDefaults: { strictSSL: !settings.skipVerify, timeout },
    requestOptions: { strictSSL: !settings.skipVerify, ...(ca ? { ca } : {}), timeout },
  } as Parameters<typeof vault>[0]);
  // node-vault falls back to process.env for both; only what login() and `env` say may be sent.
  client.token = "";
  (client as { namespace?: string }).namespace = namespace ?? "";
  const deadline = performance.now() + limits.timeoutSeconds * 1000;
  const connection: VaultConnection = {
    client,
    addr,
    async call(what, fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn();
        } catch (error) {
          const delay = Math.floor(Math.random() * Math.min(5000, 100 * 2 ** (attempt - 1)));
          if (!isRetryable(error) || attempt >= limits.maxAttempts || performance.now() + delay > deadline) {
            throw toGateError(error, addr, what);
          }
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
  };
  if (namespace) connection.namespace = namespace;
  return connection;
}
