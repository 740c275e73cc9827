import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** Faults the proxy injects; probabilities are per request, from a seeded generator. */
export interface FaultRules {
  /** Added before each request is answered. */
  latencyMs?: number;
  /** ThrottlingException by chance, or from a token bucket (rps refill, `burst` tokens at most). */
  throttle?: { probability: number } | { rps: number; burst?: number };
  /** A GetParametersByPath page cut short (fewer items, NextToken kept). */
  shortPages?: number;
  /** A GetParametersByPath page with no items but a NextToken. */
  emptyPages?: number;
  /** HTTP 500 InternalServerError. */
  serverErrors?: number;
  /** The connection closed without an answer. */
  drops?: number;
  /** The first N requests fail this way, before any probability applies. */
  failFirst?: { kind: "throttle" | "server-error" | "drop"; count: number };
  seed?: number;
}

export type Outcome = "forwarded" | "throttled" | "server-error" | "dropped" | "short-page" | "empty-page";

export interface ProxyStats {
  requests: number;
  byOperation: Record<string, number>;
  byOutcome: Partial<Record<Outcome, number>>;
  /** The access key id each signed request was signed with (which credentials the client used). */
  accessKeyIds: Set<string>;
}

/** mulberry32: a tiny seeded generator, so a failing fault test replays exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An HTTP proxy between the SSM client and moto that injects SSM's real-world faults. */
export class FaultProxy {
  stats: ProxyStats = { requests: 0, byOperation: {}, byOutcome: {}, accessKeyIds: new Set() };
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private random: () => number = Math.random;
  private tokens = 0;
  private lastRefill = 0;
  private failedFirst = 0;
  private rules: FaultRules = {};

  constructor(private readonly target: string) {}

  get endpoint(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}`;
  }

  /** Replaces the rules and zeroes the counters and the token bucket. */
  setRules(rules: FaultRules): void {
    this.rules = rules;
    this.random = seeded(rules.seed ?? 1);
    const bucket = rules.throttle && "rps" in rules.throttle ? rules.throttle : undefined;
    this.tokens = bucket ? (bucket.burst ?? bucket.rps) : 0;
    this.lastRefill = performance.now();
    this.failedFirst = 0;
    this.stats = { requests: 0, byOperation: {}, byOutcome: {}, accessKeyIds: new Set() };
  }

  async start(rules: FaultRules = {}): Promise<this> {
    this.setRules(rules);
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private count(operation: string, outcome: Outcome): void {
    this.stats.byOutcome[outcome] = (this.stats.byOutcome[outcome] ?? 0) + 1;
    this.stats.byOperation[operation] = (this.stats.byOperation[operation] ?? 0) + 1;
  }

  private takeToken(): boolean {
    const bucket = this.rules.throttle && "rps" in this.rules.throttle ? this.rules.throttle : undefined;
    if (!bucket) return true;
    const now = performance.now();
    this.tokens = Math.min(
      bucket.burst ?? bucket.rps,
      this.tokens + ((now - this.lastRefill) / 1000) * bucket.rps,
    );
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private pickFault(): "throttle" | "server-error" | "drop" | undefined {
    const { failFirst, throttle, serverErrors = 0, drops = 0 } = this.rules;
    if (failFirst && this.failedFirst < failFirst.count) {
      this.failedFirst++;
      return failFirst.kind;
    }
    if (throttle && "probability" in throttle && this.random() < throttle.probability) return "throttle";
    if (!this.takeToken()) return "throttle";
    if (this.random() < serverErrors) return "server-error";
    if (this.random() < drops) return "drop";
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    const target = String(req.headers["x-amz-target"] ?? "");
    // JSON protocols (SSM) name the operation in a header, query protocols (STS) in the form body.
    const action = target ? undefined : /(?:^|&)Action=(\w+)/.exec(body.toString("latin1"))?.[1];
    const operation = target.split(".").pop() || action || req.url || "?";
    const keyId = /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ""))?.[1];
    if (keyId) this.stats.accessKeyIds.add(keyId);
    this.stats.requests++;
    const fault = operation.startsWith("moto-api") ? undefined : this.pickFault();
    if (this.rules.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.rules.latencyMs));

    if (fault === "drop") {
      this.count(operation, "dropped");
      req.socket.destroy();
      return;
    }
    if (fault === "throttle" || fault === "server-error") {
      this.count(operation, fault === "throttle" ? "throttled" : "server-error");
      const [status, type, message] =
        fault === "throttle"
          ? [400, "ThrottlingException", "Rate exceeded"]
          : [500, "InternalServerError", "An internal error occurred"];
      res.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": "fault-proxy",
      });
      res.end(JSON.stringify({ __type: type, message }));
      return;
    }

    let outcome: Outcome = "forwarded";
    if (operation === "GetParametersByPath") {
      const input = JSON.parse(body.toString() || "{}") as { NextToken?: string; MaxResults?: number };
      if (this.random() < (this.rules.emptyPages ?? 0)) {
        this.count(operation, "empty-page");
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ Parameters: [], NextToken: input.NextToken ?? "0" }));
        return;
      }
      if (this.random() < (this.rules.shortPages ?? 0)) {
        // moto's NextToken is an offset, so a smaller MaxResults yields a true short page.
        input.MaxResults = 1 + Math.floor(this.random() * Math.max(1, (input.MaxResults ?? 10) - 1));
        body = Buffer.from(JSON.stringify(input));
        outcome = "short-page";
      }
    }
    this.count(operation, outcome);
    this.forward(req, body, res);
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.target);
    const headers = { ...req.headers, host: url.host, "content-length": String(body.length) };
    const upstream = request(url, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`fault proxy: upstream failed: ${error.message}`);
    });
    upstream.end(body);
  }
}
