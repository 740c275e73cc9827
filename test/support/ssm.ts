import type { SSMClient } from "@aws-sdk/client-ssm";
import { inject } from "vitest";
import * as base from "./seed.js";

export type { SeedParameter } from "./seed.js";

/** This worker's moto endpoint. */
export function motoEndpoint(): string {
  const endpoints = inject("motoEndpoints");
  const id = Number(process.env.VITEST_POOL_ID ?? "1");
  const endpoint = endpoints[(id - 1) % endpoints.length];
  if (!endpoint) throw new Error("no moto endpoint provided by the global setup");
  return endpoint;
}

/** The env that reaches this worker's moto (or `endpoint`) with fake credentials. */
export const awsEnv = (endpoint = motoEndpoint()): Record<string, string> => base.awsEnv(endpoint);
export const testClient = (endpoint = motoEndpoint()): SSMClient => base.testClient(endpoint);
export const seed = (
  parameters: readonly base.SeedParameter[],
  endpoint = motoEndpoint(),
  region?: string,
): Promise<void> => base.seed(parameters, endpoint, region);
