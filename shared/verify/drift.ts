import type { CheckName, Expectation, Finding } from "./types.js";

/**
 * Compares what SSM holds with what a target will run, by env name. Values are compared in memory;
 * the findings say only which names are missing, extra or different.
 */
export function valueDrift(
  expectations: readonly Expectation[],
  ssmValues: ReadonlyMap<string, string>,
  target: ReadonlyMap<string, string>,
  label: string,
): Finding[] {
  const findings: Finding[] = [];
  const expected = new Set<string>();
  for (const e of expectations) {
    expected.add(e.envName);
    const value = ssmValues.get(e.name);
    if (value === undefined) continue; // not in SSM: the exists check already says so
    if (!target.has(e.envName)) push(findings, e, "drift_missing", false, "missing in target", label);
    else if (target.get(e.envName) !== value)
      push(findings, e, "drift_differs", false, "value differs from SSM", label);
    else push(findings, e, "drift_differs", true, "same as SSM", label);
  }
  const severity = expectations[0]?.severity.drift_extra ?? "warn";
  if (severity !== "off") {
    for (const name of target.keys()) {
      if (expected.has(name)) continue;
      findings.push({
        parameter: "",
        envName: name,
        check: "drift_extra",
        result: severity === "fail" ? "fail" : "warn",
        detail: "extra in target: not in the manifest",
        target: label,
      });
    }
  }
  return findings;
}

/** Key-set parity with another prefix (staging vs production): names only, never values. */
export function nameParity(
  expectations: readonly Expectation[],
  prefix: string,
  otherNames: ReadonlySet<string>,
  otherPrefix: string,
  label: string,
): Finding[] {
  const findings: Finding[] = [];
  const relative = new Set<string>();
  for (const e of expectations) {
    const rel = e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name;
    relative.add(rel);
    const there = otherNames.has(rel);
    push(
      findings,
      e,
      "drift_missing",
      there,
      there ? `present under ${otherPrefix}` : `missing under ${otherPrefix}`,
      label,
    );
  }
  const severity = expectations[0]?.severity.drift_extra ?? "warn";
  if (severity !== "off") {
    for (const rel of otherNames) {
      if (relative.has(rel)) continue;
      findings.push({
        parameter: `${otherPrefix}${rel}`,
        envName: "",
        check: "drift_extra",
        result: severity === "fail" ? "fail" : "warn",
        detail: `under ${otherPrefix} only`,
        target: label,
      });
    }
  }
  return findings;
}

function push(
  findings: Finding[],
  e: Expectation,
  check: CheckName,
  ok: boolean,
  detail: string,
  target: string,
): void {
  const severity = e.severity[check];
  if (severity === "off") return;
  findings.push({
    parameter: e.name,
    envName: e.envName,
    check,
    result: ok ? "pass" : severity === "warn" ? "warn" : "fail",
    detail,
    target,
  });
}

/** Key-set parity with a Vault secret (production in Vault): env names against its keys, names only. */
export function envParity(
  expectations: readonly Expectation[],
  keys: ReadonlySet<string>,
  path: string,
  label: string,
): Finding[] {
  const findings: Finding[] = [];
  const expected = new Set(expectations.map((e) => e.envName));
  for (const e of expectations) {
    const there = keys.has(e.envName);
    push(findings, e, "drift_missing", there, there ? `a key of ${path}` : `no such key in ${path}`, label);
  }
  const severity = expectations[0]?.severity.drift_extra ?? "warn";
  if (severity !== "off") {
    for (const name of keys) {
      if (expected.has(name)) continue;
      findings.push({
        parameter: `vault:${path}`,
        envName: name,
        check: "drift_extra",
        result: severity === "fail" ? "fail" : "warn",
        detail: `a key of ${path} only`,
        target: label,
      });
    }
  }
  return findings;
}
