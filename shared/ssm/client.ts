import { Agent as HttpAgent } from "node:http";
import { Agent } from "node:https";
import { SSMClient } from "@aws-sdk/client-ssm";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export interface SsmClientOptions {
  region?: string;
  endpoint?: string;
  /** Sockets kept open; matches the fetch concurrency so no request waits for a connection. */
  maxSockets: number;
  /** Per-request time limit; a hung connection fails and is retried instead of stalling the run. */
  requestTimeoutMs: number;
}

/**
 * An SSM client on the standard AWS chain (env, SSO, profiles, web identity, container, instance
 * metadata) for credentials, region and endpoint (`AWS_ENDPOINT_URL_SSM`), overridable by options.
 * The SDK's own retries are off: the gateway retries with one rate limiter for the whole run.
 */
export function createSsmClient(options: SsmClientOptions): SSMClient {
  // The bundled SDK announces its future Node floor on every run; that is noise in a CI log.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  return new SSMClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new Agent(agentOptions),
      connectionTimeout: Math.min(5000, options.requestTimeoutMs),
      requestTimeout: options.requestTimeoutMs,
    }),
  });
}
