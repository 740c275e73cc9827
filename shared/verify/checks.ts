import type { FetchedParameter } from "../ssm/fetch.js";
import type { CheckName, Expectation, Finding } from "./types.js";

const DAY_MS = 86_400_000;

// Values that mean "nobody set this yet", compared case-insensitively after trimming.
const PLACEHOLDERS = [
  "changeme",
  "change-me",
  "change_me",
  "placeholder",
  "todo",
  "tbd",
  "fixme",
  "replaceme",
  "replace-me",
  "dummy",
];

/** Whether a value is a placeholder: the built-in words, xxx..., <...>, or one of `extra`. */
export function isPlaceholder(value: string, extra: readonly string[]): boolean {
  const v = value.trim().toLowerCase();
  if (PLACEHOLDERS.includes(v) || /^x{3,}$/.test(v) || /^<[^<>]*>$/.test(v)) return true;
  return extra.some((p) => p.trim().toLowerCase() === v);
}

/**
 * Runs every check on one parameter. Details name the check and the expectation, never the value,
 * a part of it, its length or a hash of it.
 */
export function checkParameter(
  e: Expectation,
  p: FetchedParameter | undefined,
  keyId: string | undefined,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  const add = (check: CheckName, ok: boolean, detail: string, soft = false) => {
    const severity = e.severity[check];
    if (severity === "off") return;
    const result = ok ? "pass" : soft || severity === "warn" ? "warn" : "fail";
    findings.push({ parameter: e.name, envName: e.envName, check, result, detail });
  };
  if (!p) {
    if (e.required) add("exists", false, "not found in SSM");
    else add("exists", true, "optional; not in SSM");
    return findings;
  }
  add("exists", true, "in SSM");
  add("not_empty", p.value.trim() !== "", p.value.trim() === "" ? "empty or only white space" : "set");
  add("placeholder", !isPlaceholder(p.value, e.placeholders), "a placeholder value");
  if (e.type) add("type", p.type === e.type, p.type === e.type ? e.type : `is ${p.type}, expected ${e.type}`);
  if (e.kmsKey && p.type === "SecureString") {
    const ok =
      keyId !== undefined &&
      (keyId === e.kmsKey || keyId.endsWith(`:${e.kmsKey}`) || keyId.endsWith(`/${e.kmsKey}`));
    add("kms_key", ok, ok ? e.kmsKey : `encrypted with ${keyId ?? "an unknown key"}, expected ${e.kmsKey}`);
  }
  if (e.maxAgeDays !== undefined && p.lastModified) {
    const age = (now.getTime() - p.lastModified.getTime()) / DAY_MS;
    const days = Math.floor(age);
    if (age > e.maxAgeDays)
      add("age", false, `last changed ${days} days ago, over the ${e.maxAgeDays}-day maximum`);
    else if (age > e.maxAgeDays - e.warnAgeDays) {
      add(
        "age",
        false,
        `last changed ${days} days ago; stale in ${Math.ceil(e.maxAgeDays - age)} days`,
        true,
      );
    } else add("age", true, `last changed ${days} days ago`);
  }
  if (e.pattern !== undefined) {
    const ok = new RegExp(e.pattern, "u").test(p.value);
    add("pattern", ok, ok ? `matches ${e.pattern}` : `does not match ${e.pattern}`);
  }
  if (e.minLength !== undefined) {
    const ok = [...p.value].length >= e.minLength;
    add(
      "min_length",
      ok,
      ok ? `at least ${e.minLength} characters` : `shorter than the minimum of ${e.minLength} characters`,
    );
  }
  return findings.map((f) =>
    f.result === "pass" && f.check === "placeholder" ? { ...f, detail: "not a placeholder" } : f,
  );
}
