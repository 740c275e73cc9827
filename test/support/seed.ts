import { type ParameterType, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";

/** The env a child process (or the SDK) needs to reach moto with fake credentials. */
export function awsEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_SSM: endpoint,
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

export function testClient(endpoint: string, region = "us-east-1"): SSMClient {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  return new SSMClient({
    region,
    endpoint,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
}

export interface SeedParameter {
  name: string;
  value: string;
  type?: ParameterType;
  keyId?: string;
}

/** Puts parameters into moto (in `region`: moto keeps each region apart, as SSM does), a few at a time. */
export async function seed(
  parameters: readonly SeedParameter[],
  endpoint: string,
  region = "us-east-1",
): Promise<void> {
  const client = testClient(endpoint, region);
  const queue = [...parameters];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        await client.send(
          new PutParameterCommand({
            Name: p.name,
            Value: p.value,
            Type: p.type ?? "SecureString",
            Overwrite: true,
            ...((p.type ?? "SecureString") === "SecureString"
              ? { KeyId: p.keyId ?? "alias/mev-beta-secrets" }
              : {}),
          }),
        );
      }
    }),
  );
  client.destroy();
}
