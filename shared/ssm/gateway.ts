import {
  DescribeParametersCommand,
  type DescribeParametersCommandOutput,
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  GetParametersCommand,
  type GetParametersCommandOutput,
  type Parameter,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { UnavailableError, UsageError } from "../errors.js";
import { classifyFailure } from "./classify.js";
import type { AdaptiveLimiter } from "./limiter.js";
import { backoffDelay, type RetryOptions } from "./retry.js";

/** Counters of one run, for logs and benchmarks. */
export interface GatewayStats {
  requests: number;
  throttled: number;
  retried: number;
}

/** SSM's read calls, paced by one limiter and retried within one budget. */
export class SsmGateway {
  readonly stats: GatewayStats = { requests: 0, throttled: 0, retried: 0 };

  constructor(
    private readonly client: SSMClient,
    private readonly limiter: AdaptiveLimiter,
    private readonly retry: RetryOptions,
    private readonly describeEndpoint: string,
  ) {}

  /** Up to 10 names (with selectors); names SSM does not have come back in `invalid`. */
  async getParameters(names: readonly string[]): Promise<{ parameters: Parameter[]; invalid: string[] }> {
    const out = await this.call<GetParametersCommandOutput>(
      "GetParameters",
      names.join(", "),
      () => new GetParametersCommand({ Names: [...names], WithDecryption: true }),
    );
    return { parameters: out.Parameters ?? [], invalid: out.InvalidParameters ?? [] };
  }

  /**
   * Every parameter below `path`, following NextToken to the end. SSM's pages are "best effort":
   * a short or empty page with a NextToken is normal, so only a missing token ends the walk.
   */
  async getParametersByPath(path: string, recursive: boolean): Promise<Parameter[]> {
    const found = new Map<string, Parameter>();
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const out = await this.call<GetParametersByPathCommandOutput>(
        "GetParametersByPath",
        path,
        () =>
          new GetParametersByPathCommand({
            Path: path,
            Recursive: recursive,
            WithDecryption: true,
            MaxResults: 10,
            ...(token ? { NextToken: token } : {}),
          }),
      );
      for (const p of out.Parameters ?? []) if (p.Name) found.set(p.Name, p);
      nextToken = out.NextToken || undefined;
    } while (nextToken);
    return [...found.values()];
  }

  /**
   * The KMS key of each named parameter, from DescribeParameters: up to 50 names per call (the
   * filter's limit), pages of 50, every page to the end (pages are filled before filtering, so one
   * may be empty and still carry a NextToken).
   */
  async describeKeyIds(names: readonly string[]): Promise<Map<string, string | undefined>> {
    const keys = new Map<string, string | undefined>();
    const batches = Array.from({ length: Math.ceil(names.length / 50) }, (_, i) =>
      names.slice(i * 50, i * 50 + 50),
    );
    await Promise.all(
      batches.map(async (batch) => {
        let nextToken: string | undefined;
        do {
          const token = nextToken;
          const out = await this.call<DescribeParametersCommandOutput>(
            "DescribeParameters",
            `${batch.length} names`,
            () =>
              new DescribeParametersCommand({
                ParameterFilters: [{ Key: "Name", Option: "Equals", Values: batch }],
                MaxResults: 50,
                ...(token ? { NextToken: token } : {}),
              }),
          );
          for (const p of out.Parameters ?? []) if (p.Name) keys.set(p.Name, p.KeyId);
          nextToken = out.NextToken || undefined;
        } while (nextToken);
      }),
    );
    return keys;
  }

  private async call<T>(operation: string, subject: string, command: () => object): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let sentAt = 0;
      try {
        const result = await this.limiter.run((startedAt) => {
          sentAt = startedAt;
          this.stats.requests++;
          // biome-ignore lint/suspicious/noExplicitAny: every Command type fits client.send
          return this.client.send(command() as any) as Promise<T>;
        });
        this.limiter.onSuccess();
        return result;
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === "throttled") {
          this.stats.throttled++;
          this.limiter.onThrottle(sentAt);
        }
        const message = describe(error);
        if (/Region is missing/i.test(message)) {
          throw new UsageError("no AWS region: set --region (region setting) or AWS_REGION", {
            cause: error,
          });
        }
        if ((error as Error)?.name === "CredentialsProviderError") {
          throw new UnavailableError(
            `no AWS credentials found for SSM (tried env keys, SSO, profiles, web identity/OIDC, container and instance metadata): ${message}`,
            { cause: error },
          );
        }
        if (kind === "denied") {
          throw new UnavailableError(
            `SSM denied ${operation} for ${subject} at ${this.describeEndpoint}: ${message}. Check the credentials and that their role may read these parameters (and decrypt with their KMS key).`,
            { cause: error },
          );
        }
        if (kind === "invalid") {
          throw new UsageError(`SSM rejected ${operation} for ${subject}: ${message}`, { cause: error });
        }
        const retryable = kind === "throttled" || kind === "transient";
        // A throttled call waits for the limiter's new pace; other failures back off exponentially.
        const delay =
          kind === "throttled"
            ? Math.floor(Math.random() * (1000 / (this.limiter.currentRate() ?? 10)))
            : backoffDelay(attempt, this.retry);
        const outOfTime = performance.now() + delay > this.retry.deadline;
        if (!retryable || attempt >= this.retry.maxAttempts || outOfTime) {
          const why = retryable
            ? `gave up after ${attempt} attempt${attempt === 1 ? "" : "s"}${outOfTime ? " (time limit reached)" : ""}`
            : "not retryable";
          throw new UnavailableError(
            `SSM ${operation} for ${subject} failed at ${this.describeEndpoint}: ${message} (${why})`,
            { cause: error },
          );
        }
        this.stats.retried++;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

function describe(error: unknown): string {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  const label = e.name && e.name !== "Error" ? e.name : (e.code ?? "error");
  return `${label}${status ? ` (HTTP ${status})` : ""}: ${e.message ?? String(error)}`;
}
