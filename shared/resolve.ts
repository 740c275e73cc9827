import { UsageError } from "./errors.js";
import { lastSegment, type NameTransformation, relativeTo, toEnvName } from "./naming/envName.js";
import type { FetchedParameter } from "./ssm/fetch.js";
import type { EnvEntry } from "./types.js";

/** Where a value came from, as shown to people: the parameter name with its selector. */
export function sourceOf(p: FetchedParameter): string {
  return p.spec.kind === "name" && p.spec.selector !== undefined ? `${p.name}:${p.spec.selector}` : p.name;
}

/**
 * Names every fetched parameter and refuses two different parameters under one env name.
 * The same parameter selected twice under the same name is kept once.
 */
export function toEnvEntries(
  parameters: readonly FetchedParameter[],
  transformation: NameTransformation,
): EnvEntry[] {
  const byName = new Map<string, EnvEntry>();
  const collisions: string[] = [];
  for (const p of parameters) {
    const envName =
      p.spec.kind === "name"
        ? (p.spec.envName ?? toEnvName(lastSegment(p.name), transformation))
        : p.spec.kind === "vault"
          ? (p.spec.envName ?? toEnvName(p.key ?? "", transformation, p.spec.prefix))
          : toEnvName(relativeTo(p.spec.path, p.name), transformation, p.spec.prefix);
    const entry: EnvEntry = { envName, value: p.value, source: sourceOf(p) };
    const earlier = byName.get(envName);
    if (earlier === undefined) byName.set(envName, entry);
    else if (earlier.source !== entry.source) {
      collisions.push(`${envName} from both ${earlier.source} and ${entry.source}`);
    }
  }
  if (collisions.length > 0) {
    throw new UsageError(
      `two parameters map to one env name: ${collisions.join("; ")}. Give one an explicit name (NAME=/parameter) or a path a prefix (PREFIX_=/path/).`,
    );
  }
  return [...byName.values()].sort((a, b) => (a.envName < b.envName ? -1 : a.envName > b.envName ? 1 : 0));
}
