import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutputError } from "../../../shared/errors.js";
import { pendingTempFiles, writeFileAtomic } from "../../../shared/writers/atomic.js";

const fresh = () => mkdtempSync(join(tmpdir(), "ssm-gate-atomic-"));

describe("writeFileAtomic", () => {
  it("writes the content with mode 0600 and leaves no temp file", async () => {
    const dir = fresh();
    const file = join(dir, "out.env");
    await writeFileAtomic(file, "A='1'\n");
    expect(readFileSync(file, "utf8")).toBe("A='1'\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["out.env"]);
    expect(pendingTempFiles().size).toBe(0);
  });

  it("replaces an existing file whole and narrows its mode", async () => {
    const dir = fresh();
    const file = join(dir, "out.env");
    writeFileSync(file, "old", { mode: 0o644 });
    await writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a symbolic link at the target and leaves its target alone", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "real"), "keep");
    symlinkSync(join(dir, "real"), join(dir, "link.env"));
    await expect(writeFileAtomic(join(dir, "link.env"), "x")).rejects.toThrow(/is a symbolic link/);
    expect(readFileSync(join(dir, "real"), "utf8")).toBe("keep");
    expect(readdirSync(dir).sort()).toEqual(["link.env", "real"]);
  });

  it("fails with an OutputError and no partial file when the folder does not exist", async () => {
    const dir = fresh();
    const error = await writeFileAtomic(join(dir, "missing", "out.env"), "x").catch((e) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toMatch(/cannot write .*missing\/out\.env/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
