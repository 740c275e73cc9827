import { describe, expect, it } from "vitest";
import {
  checkReserved,
  isAllowed,
  relativeTo,
  reservedRule,
  toEnvName,
} from "../../../shared/naming/envName.js";

describe("toEnvName", () => {
  it("maps characters outside [A-Za-z0-9_] to _ and applies the case", () => {
    expect(toEnvName("arbitrum/rpc_url", "upper")).toBe("ARBITRUM_RPC_URL");
    expect(toEnvName("Api.Key-v2", "lower")).toBe("api_key_v2");
    expect(toEnvName("Api.Key-v2", "none")).toBe("Api_Key_v2");
    expect(toEnvName("rpc", "upper", "STAGING_")).toBe("STAGING_RPC");
  });

  it("prefixes a leading digit with _", () => {
    expect(toEnvName("1inch/key", "upper")).toBe("_1INCH_KEY");
  });

  it("names a parameter relative to its path", () => {
    expect(relativeTo("/mev-beta/staging", "/mev-beta/staging/arbitrum/rpc_url")).toBe("arbitrum/rpc_url");
    expect(relativeTo("/", "/top")).toBe("top");
  });
});

describe("reserved names", () => {
  it("knows names and prefixes that change how processes start", () => {
    expect(reservedRule("PATH")).toBe("PATH");
    expect(reservedRule("LD_PRELOAD")).toBe("LD_*");
    expect(reservedRule("GITHUB_TOKEN")).toBe("GITHUB_*");
    expect(reservedRule("node_options")).toBe("NODE_OPTIONS");
    expect(reservedRule("ARBITRUM_RPC_URL")).toBeUndefined();
  });

  it("allows exact names and PREFIX* patterns", () => {
    expect(isAllowed("GITHUB_TOKEN", ["GITHUB_TOKEN"])).toBe(true);
    expect(isAllowed("DRONE_X", ["DRONE_*"])).toBe(true);
    expect(isAllowed("DRONE_X", ["DRONE"])).toBe(false);
  });

  it("refuses with the parameter, the rule and how to allow it", () => {
    const entries = [
      { envName: "GITHUB_TOKEN", source: "/mev-beta/ci/drone/github_token" },
      { envName: "OK", source: "/ok" },
    ];
    expect(() => checkReserved(entries, [], "--allow-env-names")).toThrow(
      /GITHUB_TOKEN \(from \/mev-beta\/ci\/drone\/github_token; reserved: GITHUB_\*\).*--allow-env-names/,
    );
    expect(() => checkReserved(entries, ["GITHUB_TOKEN"], "--allow-env-names")).not.toThrow();
  });
});
