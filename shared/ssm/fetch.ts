import type { Parameter } from "@aws-sdk/client-ssm";
import type { NameSpec, ParameterSpec, PathSpec } from "../select/spec.js";
import type { SsmGateway } from "./gateway.js";

/** A parameter as SSM returned it, with the spec that asked for it. */
export interface FetchedParameter {
  spec: ParameterSpec;
  /** The SSM name; for Vault, `vault:path#key`. */
  name: string;
  /** Vault: the key within the secret. */
  key?: string;
  value: string;
  type: string;
  version?: number;
  lastModified?: Date;
}

export interface FetchOutcome {
  /** In the order of the specs; within a path, sorted by name. */
  parameters: FetchedParameter[];
  /** Specs that found nothing: a name SSM does not have, a path with nothing below it. */
  missing: ParameterSpec[];
}

const BATCH = 10;

/** The selector form SSM takes in GetParameters: `name`, `name:3`, `name:label`. */
export function requestName(spec: NameSpec): string {
  return spec.selector === undefined ? spec.name : `${spec.name}:${spec.selector}`;
}

/**
 * Fetches every spec: names in GetParameters batches of 10, paths page by page, all of it at once
 * (the gateway's limiter bounds how many requests run together).
 */
export async function fetchSpecs(
  specs: readonly ParameterSpec[],
  gateway: SsmGateway,
): Promise<FetchOutcome> {
  const nameSpecs = specs.filter((s): s is NameSpec => s.kind === "name");
  const pathSpecs = specs.filter((s): s is PathSpec => s.kind === "path");

  const requested = [...new Set(nameSpecs.map(requestName))];
  const pathKeys = [...new Set(pathSpecs.map(pathKey))];
  const [byName, byPath] = await Promise.all([
    fetchNames(requested, gateway),
    Promise.all(
      pathKeys.map(async (key) => {
        const [recursive, path] = [key.startsWith("r"), key.slice(2)];
        const found = await gateway.getParametersByPath(path, recursive);
        found.sort((a, b) => ((a.Name ?? "") < (b.Name ?? "") ? -1 : 1));
        return [key, found] as const;
      }),
    ).then((entries) => new Map(entries)),
  ]);

  const outcome: FetchOutcome = { parameters: [], missing: [] };
  for (const spec of specs) {
    if (spec.kind === "vault") continue; // the Vault source fetches those
    const found =
      spec.kind === "name" ? [byName.get(requestName(spec))].filter(isParameter) : byPath.get(pathKey(spec));
    if (!found || found.length === 0) {
      outcome.missing.push(spec);
      continue;
    }
    for (const p of found) outcome.parameters.push(toFetched(spec, p));
  }
  return outcome;
}

function pathKey(spec: PathSpec): string {
  return `${spec.recursive ? "r" : "d"}:${spec.path}`;
}

function isParameter(p: Parameter | undefined): p is Parameter {
  return p !== undefined;
}

function toFetched(spec: ParameterSpec, p: Parameter): FetchedParameter {
  const fetched: FetchedParameter = {
    spec,
    name: p.Name ?? "",
    value: p.Value ?? "",
    type: p.Type ?? "String",
  };
  if (p.Version !== undefined) fetched.version = p.Version;
  if (p.LastModifiedDate !== undefined) fetched.lastModified = p.LastModifiedDate;
  return fetched;
}

/**
 * GetParameters answers with the bare name (a selector only in `Selector`, which some servers
 * leave out), so one batch never holds two selectors of the same name: answers map back by name.
 */
async function fetchNames(
  requested: readonly string[],
  gateway: SsmGateway,
): Promise<Map<string, Parameter>> {
  // The k-th selector of one name goes to lane k; each lane is cut into batches of 10.
  const lanes: string[][] = [];
  const seen = new Map<string, number>();
  for (const name of requested) {
    const base = baseName(name);
    const lane = seen.get(base) ?? 0;
    seen.set(base, lane + 1);
    lanes[lane] ??= [];
    lanes[lane].push(name);
  }
  const batches = lanes.flatMap((lane) =>
    Array.from({ length: Math.ceil(lane.length / BATCH) }, (_, i) => lane.slice(i * BATCH, (i + 1) * BATCH)),
  );
  const answers = await Promise.all(batches.map((batch) => gateway.getParameters(batch)));
  const found = new Map<string, Parameter>();
  answers.forEach((answer, i) => {
    const invalid = new Set(answer.invalid);
    for (const name of batches[i] ?? []) {
      if (invalid.has(name)) continue;
      const base = baseName(name);
      const p = answer.parameters.find((q) => q.Name === base || q.Name === name);
      if (p) found.set(name, p);
    }
  });
  return found;
}

function baseName(requested: string): string {
  const colon = requested.indexOf(":");
  return colon === -1 ? requested : requested.slice(0, colon);
}
