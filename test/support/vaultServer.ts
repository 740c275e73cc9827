// A test server that speaks the documented Vault HTTP API, as much as ssm-gate uses: sys/health
// (sealed and standby codes), sys/internal/ui/mounts and sys/mounts, AppRole and JWT login,
// token lookup-self and revoke-self, KV v1 and v2 reads (with versions), namespaces
// (X-Vault-Namespace), X-Vault-Token checks, Vault's {"errors": [...]} bodies and status codes,
// and injected faults. No Vault server package is served to this machine; real node-vault drives it.
import { randomUUID } from "node:crypto";
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";

export interface VaultToken {
  policies: string[];
  /** Path prefixes (as API paths, like "secret/data/mev/prod/") this token may read. */
  read: string[];
  namespace: string;
}

interface Namespace {
  mounts: Map<string, { type: string; version: 1 | 2 }>;
  /** API path without version suffix -> versions (1-based), each a key/value map. */
  secrets: Map<string, Record<string, string>[]>;
  approles: Map<string, { secretId: string; read: string[] }>;
  jwtRoles: Map<string, { jwt: string; read: string[] }>;
}

export interface VaultRequest {
  method: string;
  path: string;
  namespace: string | undefined;
  hadToken: boolean;
}

export class VaultTestServer {
  readonly tokens = new Map<string, VaultToken>();
  readonly requests: VaultRequest[] = [];
  readonly revoked: string[] = [];
  sealed = false;
  standby = false;
  /** The next N requests (other than sys/health) answer with this status. */
  failNext: { status: number; count: number } | undefined;
  /** What the fake runner OIDC endpoint hands out. */
  oidc: { requestToken: string; jwt: string } | undefined;
  private readonly namespaces = new Map<string, Namespace>();
  private server: Server | undefined;

  constructor(private readonly tls?: { key: string; cert: string }) {}

  get address(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `${this.tls ? "https" : "http"}://127.0.0.1:${port}`;
  }

  private ns(name = ""): Namespace {
    let ns = this.namespaces.get(name);
    if (!ns) {
      ns = { mounts: new Map(), secrets: new Map(), approles: new Map(), jwtRoles: new Map() };
      this.namespaces.set(name, ns);
    }
    return ns;
  }

  mount(namespace: string, path: string, version: 1 | 2): this {
    this.ns(namespace).mounts.set(path.endsWith("/") ? path : `${path}/`, { type: "kv", version });
    return this;
  }

  /** Writes a new version of a secret at a logical path (`secret/mev/prod/rpc/primary`). */
  put(namespace: string, path: string, data: Record<string, string>): this {
    const ns = this.ns(namespace);
    const versions = ns.secrets.get(path) ?? [];
    versions.push(data);
    ns.secrets.set(path, versions);
    return this;
  }

  approle(namespace: string, roleId: string, secretId: string, read: string[]): this {
    this.ns(namespace).approles.set(roleId, { secretId, read });
    return this;
  }

  jwtRole(namespace: string, role: string, jwt: string, read: string[]): this {
    this.ns(namespace).jwtRoles.set(role, { jwt, read });
    return this;
  }

  /** A token with read access to these logical path prefixes. */
  token(namespace: string, read: string[]): string {
    const token = `hvs.${randomUUID().replace(/-/g, "")}`;
    this.tokens.set(token, { policies: ["test"], read, namespace });
    return token;
  }

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.tls ? createHttps(this.tls, handler) : createHttp(handler);
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString() || "{}") : {};
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.replace(/^\/v1\//, "");
    const namespace = (req.headers["x-vault-namespace"] as string | undefined)?.replace(/^\/|\/$/g, "");
    const tokenHeader = req.headers["x-vault-token"] as string | undefined;
    this.requests.push({ method: req.method ?? "", path, namespace, hadToken: !!tokenHeader });
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(payload === undefined ? "" : JSON.stringify(payload));
    };
    const errors = (status: number, ...messages: string[]) => send(status, { errors: messages });

    // Not Vault: the GitHub runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), for JWT tests.
    if (url.pathname === "/oidc-token") {
      const ok = req.headers.authorization === `Bearer ${this.oidc?.requestToken}`;
      return ok ? send(200, { value: this.oidc?.jwt }) : send(401, { message: "bad request token" });
    }
    if (path === "sys/health") {
      const status = this.sealed ? 503 : this.standby ? 429 : 200;
      return send(status, {
        initialized: true,
        sealed: this.sealed,
        standby: this.standby,
        version: "1.17.0-test",
      });
    }
    if (this.sealed) return errors(503, "Vault is sealed");
    if (this.failNext && this.failNext.count > 0) {
      this.failNext.count--;
      return errors(
        this.failNext.status,
        this.failNext.status === 412 ? "required index state not present" : "injected fault",
      );
    }
    if (namespace !== undefined && namespace !== "" && !this.namespaces.has(namespace)) {
      return errors(404, `no handler for route "${path}". route entry not found.`);
    }
    const ns = this.ns(namespace ?? "");

    if (req.method === "POST" && path === "auth/approle/login") {
      const role = ns.approles.get(body.role_id);
      if (!role || role.secretId !== body.secret_id) return errors(400, "invalid role or secret ID");
      return send(200, this.auth(namespace ?? "", role.read));
    }
    if (req.method === "POST" && path === "auth/jwt/login") {
      const role = ns.jwtRoles.get(body.role);
      if (!role) return errors(400, `role "${body.role}" could not be found`);
      if (role.jwt !== body.jwt) return errors(400, "error validating token: invalid audience (aud) claim");
      return send(200, this.auth(namespace ?? "", role.read));
    }

    const token = tokenHeader ? this.tokens.get(tokenHeader) : undefined;
    if (!token || token.namespace !== (namespace ?? "")) return errors(403, "permission denied");

    if (path === "auth/token/lookup-self") {
      return send(200, { data: { policies: token.policies, ttl: 3600, renewable: true } });
    }
    if (req.method === "POST" && path === "auth/token/revoke-self") {
      this.tokens.delete(tokenHeader as string);
      this.revoked.push(tokenHeader as string);
      res.writeHead(204);
      res.end();
      return;
    }
    if (path.startsWith("sys/internal/ui/mounts/")) {
      const logical = path.slice("sys/internal/ui/mounts/".length);
      const mount = [...ns.mounts].find(([m]) => `${logical}/`.startsWith(m));
      if (!mount)
        return errors(
          400,
          `preflight capability check returned 403, please ensure client's policies grant access to path "${logical}/"`,
        );
      return send(200, {
        data: { path: mount[0], type: mount[1].type, options: { version: String(mount[1].version) } },
      });
    }
    if (path === "sys/mounts") {
      return send(200, {
        data: Object.fromEntries(
          [...ns.mounts].map(([m, v]) => [m, { type: v.type, options: { version: String(v.version) } }]),
        ),
      });
    }
    // KV reads.
    const mount = [...ns.mounts].find(([m]) => path.startsWith(m));
    if (!mount || req.method !== "GET")
      return errors(404, `no handler for route "${path}". route entry not found.`);
    const [mountPath, info] = mount;
    let logical: string;
    if (info.version === 2) {
      if (!path.startsWith(`${mountPath}data/`)) return errors(404, "");
      logical = `${mountPath}${path.slice(`${mountPath}data/`.length)}`;
    } else logical = path;
    const allowed = token.read.some((prefix) => logical.startsWith(prefix));
    if (!allowed) return errors(403, "1 error occurred:\n\t* permission denied\n\n");
    const versions = ns.secrets.get(logical);
    if (!versions) return errors(404);
    if (info.version === 1) return send(200, { data: versions[versions.length - 1] });
    const wanted = url.searchParams.get("version");
    const n = wanted && wanted !== "0" ? Number(wanted) : versions.length;
    const data = versions[n - 1];
    if (!data) return errors(404);
    return send(200, {
      data: { data, metadata: { version: n, created_time: new Date().toISOString(), destroyed: false } },
    });
  }

  private auth(namespace: string, read: string[]) {
    const token = `hvs.${randomUUID().replace(/-/g, "")}`;
    this.tokens.set(token, { policies: ["default", "mev-bot-runtime"], read, namespace });
    return {
      auth: {
        client_token: token,
        accessor: randomUUID(),
        policies: ["default", "mev-bot-runtime"],
        lease_duration: 3600,
        renewable: true,
      },
    };
  }
}
