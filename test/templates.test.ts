// One source of truth: every setting a template or example passes is one the plugin accepts, and
// action.yml declares exactly the action's inputs with the core's defaults.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PLUGIN_EXTRAS } from "../plugins/plugin-env/settings.js";
import { SETTING_KEYS, SETTINGS, type SettingInfo } from "../shared/config/settings.js";
import { ROOT } from "./support/run.js";

const accepted = new Set<string>([...SETTING_KEYS, ...PLUGIN_EXTRAS]);
const load = (file: string) => parse(readFileSync(join(ROOT, file), "utf8"));

/** Every `settings:` map anywhere in a YAML document. */
function settingsMaps(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const n of node) settingsMaps(n, found);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "settings" && value && typeof value === "object")
        found.push(value as Record<string, unknown>);
      else settingsMaps(value, found);
    }
  }
  return found;
}

describe("templates and examples", () => {
  it.each([
    "harness/step-template.yaml",
    "harness/stepgroup-template.yaml",
    "harness/pipeline-example.yaml",
    "drone/.drone.yml",
  ])("%s passes only settings the plugin accepts", (file) => {
    const maps = settingsMaps(load(file));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps)
      for (const key of Object.keys(map)) expect(accepted, `${file}: ${key}`).toContain(key);
  });

  it("Harness templates have the template shape", () => {
    for (const [file, type] of [
      ["harness/step-template.yaml", "Step"],
      ["harness/stepgroup-template.yaml", "StepGroup"],
      ["harness/stage-template.yaml", "Stage"],
    ] as const) {
      const { template } = load(file);
      expect(template).toMatchObject({ versionLabel: "1", type });
      expect(template.name && template.identifier && template.spec).toBeTruthy();
    }
    const stage = load("harness/stage-template.yaml").template.spec;
    expect(stage.type).toBe("CI");
    expect(stage.spec.execution.steps[0].stepGroup.template.templateRef).toBe(
      load("harness/stepgroup-template.yaml").template.identifier,
    );
  });

  it("action.yml declares every setting as an input, with the core's defaults", () => {
    const action = load("action.yml");
    const inputs = action.inputs as Record<string, { default?: string }>;
    const expected = [...SETTING_KEYS.map((k) => k.replace(/_/g, "-")), "export-env", "values-as-outputs"];
    expect(Object.keys(inputs).sort()).toEqual(expected.sort());
    for (const key of SETTING_KEYS) {
      expect(inputs[key.replace(/_/g, "-")]?.default, key).toBe((SETTINGS[key] as SettingInfo).default);
    }
    expect(action.runs).toEqual({
      using: "node24",
      main: "dist/github/index.js",
      post: "dist/github-post/index.js",
    });
  });
});

describe("docs", () => {
  it("docs/settings.md documents every setting and exit code", () => {
    const doc = readFileSync(join(ROOT, "docs", "settings.md"), "utf8");
    for (const key of [...SETTING_KEYS, ...PLUGIN_EXTRAS]) expect(doc, key).toContain(`\`${key}\``);
    for (const code of ["0", "1", "2", "3", "4", "5", "126, 127"])
      expect(doc).toMatch(new RegExp(`\\| ${code} +\\|`));
  });
});
