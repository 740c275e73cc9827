import type { TestProject } from "vitest/node";
import { ensureMoto, type MotoServer, startMoto } from "./moto.js";
import { ensureNode24 } from "./run.js";

declare module "vitest" {
  export interface ProvidedContext {
    motoWorkers: number;
    motoEndpoints: string[];
  }
}

/** Installs moto and the platforms' Node.js if needed and starts one moto server per test worker. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureNode24();
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
