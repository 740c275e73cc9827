import * as core from "@actions/core";

/** The state key under which the main step lists the files the post step deletes. */
export const FILES_STATE = "ssm-gate-files";

const files: string[] = [];

/** Remembers a file holding secrets, for the post step to delete. */
export function rememberFile(path: string): void {
  files.push(path);
  core.saveState(FILES_STATE, JSON.stringify(files));
}

/** The files the main step of this same action step wrote. */
export function rememberedFiles(): string[] {
  const saved = core.getState(FILES_STATE);
  if (!saved) return [];
  try {
    const parsed: unknown = JSON.parse(saved);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}
