import { describe, expect, it } from "vitest";
import { UsageError } from "../../../shared/errors.js";
import { parseSpec, parseSpecs, splitList } from "../../../shared/select/spec.js";

describe("parseSpec", () => {
  it("reads a recursive path, a direct-children path and one name", () => {
    expect(parseSpec("/mev-beta/staging/", "-p")).toMatchObject({
      kind: "path",
      path: "/mev-beta/staging",
      recursive: true,
      prefix: "",
    });
    expect(parseSpec("/mev-beta/staging/*", "-p")).toMatchObject({ kind: "path", recursive: false });
    expect(parseSpec("/mev-beta/ci/drone/github_token", "-p")).toEqual({
      kind: "name",
      text: "/mev-beta/ci/drone/github_token",
      name: "/mev-beta/ci/drone/github_token",
      optional: false,
    });
  });

  it("reads explicit names, prefixes, selectors and the optional mark", () => {
    expect(parseSpec("RPC_URL=/mev-beta/staging/arbitrum/rpc_url", "-p")).toMatchObject({
      envName: "RPC_URL",
      name: "/mev-beta/staging/arbitrum/rpc_url",
    });
    expect(parseSpec("STAGING_=/mev-beta/staging/", "-p")).toMatchObject({
      kind: "path",
      prefix: "STAGING_",
    });
    expect(parseSpec("/a/b:3", "-p")).toMatchObject({ name: "/a/b", selector: "3" });
    expect(parseSpec("/a/b:live?", "-p")).toMatchObject({ name: "/a/b", selector: "live", optional: true });
    expect(parseSpec("/", "-p")).toMatchObject({ kind: "path", path: "/", recursive: true });
  });

  it.each([
    ["1X=/a/b", "before '='"],
    ["/a b", "spaces"],
    ["/a/b:0", "after ':'"],
    ["/a/b:ssm-live", "neither a version"],
    ["/a//b", "empty path segment"],
    ["/a/$b", "only letters"],
    ["staging/*", "a path starts with '/'"],
    [`/${Array.from({ length: 16 }, () => "a").join("/")}`, "deeper than 15"],
    ["X=", "no parameter"],
  ])("refuses %s, quoting it and showing the shapes", (spec, why) => {
    const error = (() => {
      try {
        parseSpec(spec, "--parameters");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toContain(`--parameters: invalid entry '${spec}'`);
    expect(error?.message).toContain(why);
    expect(error?.message).toContain("Expected one of:");
  });
});

describe("parseSpecs", () => {
  it("splits by lines and commas, drops comments and blank lines", () => {
    const specs = parseSpecs("# staging\n/a/,  /b/c?\n\n/d/* # direct only\n", "-p");
    expect(specs.map((s) => s.text)).toEqual(["/a/", "/b/c?", "/d/*"]);
  });

  it("accepts a JSON array and names the setting when it is broken", () => {
    expect(parseSpecs('["/a/", "X=/b"]', "parameters").map((s) => s.text)).toEqual(["/a/", "X=/b"]);
    expect(() => splitList("[1, 2]", "parameters")).toThrow(/parameters: expected a JSON array of strings/);
    expect(() => splitList("[/a/", "parameters")).toThrow(
      /parameters: starts with '\[' but is not a JSON array/,
    );
  });
});

describe("vault: entries", () => {
  it("reads a whole secret, one key, a version, explicit names and prefixes", () => {
    expect(parseSpec("vault:secret/mev/prod/rpc/primary", "-p")).toEqual({
      kind: "vault",
      text: "vault:secret/mev/prod/rpc/primary",
      path: "secret/mev/prod/rpc/primary",
      prefix: "",
      optional: false,
    });
    expect(parseSpec("KEY=vault:secret/a/b:3#api_key?", "-p")).toMatchObject({
      path: "secret/a/b",
      version: 3,
      key: "api_key",
      envName: "KEY",
      optional: true,
    });
    expect(parseSpec("RPC_=vault:secret/a/b", "-p")).toMatchObject({ prefix: "RPC_" });
  });

  it.each([
    ["vault:/secret/a", "a Vault path is mount/path"],
    ["vault:secret", "a Vault path is mount/path"],
    ["vault:secret/a:x", "not a secret version"],
    ["vault:secret/a#", "the key after '#' is empty"],
  ])("refuses %s", (spec, why) => {
    expect(() => parseSpec(spec, "-p")).toThrow(why);
  });
});
