export const id = 320;
export const ids = [320];
export const modules = {

/***/ 7320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchVault: () => (/* binding */ fetchVault)
});

// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(2005);
;// CONCATENATED MODULE: ./build/shared/vault/errors.js

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
function statusOf(error) {
    return error?.response?.statusCode;
}
/** Vault's own first error message, or the transport's. Vault's messages name paths, never values. */
function messageOf(error) {
    const e = error;
    const errors = e?.response?.body?.errors?.filter((m) => m.trim() !== "");
    if (errors && errors.length > 0)
        return errors.map((m) => m.replace(/\s+/g, " ").trim()).join("; ");
    return e?.code ?? e?.message ?? String(error);
}
/** Whether another attempt may succeed: Vault's standby and consistency codes, 5xx, the network. */
function isRetryable(error) {
    const status = statusOf(error);
    if (status !== undefined)
        return (status === 412 ||
            status === 429 ||
            status === 472 ||
            status === 473 ||
            (status >= 500 && status !== 501 && !isSealed(error)));
    return NETWORK_CODES.has(error?.code ?? "");
}
function isSealed(error) {
    return statusOf(error) === 503 && /sealed/i.test(messageOf(error));
}
/** A node-vault failure as the GateError a person can act on; `what` names the path or step. */
function toGateError(error, addr, what) {
    if (error instanceof errors/* GateError */.ue)
        return error;
    const status = statusOf(error);
    const code = error?.code ?? "";
    const message = messageOf(error);
    if (TLS_CODES.has(code)) {
        return new errors/* UsageError */.eb(`cannot verify the TLS certificate of Vault at ${addr} (${code}): give the CA with vault_cacert / VAULT_CACERT`, { cause: error });
    }
    if (isSealed(error))
        return new errors/* UnavailableError */.hG(`Vault at ${addr} is sealed (${what})`, { cause: error });
    if (status === undefined)
        return new errors/* UnavailableError */.hG(`Vault unreachable at ${addr} (${what}): ${message}`, { cause: error });
    if (status === 403)
        return new errors/* GateError */.ue(`Vault at ${addr} denied ${what}: ${message}`, errors/* ExitCode */.yU.vaultDenied, {
            cause: error,
        });
    return new errors/* UnavailableError */.hG(`Vault at ${addr} failed ${what}: HTTP ${status}: ${message}`, {
        cause: error,
    });
}

;// CONCATENATED MODULE: ./build/shared/vault/auth.js


/** Logs in as the settings say; the token is registered with the masker the moment it exists. */
async function login(conn, settings, sources, masker) {
    const { env } = sources;
    const method = settings.auth !== "auto"
        ? settings.auth
        : env.VAULT_TOKEN
            ? "token"
            : settings.roleIdParam || env.VAULT_ROLE_ID
                ? "approle"
                : settings.jwtRole
                    ? "jwt"
                    : undefined;
    if (method === undefined) {
        throw new errors/* UsageError */.eb("no way to log in to Vault: set VAULT_TOKEN, or an AppRole (VAULT_ROLE_ID and VAULT_SECRET_ID, or vault_role_id_param and vault_secret_id_param), or vault_jwt_role");
    }
    if (method === "token") {
        const token = env.VAULT_TOKEN;
        if (!token)
            throw new errors/* UsageError */.eb("vault_auth is token, but VAULT_TOKEN is not set");
        masker.add(token, "VAULT_TOKEN");
        conn.client.token = token;
        return { token, own: false, method };
    }
    const body = method === "approle"
        ? await approleBody(settings, sources, masker)
        : await jwtBody(settings, sources, masker);
    const path = method === "approle" ? settings.approlePath : settings.jwtPath;
    let answer;
    try {
        answer = await conn.call(`${method} login`, () => conn.client.write(`auth/${path}/login`, body));
    }
    catch (error) {
        const cause = error.cause ?? error;
        const status = statusOf(cause);
        if (status === 400 || status === 403) {
            throw new errors/* GateError */.ue(`Vault at ${conn.addr} refused the ${method === "approle" ? "AppRole" : "JWT"} login at auth/${path}: ${messageOf(cause)}`, errors/* ExitCode */.yU.vaultAuth, { cause });
        }
        throw error instanceof errors/* GateError */.ue ? error : toGateError(error, conn.addr, `${method} login`);
    }
    const token = answer?.auth?.client_token;
    if (!token)
        throw new errors/* GateError */.ue(`Vault at ${conn.addr} answered the ${method} login without a token`, errors/* ExitCode */.yU.vaultAuth);
    masker.add(token, "the Vault token");
    conn.client.token = token;
    return { token, own: true, method };
}
async function approleBody(settings, sources, masker) {
    const fromSsm = [settings.roleIdParam, settings.secretIdParam].filter((p) => !!p);
    const values = new Map();
    if (fromSsm.length > 0) {
        if (!sources.ssm)
            throw new errors/* UsageError */.eb("AppRole credentials from SSM need the SSM client");
        const { parameters, invalid } = await sources.ssm().getParameters(fromSsm);
        if (invalid.length > 0) {
            throw new errors/* GateError */.ue(`AppRole credentials not found in SSM: ${invalid.join(", ")}`, errors/* ExitCode */.yU.missing);
        }
        for (const p of parameters)
            if (p.Name && p.Value !== undefined)
                values.set(p.Name, p.Value);
    }
    const roleId = settings.roleIdParam ? values.get(settings.roleIdParam) : sources.env.VAULT_ROLE_ID;
    const secretId = settings.secretIdParam ? values.get(settings.secretIdParam) : sources.env.VAULT_SECRET_ID;
    if (!roleId)
        throw new errors/* UsageError */.eb("AppRole login needs a role_id: VAULT_ROLE_ID or vault_role_id_param");
    if (!secretId)
        throw new errors/* UsageError */.eb("AppRole login needs a secret_id: VAULT_SECRET_ID or vault_secret_id_param");
    masker.add(roleId, "the AppRole role_id");
    masker.add(secretId, "the AppRole secret_id");
    return { role_id: roleId, secret_id: secretId };
}
async function jwtBody(settings, sources, masker) {
    if (!settings.jwtRole)
        throw new errors/* UsageError */.eb("JWT login needs the Vault role: vault_jwt_role");
    const jwt = sources.env.VAULT_JWT ?? (sources.jwt ? await sources.jwt() : undefined);
    if (!jwt)
        throw new errors/* UsageError */.eb("JWT login needs a token: VAULT_JWT, or GitHub's OIDC token (permissions: id-token: write)");
    masker.add(jwt, "the JWT");
    return { role: settings.jwtRole, jwt };
}
/** Revokes a token ssm-gate created; a failure is only a warning (the token expires anyway). */
async function revoke(conn, session) {
    if (!session.own)
        return undefined;
    try {
        await conn.client.write("auth/token/revoke-self", {});
        return undefined;
    }
    catch (error) {
        return `could not revoke the Vault token (it expires with its TTL): ${messageOf(error)}`;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/node-vault/src/index.js
var src = __webpack_require__(8096);
;// CONCATENATED MODULE: ./build/shared/vault/client.js




/**
 * A node-vault client for VAULT_ADDR (or the setting), with the namespace, the CA and timeouts.
 * TLS verification is skipped only when the setting asks for it: node-vault's own reading of
 * VAULT_SKIP_VERIFY is overridden, so an inherited variable cannot turn it off unnoticed.
 */
function connect(settings, logger, limits, env = process.env) {
    const addr = (settings.addr ?? env.VAULT_ADDR ?? "").replace(/\/$/, "");
    if (addr === "") {
        throw new errors/* UsageError */.eb("a vault: entry needs the Vault address: set vault_addr (--vault-addr) or VAULT_ADDR, like https://vault.example:8200");
    }
    const namespace = settings.namespace ?? env.VAULT_NAMESPACE;
    const caPath = settings.caCert ?? env.VAULT_CACERT;
    let ca;
    if (caPath) {
        try {
            ca = (0,external_node_fs_.readFileSync)(caPath, "utf8");
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`cannot read the Vault CA certificate ${caPath} (vault_cacert / VAULT_CACERT): ${error.code}`);
        }
    }
    if (settings.skipVerify)
        logger.warn(`TLS verification of Vault at ${addr} is OFF (vault_skip_verify): anyone on the path can read the secrets`);
    const timeout = Math.min(30_000, limits.timeoutSeconds * 1000);
    const client = src({
        apiVersion: "v1",
        endpoint: addr,
        ...(namespace ? { namespace } : {}),
        rpDefaults: { strictSSL: !settings.skipVerify, timeout },
        requestOptions: { strictSSL: !settings.skipVerify, ...(ca ? { ca } : {}), timeout },
    });
    // node-vault falls back to process.env for both; only what login() and `env` say may be sent.
    client.token = "";
    client.namespace = namespace ?? "";
    const deadline = performance.now() + limits.timeoutSeconds * 1000;
    const connection = {
        client,
        addr,
        async call(what, fn) {
            for (let attempt = 1;; attempt++) {
                try {
                    return await fn();
                }
                catch (error) {
                    const delay = Math.floor(Math.random() * Math.min(5000, 100 * 2 ** (attempt - 1)));
                    if (!isRetryable(error) || attempt >= limits.maxAttempts || performance.now() + delay > deadline) {
                        throw toGateError(error, addr, what);
                    }
                    await new Promise((resolve) => setTimeout(resolve, delay));
                }
            }
        },
    };
    if (namespace)
        connection.namespace = namespace;
    return connection;
}

;// CONCATENATED MODULE: ./build/shared/vault/source.js




/**
 * Reads every vault: entry. Logs in, finds each mount's KV version, reads each secret once, and
 * revokes the token it created when done, on failure too, unless asked to keep it.
 */
async function fetchVault(specs, settings, context) {
    const conn = connect(settings, context.logger, context.limits, context.env);
    const session = await login(conn, settings, context, context.masker);
    context.logger.debug(`logged in to Vault at ${conn.addr} with ${session.method}`);
    try {
        const mounts = new Map();
        const reads = new Map();
        const outcome = { parameters: [], missing: [] };
        const results = await Promise.all(specs.map(async (spec) => {
            const key = `${spec.path}@${spec.version ?? ""}`;
            if (!reads.has(key))
                reads.set(key, readSecret(conn, spec, settings, mounts));
            return [spec, await reads.get(key)];
        }));
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
    }
    finally {
        if (!settings.keepToken) {
            const warning = await revoke(conn, session);
            if (warning)
                context.logger.warn(warning);
        }
    }
}
/** The mount a path lives in and its KV version: asked once per mount, or taken from the setting. */
async function mountOf(conn, path, settings, cache) {
    const first = path.slice(0, path.indexOf("/") + 1);
    const cached = cache.get(first);
    if (cached)
        return cached;
    const lookup = (async () => {
        let info;
        try {
            info = await conn.call(`the mount of ${path}`, () => conn.client.read(`sys/internal/ui/mounts/${path}`));
        }
        catch (error) {
            const status = statusOf(error.cause);
            if (status === 400 || status === 404) {
                throw new errors/* UsageError */.eb(`no KV mount for ${path} at Vault ${conn.addr}${conn.namespace ? ` (namespace ${conn.namespace})` : ""}: ${messageOf(error.cause)}`);
            }
            if (settings.kvVersion !== "auto" && status === 403)
                return { path: first, version: Number(settings.kvVersion) };
            throw error;
        }
        const mountPath = info?.data?.path ?? first;
        if (info?.data?.type && info.data.type !== "kv" && info.data.type !== "generic") {
            throw new errors/* UsageError */.eb(`${mountPath} at Vault ${conn.addr} is a ${info.data.type} mount, not a KV secrets engine`);
        }
        const detected = info?.data?.options?.version === "2" ? 2 : 1;
        return {
            path: mountPath,
            version: settings.kvVersion === "auto" ? detected : Number(settings.kvVersion),
        };
    })();
    cache.set(first, lookup);
    return lookup;
}
async function readSecret(conn, spec, settings, mounts) {
    const mount = await mountOf(conn, spec.path, settings, mounts);
    if (spec.version !== undefined && mount.version === 1) {
        throw new errors/* UsageError */.eb(`vault:${spec.path}:${spec.version}: versions exist only in KV version 2; ${mount.path} is version 1`);
    }
    const rest = spec.path.slice(mount.path.length);
    const apiPath = mount.version === 2
        ? `${mount.path}data/${rest}${spec.version ? `?version=${spec.version}` : ""}`
        : spec.path;
    try {
        const answer = await conn.call(`reading ${spec.path}`, () => conn.client.read(apiPath));
        return (mount.version === 2 ? answer?.data?.data : answer?.data) ?? undefined;
    }
    catch (error) {
        if (statusOf(error.cause) === 404)
            return undefined;
        throw error;
    }
}


/***/ })

};
