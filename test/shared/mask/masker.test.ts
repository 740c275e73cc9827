import { describe, expect, it } from "vitest";
import { Logger } from "../../../shared/log/logger.js";
import { MASK, Masker } from "../../../shared/mask/masker.js";

describe("Masker", () => {
  it("masks a value and each line of a multi-line value", () => {
    const masker = new Masker();
    masker.add("s3cr3t-value", "/a");
    masker.add("line-one\n  line-two  \n", "/b");
    expect(masker.redact("x s3cr3t-value y line-two z")).toBe(`x ${MASK} y ${MASK} z`);
  });

  it("does not mask values under the minimum length, and names them", () => {
    const masker = new Masker(4);
    expect(masker.add("abc", "/short").tooShort).toBe(true);
    expect(masker.redact("abc")).toBe("abc");
    expect(masker.tooShortNames()).toEqual(["/short"]);
  });
});

describe("Logger", () => {
  it("masks every message before the sink sees it", () => {
    const masker = new Masker();
    masker.add("hunter2-secret", "/p");
    const lines: string[] = [];
    const logger = new Logger(masker, (level, line) => lines.push(`${level}:${line}`));
    logger.error("failed with hunter2-secret in it");
    expect(lines).toEqual([`error:failed with ${MASK} in it`]);
  });
});
