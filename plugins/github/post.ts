import { rm } from "node:fs/promises";
import * as core from "@actions/core";
import { rememberedFiles } from "./state.js";

/** The post step: deletes the env files the main step wrote. The runner cannot unset env vars. */
export async function post(): Promise<number> {
  for (const file of rememberedFiles()) {
    await rm(file, { force: true });
    core.info(`removed ${file}`);
  }
  return 0;
}
