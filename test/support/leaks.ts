import { expect } from "vitest";
import { formsOf } from "../../shared/mask/forms.js";

/** Every form of the canaries that must never be seen, plus moto's `kms:<key>:<plaintext>` form. */
export function leakForms(canaries: readonly string[], keyId = "alias/mev-beta-secrets"): string[] {
  const forms = new Set<string>();
  for (const canary of canaries) {
    for (const form of formsOf(canary, 4)) forms.add(form);
    forms.add(`kms:${keyId}:${canary}`);
  }
  return [...forms];
}

/** Fails naming the form (not the text around it) when any canary form appears in `output`. */
export function expectNoLeak(output: string, canaries: readonly string[], where: string): void {
  const leaked = leakForms(canaries).filter((form) => output.includes(form));
  expect(leaked, `canary forms leaked into ${where}`).toEqual([]);
}
