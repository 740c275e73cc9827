import type { TestProject } from "vitest/node";
import { ensureMoto, type MotoServer, startMoto } from "./moto.js";

declare module "vitest" {
  export interface ProvidedContext {
    motoWorkers: number;
    motoEndpoints: string[];
  }
}

/** Installs moto if needed and starts one server per test worker. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const motoServer = await ensureMoto();
  const count = project.config.provide?.motoWorkers ?? 2;
  const servers: MotoServer[] = await Promise.all(Array.from({ length: count }, () => startMoto(motoServer)));
  project.provide(
    "motoEndpoints",
    servers.map((s) => s.endpoint),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
