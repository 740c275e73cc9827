import { describe, expect, it } from "vitest";
import { Logger } from "../../../shared/log/logger.js";
import { MASK, Masker } from "../../../shared/mask/masker.js";

const SECRET = 's3cr3t\'Value "x" <&> /ok?=';

function masked(text: string, ...secrets: string[]): string {
  const masker = new Masker();
  for (const s of secrets) masker.add(s, "/p");
  return masker.redact(text);
}

describe("Masker forms", () => {
  it.each([
    ["raw", SECRET],
    ["JSON-escaped", JSON.stringify(SECRET)],
    ["URI-escaped", encodeURIComponent(SECRET)],
    ["form-encoded", encodeURIComponent(SECRET).replace(/%20/g, "+")],
    ["shell re-quoted", `'${SECRET.replace(/'/g, "'\\''")}'`],
    ["command-line quoted", `"${SECRET.replace(/"/g, '\\"')}"`],
    [
      "XML-escaped",
      SECRET.replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;"),
    ],
    ["base64", Buffer.from(SECRET).toString("base64")],
    ["base64 of secret + newline (echo | base64)", Buffer.from(`${SECRET}\n`).toString("base64")],
    ["base64 after a 1-byte prefix", Buffer.from(`u:${SECRET}`).toString("base64")],
    ["base64 after a 2-byte prefix", Buffer.from(`us:${SECRET}`).toString("base64")],
    ["base64url", Buffer.from(`x${SECRET}`).toString("base64url")],
  ])("masks the %s form", (_label, form) => {
    const out = masked(`before ${form} after`, SECRET);
    expect(out).toContain(MASK);
    expect(out.startsWith("before ")).toBe(true);
    // Only a few characters around the core of a base64 form may remain: never the secret's text.
    expect(out).not.toContain(SECRET);
    expect(out.replace(MASK, "").length).toBeLessThanOrEqual(`before  after`.length + 6);
  });

  it("masks each line of a multi-line value and each string leaf of a JSON value", () => {
    const pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----";
    expect(masked("key line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", pem)).toBe(`key line: ${MASK}`);
    const creds = JSON.stringify({ user: "deployer", api_key: "ak_live_93jf8s" });
    expect(masked("using ak_live_93jf8s now", creds)).toBe(`using ${MASK} now`);
  });

  it("merges overlapping secrets and a secret that is a prefix of another into one mask", () => {
    expect(masked("[abcdefgh]", "abcdef", "defgh")).toBe(`[${MASK}]`);
    expect(masked("[token-123456]", "token-1234", "token-123456")).toBe(`[${MASK}]`);
  });

  it("does not mask values under the minimum length, and names them", () => {
    const masker = new Masker(4);
    expect(masker.add("abc", "/short").tooShort).toBe(true);
    expect(masker.redact("abc")).toBe("abc");
    expect(masker.tooShortNames()).toEqual(["/short"]);
  });

  it("masks short patterns when the minimum is lowered", () => {
    const masker = new Masker(2);
    masker.add("ab", "/p");
    masker.add("abcdef", "/q");
    expect(masker.redact("xx ab abcdef yy")).toBe(`xx ${MASK} ${MASK} yy`);
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
