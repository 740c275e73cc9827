import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Installs moto into the cache folder if needed (scripts/setup-moto.sh) and returns moto_server. */
export async function ensureMoto(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("bash", [join(root, "scripts", "setup-moto.sh")], {
      maxBuffer: 1 << 20,
    });
    return stdout.trim().split("\n").pop() ?? "";
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`could not install the moto SSM test server:\n${stderr || (error as Error).message}`);
  }
}

/** A free TCP port on 127.0.0.1 (closed again; moto binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(motoServer: string): Promise<MotoServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(motoServer, ["-H", "127.0.0.1", "-p", String(port)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const endpoint = `http://127.0.0.1:${port}`;
    if (await waitUntilUp(endpoint, child)) {
      return { endpoint, stop: () => stopChild(child) };
    }
    await stopChild(child);
    if (attempt >= 3) throw new Error(`moto_server did not start on ${endpoint}:\n${stderr}`);
  }
}

async function waitUntilUp(endpoint: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3000).unref();
  });
}

/** Clears every parameter moto holds. */
export async function resetMoto(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
}
