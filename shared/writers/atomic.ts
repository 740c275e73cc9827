import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { lstat, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../errors.js";

// Temp files being written right now, removed if the process is told to stop mid-write.
const pending = new Set<string>();

/** Paths of temp files not yet renamed into place; the signal handler deletes them. */
export function pendingTempFiles(): ReadonlySet<string> {
  return pending;
}

/**
 * Writes `content` to `path` so that readers see either the old file or the whole new one:
 * a temp file in the same folder (mode 0600 from creation), fsync, then rename.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  mode = 0o600,
): Promise<void> {
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new OutputError(`cannot inspect ${path}: ${error.message}`, { cause: error });
  });
  if (existing?.isSymbolicLink()) {
    throw new OutputError(
      `refusing to write ${path}: it is a symbolic link (remove it or choose another path)`,
    );
  }
  if (existing?.isDirectory()) throw new OutputError(`cannot write ${path}: it is a directory`);

  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  pending.add(temp);
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(content);
      await handle.chmod(mode); // the umask may have narrowed or the file system widened it
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    pending.delete(temp);
  }
}

/** Deletes temp files still being written; for a signal handler, so nothing half-written stays. */
export function removePendingTempFilesSync(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}
