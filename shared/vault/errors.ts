import { ExitCode, GateError, UnavailableError, UsageError } from "../errors.js";

interface VaultFailure {
  message?: string;
  code?: string;
  response?: { statusCode?: number; body?: { errors?: string[] } };
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/** HTTP status of a node-vault error, if Vault answered. */
export function statusOf(error: unknown): number | undefined {
  return (error as VaultFailure)?.response?.statusCode;
}

/** Vault's own first error message, or the transport's. Vault's messages name paths, never values. */
export function messageOf(error: unknown): string {
  const e = error as VaultFailure;
  const errors = e?.response?.body?.errors?.filter((m) => m.trim() !== "");
  if (errors && errors.length > 0) return errors.map((m) => m.replace(/\s+/g, " ").trim()).join("; ");
  return e?.code ?? e?.message ?? String(error);
}

/** Whether another attempt may succeed: Vault's standby and consistency codes, 5xx, the network. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined)
    return (
      status === 412 ||
      status === 429 ||
      status === 472 ||
      status === 473 ||
      (status >= 500 && status !== 501 && !isSealed(error))
    );
  return NETWORK_CODES.has((error as VaultFailure)?.code ?? "");
}

export function isSealed(error: unknown): boolean {
  return statusOf(error) === 503 && /sealed/i.test(messageOf(error));
}

/** A node-vault failure as the GateError a person can act on; `what` names the path or step. */
export function toGateError(error: unknown, addr: string, what: string): GateError {
  if (error instanceof GateError) return error;
  const status = statusOf(error);
  const code = (error as VaultFailure)?.code ?? "";
  const message = messageOf(error);
  if (TLS_CODES.has(code)) {
    return new UsageError(
      `cannot verify the TLS certificate of Vault at ${addr} (${code}): give the CA with vault_cacert / VAULT_CACERT`,
      { cause: error },
    );
  }
  if (isSealed(error)) return new UnavailableError(`Vault at ${addr} is sealed (${what})`, { cause: error });
  if (status === undefined)
    return new UnavailableError(`Vault unreachable at ${addr} (${what}): ${message}`, { cause: error });
  if (status === 403)
    return new GateError(`Vault at ${addr} denied ${what}: ${message}`, ExitCode.vaultDenied, {
      cause: error,
    });
  return new UnavailableError(`Vault at ${addr} failed ${what}: HTTP ${status}: ${message}`, {
    cause: error,
  });
}
