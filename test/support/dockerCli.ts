// The real docker CLI reading an env file, with no Docker engine: `docker create --env-file FILE`
// parses the file itself and sends the result to the engine API, so a tiny HTTP server of ours
// that answers /_ping and /containers/create sees exactly the environment a container would get.
import { execFile, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The docker CLI on PATH, or undefined (then the tests that need it are skipped, named). */
export function dockerCli(): string | undefined {
  try {
    execFileSync("docker", ["--version"], { stdio: "ignore" });
    return "docker";
  } catch {
    return undefined;
  }
}

/** Reads an env file with `docker create --env-file`: the Env the CLI sends, in order. */
export async function dockerReadEnvFile(file: string): Promise<{ env?: string[]; error?: string }> {
  let env: string[] | undefined;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      if (req.url?.endsWith("/_ping")) {
        res.writeHead(200, { "API-Version": "1.47", "Content-Type": "text/plain" });
        res.end("OK");
      } else if (req.url?.includes("/containers/create")) {
        env = (JSON.parse(body) as { Env?: string[] }).Env ?? [];
        res.writeHead(201, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ Id: "ssm-gate-test", Warnings: [] }));
      } else {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: `not served: ${req.method} ${req.url}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const error = await new Promise<string | undefined>((resolve) =>
      execFile(
        "docker",
        ["create", "--env-file", file, "alpine"],
        { env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: `tcp://127.0.0.1:${port}` } },
        (err, _stdout, stderr) => resolve(err ? stderr || err.message : undefined),
      ),
    );
    return error === undefined ? { env } : { error };
  } finally {
    server.close();
  }
}
