import type { VaultSettings } from "../config/config.js";
import { ExitCode, GateError, UsageError } from "../errors.js";
import type { Masker } from "../mask/masker.js";
import type { SsmGateway } from "../ssm/gateway.js";
import type { VaultConnection } from "./client.js";
import { messageOf, statusOf, toGateError } from "./errors.js";

export interface Login {
  token: string;
  /** Whether ssm-gate created the token (and so revokes it), or was handed it. */
  own: boolean;
  method: "token" | "approle" | "jwt";
}

export interface AuthSources {
  env: NodeJS.ProcessEnv;
  /** For AppRole credentials kept in SSM, as the operations document bootstraps them. */
  ssm?: () => SsmGateway;
  /** A JWT for JWT auth when VAULT_JWT is not set (GitHub's OIDC token). */
  jwt?: () => Promise<string>;
}

/** Logs in as the settings say; the token is registered with the masker the moment it exists. */
export async function login(
  conn: VaultConnection,
  settings: VaultSettings,
  sources: AuthSources,
  masker: Masker,
): Promise<Login> {
  const { env } = sources;
  const method =
    settings.auth !== "auto"
      ? settings.auth
      : env.VAULT_TOKEN
        ? "token"
        : settings.roleIdParam || env.VAULT_ROLE_ID
          ? "approle"
          : settings.jwtRole
            ? "jwt"
            : undefined;
  if (method === undefined) {
    throw new UsageError(
      "no way to log in to Vault: set VAULT_TOKEN, or an AppRole (VAULT_ROLE_ID and VAULT_SECRET_ID, or vault_role_id_param and vault_secret_id_param), or vault_jwt_role",
    );
  }
  if (method === "token") {
    const token = env.VAULT_TOKEN;
    if (!token) throw new UsageError("vault_auth is token, but VAULT_TOKEN is not set");
    masker.add(token, "VAULT_TOKEN");
    conn.client.token = token;
    return { token, own: false, method };
  }
  const body =
    method === "approle"
      ? await approleBody(settings, sources, masker)
      : await jwtBody(settings, sources, masker);
  const path = method === "approle" ? settings.approlePath : settings.jwtPath;
  let answer: { auth?: { client_token?: string } };
  try {
    answer = await conn.call(`${method} login`, () => conn.client.write(`auth/${path}/login`, body));
  } catch (error) {
    const cause = (error as GateError).cause ?? error;
    const status = statusOf(cause);
    if (status === 400 || status === 403) {
      throw new GateError(
        `Vault at ${conn.addr} refused the ${method === "approle" ? "AppRole" : "JWT"} login at auth/${path}: ${messageOf(cause)}`,
        ExitCode.vaultAuth,
        { cause },
      );
    }
    throw error instanceof GateError ? error : toGateError(error, conn.addr, `${method} login`);
  }
  const token = answer?.auth?.client_token;
  if (!token)
    throw new GateError(
      `Vault at ${conn.addr} answered the ${method} login without a token`,
      ExitCode.vaultAuth,
    );
  masker.add(token, "the Vault token");
  conn.client.token = token;
  return { token, own: true, method };
}

async function approleBody(
  settings: VaultSettings,
  sources: AuthSources,
  masker: Masker,
): Promise<Record<string, string>> {
  const fromSsm = [settings.roleIdParam, settings.secretIdParam].filter((p): p is string => !!p);
  const values = new Map<string, string>();
  if (fromSsm.length > 0) {
    if (!sources.ssm) throw new UsageError("AppRole credentials from SSM need the SSM client");
    const { parameters, invalid } = await sources.ssm().getParameters(fromSsm);
    if (invalid.length > 0) {
      throw new GateError(`AppRole credentials not found in SSM: ${invalid.join(", ")}`, ExitCode.missing);
    }
    for (const p of parameters) if (p.Name && p.Value !== undefined) values.set(p.Name, p.Value);
  }
  const roleId = settings.roleIdParam ? values.get(settings.roleIdParam) : sources.env.VAULT_ROLE_ID;
  const secretId = settings.secretIdParam ? values.get(settings.secretIdParam) : sources.env.VAULT_SECRET_ID;
  if (!roleId) throw new UsageError("AppRole login needs a role_id: VAULT_ROLE_ID or vault_role_id_param");
  if (!secretId)
    throw new UsageError("AppRole login needs a secret_id: VAULT_SECRET_ID or vault_secret_id_param");
  masker.add(roleId, "the AppRole role_id");
  masker.add(secretId, "the AppRole secret_id");
  return { role_id: roleId, secret_id: secretId };
}

async function jwtBody(
  settings: VaultSettings,
  sources: AuthSources,
  masker: Masker,
): Promise<Record<string, string>> {
  if (!settings.jwtRole) throw new UsageError("JWT login needs the Vault role: vault_jwt_role");
  const jwt = sources.env.VAULT_JWT ?? (sources.jwt ? await sources.jwt() : undefined);
  if (!jwt)
    throw new UsageError(
      "JWT login needs a token: VAULT_JWT, or GitHub's OIDC token (permissions: id-token: write)",
    );
  masker.add(jwt, "the JWT");
  return { role: settings.jwtRole, jwt };
}

/** Revokes a token ssm-gate created; a failure is only a warning (the token expires anyway). */
export async function revoke(conn: VaultConnection, session: Login): Promise<string | undefined> {
  if (!session.own) return undefined;
  try {
    await conn.client.write("auth/token/revoke-self", {});
    return undefined;
  } catch (error) {
    return `could not revoke the Vault token (it expires with its TTL): ${messageOf(error)}`;
  }
}
