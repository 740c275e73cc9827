import type { FetchConfig } from "../config/config.js";
import { createSsmClient } from "./client.js";
import { SsmGateway } from "./gateway.js";
import { AdaptiveLimiter } from "./limiter.js";

/** The gateway for one run, with the limits and retry budget of its config. */
export function createGateway(
  config: Pick<
    FetchConfig,
    "region" | "endpoint" | "concurrency" | "maxRps" | "maxAttempts" | "timeoutSeconds"
  >,
): SsmGateway {
  const client = createSsmClient({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    maxSockets: config.concurrency,
    requestTimeoutMs: 15_000,
  });
  const limiter = new AdaptiveLimiter({
    concurrency: config.concurrency,
    ...(config.maxRps !== undefined ? { maxRps: config.maxRps } : {}),
  });
  const endpoint =
    config.endpoint ??
    process.env.AWS_ENDPOINT_URL_SSM ??
    process.env.AWS_ENDPOINT_URL ??
    "the AWS SSM endpoint";
  return new SsmGateway(
    client,
    limiter,
    { maxAttempts: config.maxAttempts, deadline: performance.now() + config.timeoutSeconds * 1000 },
    endpoint,
  );
}
