export const id = 93;
export const ids = [93];
export const modules = {

/***/ 7093:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVerify: () => (/* binding */ runVerify)
});

// EXTERNAL MODULE: ./build/shared/naming/envName.js
var naming_envName = __webpack_require__(6349);
// EXTERNAL MODULE: ./build/shared/select/spec.js
var spec = __webpack_require__(9502);
// EXTERNAL MODULE: ./build/shared/ssm/fetch.js
var fetch = __webpack_require__(8694);
// EXTERNAL MODULE: ./build/shared/ssm/index.js + 25 modules
var ssm = __webpack_require__(960);
// EXTERNAL MODULE: ./build/shared/vault/index.js
var shared_vault = __webpack_require__(4055);
;// CONCATENATED MODULE: ./build/shared/verify/checks.js
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
function isPlaceholder(value, extra) {
    const v = value.trim().toLowerCase();
    if (PLACEHOLDERS.includes(v) || /^x{3,}$/.test(v) || /^<[^<>]*>$/.test(v))
        return true;
    return extra.some((p) => p.trim().toLowerCase() === v);
}
/**
 * Runs every check on one parameter. Details name the check and the expectation, never the value,
 * a part of it, its length or a hash of it.
 */
function checkParameter(e, p, keyId, now) {
    const findings = [];
    const add = (check, ok, detail, soft = false) => {
        const severity = e.severity[check];
        if (severity === "off")
            return;
        const result = ok ? "pass" : soft || severity === "warn" ? "warn" : "fail";
        findings.push({ parameter: e.name, envName: e.envName, check, result, detail });
    };
    if (!p) {
        if (e.required)
            add("exists", false, "not found in SSM");
        else
            add("exists", true, "optional; not in SSM");
        return findings;
    }
    add("exists", true, "in SSM");
    add("not_empty", p.value.trim() !== "", p.value.trim() === "" ? "empty or only white space" : "set");
    add("placeholder", !isPlaceholder(p.value, e.placeholders), "a placeholder value");
    if (e.type)
        add("type", p.type === e.type, p.type === e.type ? e.type : `is ${p.type}, expected ${e.type}`);
    if (e.kmsKey && p.type === "SecureString") {
        const ok = keyId !== undefined &&
            (keyId === e.kmsKey || keyId.endsWith(`:${e.kmsKey}`) || keyId.endsWith(`/${e.kmsKey}`));
        add("kms_key", ok, ok ? e.kmsKey : `encrypted with ${keyId ?? "an unknown key"}, expected ${e.kmsKey}`);
    }
    if (e.maxAgeDays !== undefined && p.lastModified) {
        const age = (now.getTime() - p.lastModified.getTime()) / DAY_MS;
        const days = Math.floor(age);
        if (age > e.maxAgeDays)
            add("age", false, `last changed ${days} days ago, over the ${e.maxAgeDays}-day maximum`);
        else if (age > e.maxAgeDays - e.warnAgeDays) {
            add("age", false, `last changed ${days} days ago; stale in ${Math.ceil(e.maxAgeDays - age)} days`, true);
        }
        else
            add("age", true, `last changed ${days} days ago`);
    }
    if (e.pattern !== undefined) {
        const ok = new RegExp(e.pattern, "u").test(p.value);
        add("pattern", ok, ok ? `matches ${e.pattern}` : `does not match ${e.pattern}`);
    }
    if (e.minLength !== undefined) {
        const ok = [...p.value].length >= e.minLength;
        add("min_length", ok, ok ? `at least ${e.minLength} characters` : `shorter than the minimum of ${e.minLength} characters`);
    }
    return findings.map((f) => f.result === "pass" && f.check === "placeholder" ? { ...f, detail: "not a placeholder" } : f);
}

;// CONCATENATED MODULE: ./build/shared/verify/drift.js
/**
 * Compares what SSM holds with what a target will run, by env name. Values are compared in memory;
 * the findings say only which names are missing, extra or different.
 */
function valueDrift(expectations, ssmValues, target, label) {
    const findings = [];
    const expected = new Set();
    for (const e of expectations) {
        expected.add(e.envName);
        const value = ssmValues.get(e.name);
        if (value === undefined)
            continue; // not in SSM: the exists check already says so
        if (!target.has(e.envName))
            push(findings, e, "drift_missing", false, "missing in target", label);
        else if (target.get(e.envName) !== value)
            push(findings, e, "drift_differs", false, "value differs from SSM", label);
        else
            push(findings, e, "drift_differs", true, "same as SSM", label);
    }
    const severity = expectations[0]?.severity.drift_extra ?? "warn";
    if (severity !== "off") {
        for (const name of target.keys()) {
            if (expected.has(name))
                continue;
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
function nameParity(expectations, prefix, otherNames, otherPrefix, label) {
    const findings = [];
    const relative = new Set();
    for (const e of expectations) {
        const rel = e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name;
        relative.add(rel);
        const there = otherNames.has(rel);
        push(findings, e, "drift_missing", there, there ? `present under ${otherPrefix}` : `missing under ${otherPrefix}`, label);
    }
    const severity = expectations[0]?.severity.drift_extra ?? "warn";
    if (severity !== "off") {
        for (const rel of otherNames) {
            if (relative.has(rel))
                continue;
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
function push(findings, e, check, ok, detail, target) {
    const severity = e.severity[check];
    if (severity === "off")
        return;
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
function envParity(expectations, keys, path, label) {
    const findings = [];
    const expected = new Set(expectations.map((e) => e.envName));
    for (const e of expectations) {
        const there = keys.has(e.envName);
        push(findings, e, "drift_missing", there, there ? `a key of ${path}` : `no such key in ${path}`, label);
    }
    const severity = expectations[0]?.severity.drift_extra ?? "warn";
    if (severity !== "off") {
        for (const name of keys) {
            if (expected.has(name))
                continue;
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/shared/errors.js
var errors = __webpack_require__(2005);
// EXTERNAL MODULE: ./build/shared/verify/severity.js
var verify_severity = __webpack_require__(477);
// EXTERNAL MODULE: ./build/shared/verify/types.js
var types = __webpack_require__(5821);
;// CONCATENATED MODULE: ./build/shared/verify/manifest.js






/** A manifest entry for one key of a Vault secret: `vault:secret/mev/prod/rpc/primary#api_key`. */
const VAULT_ENTRY = /^vault:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+(?::[1-9][0-9]*)?#([^\s#]+)$/;
/** The manifest's file format version this code reads. */
const MANIFEST_VERSION = 1;
const PARAMETER_KEYS = [
    "required",
    "type",
    "kms_key",
    "max_age_days",
    "warn_age_days",
    "pattern",
    "min_length",
    "placeholders",
    "env",
    "severity",
];
const TOP_KEYS = ["version", "prefix", "defaults", "parameters"];
/**
 * Reads a verify manifest (YAML). Every error names the file, the line and the key, and shows what
 * was expected. `overrides` are severities from the command line, below per-parameter ones.
 */
async function loadManifest(path, overrides = {}) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`cannot read manifest ${path}: ${error.message}`);
    }
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines });
    const at = (node) => `${path}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new errors/* UsageError */.eb(`${path}:${e?.linePos?.[0]?.line ?? 1}: not valid YAML: ${e?.message.split("\n")[0]?.replace(/:$/, "")}`);
    }
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        throw new errors/* UsageError */.eb(`${at(root)}: a manifest is a map with prefix, defaults and parameters`);
    checkKeys(root, TOP_KEYS, "", at);
    const version = root.get("version");
    if (version !== undefined && version !== MANIFEST_VERSION) {
        throw new errors/* UsageError */.eb(`${at(root.get("version", true))}: version: this ssm-gate reads manifest version ${MANIFEST_VERSION}; got '${String(version)}'`);
    }
    const prefixNode = root.get("prefix", true);
    const prefix = root.get("prefix");
    if (typeof prefix !== "string" || !prefix.startsWith("/")) {
        throw new errors/* UsageError */.eb(`${at(prefixNode ?? root)}: prefix: expected an SSM path like /mev-beta/staging/`);
    }
    const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
    const defaultsNode = root.get("defaults", true);
    if (defaultsNode !== undefined && !(0,dist/* isMap */.jh)(defaultsNode))
        throw new errors/* UsageError */.eb(`${at(defaultsNode)}: defaults: expected a map`);
    if (defaultsNode)
        checkKeys(defaultsNode, PARAMETER_KEYS.filter((k) => k !== "env"), "defaults.", at);
    const defaults = readFields(defaultsNode ?? null, "defaults", at);
    const params = root.get("parameters", true);
    if (!(0,dist/* isMap */.jh)(params) || params.items.length === 0) {
        throw new errors/* UsageError */.eb(`${at(params ?? root)}: parameters: expected a map of parameter names (relative to prefix, or absolute) to their checks`);
    }
    const expectations = [];
    for (const item of params.items) {
        const keyNode = item.key;
        const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : "";
        const vaultKey = VAULT_ENTRY.exec(key);
        if (!vaultKey && !/^\/?[A-Za-z0-9_.\-/]+$/.test(key)) {
            throw new errors/* UsageError */.eb(`${at(keyNode)}: parameters: '${key}' is neither an SSM parameter name nor a Vault key (vault:mount/path#key)`);
        }
        const value = item.value;
        if (value !== null && !(0,dist/* isMap */.jh)(value) && !((0,dist/* isScalar */.jn)(value) && value.value === null)) {
            throw new errors/* UsageError */.eb(`${at(value)}: parameters.${key}: expected a map of checks (or nothing)`);
        }
        if ((0,dist/* isMap */.jh)(value))
            checkKeys(value, PARAMETER_KEYS, `parameters.${key}.`, at);
        const own = readFields((0,dist/* isMap */.jh)(value) ? value : null, `parameters.${key}`, at);
        const merged = { ...defaults, ...own };
        const name = vaultKey || key.startsWith("/") ? key : `${base}${key}`;
        // The naming rule of a path fetch: relative to the prefix; an absolute name by its last segment;
        // a Vault key by the key.
        const envName = own.env ??
            (0,naming_envName/* toEnvName */.Kw)(vaultKey ? vaultKey[1] : key.startsWith("/") ? key.slice(key.lastIndexOf("/") + 1) : key, "upper");
        const expectation = {
            name,
            envName,
            required: merged.required ?? true,
            // Vault has no SSM type, KMS key or modification date: those checks are SSM's only.
            ...(vaultKey ? {} : { type: merged.type ?? "SecureString" }),
            warnAgeDays: merged.warnAgeDays ?? 5,
            placeholders: [...(defaults.placeholders ?? []), ...(own.placeholders ?? [])],
            severity: { ...types/* DEFAULT_SEVERITY */.Un, ...defaults.severity, ...overrides, ...own.severity },
            where: at(keyNode),
        };
        if (merged.kmsKey !== undefined && !vaultKey)
            expectation.kmsKey = merged.kmsKey;
        if (merged.maxAgeDays !== undefined && !vaultKey)
            expectation.maxAgeDays = merged.maxAgeDays;
        if (merged.pattern !== undefined)
            expectation.pattern = merged.pattern;
        if (merged.minLength !== undefined)
            expectation.minLength = merged.minLength;
        expectations.push(expectation);
    }
    return { prefix: base, expectations };
}
function readFields(map, path, at) {
    const fields = {};
    if (!map)
        return fields;
    const get = (key) => ({ value: map.get(key), node: map.get(key, true) });
    const fail = (key, node, expected, value) => {
        throw new errors/* UsageError */.eb(`${at(node)}: ${path}.${key}: expected ${expected}; got '${String(value)}'`);
    };
    const req = get("required");
    if (req.value !== undefined)
        fields.required =
            typeof req.value === "boolean" ? req.value : fail("required", req.node, "true or false", req.value);
    const type = get("type");
    if (type.value !== undefined) {
        fields.type = types/* PARAMETER_TYPES */.KZ.includes(type.value)
            ? type.value
            : fail("type", type.node, types/* PARAMETER_TYPES */.KZ.join(", "), type.value);
    }
    const kms = get("kms_key");
    if (kms.value !== undefined)
        fields.kmsKey =
            typeof kms.value === "string" && kms.value !== ""
                ? kms.value
                : fail("kms_key", kms.node, "a KMS key alias, id or ARN like alias/mev-beta-secrets", kms.value);
    for (const [key, field] of [
        ["max_age_days", "maxAgeDays"],
        ["warn_age_days", "warnAgeDays"],
        ["min_length", "minLength"],
    ]) {
        const f = get(key);
        if (f.value === undefined)
            continue;
        fields[field] =
            Number.isInteger(f.value) && f.value >= 0
                ? f.value
                : fail(key, f.node, "a whole number, 0 or more", f.value);
    }
    const pattern = get("pattern");
    if (pattern.value !== undefined) {
        if (typeof pattern.value !== "string")
            fail("pattern", pattern.node, "a regular expression like ^https://", pattern.value);
        try {
            new RegExp(pattern.value, "u");
        }
        catch (error) {
            fail("pattern", pattern.node, `a valid regular expression (${error.message})`, pattern.value);
        }
        fields.pattern = pattern.value;
    }
    const ph = get("placeholders");
    if (ph.value !== undefined) {
        const list = ph.value?.toJSON?.() ?? ph.value;
        fields.placeholders =
            Array.isArray(list) && list.every((p) => typeof p === "string")
                ? list
                : fail("placeholders", ph.node, "a list of strings", JSON.stringify(list));
    }
    const env = get("env");
    if (env.value !== undefined)
        fields.env =
            typeof env.value === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(env.value)
                ? env.value
                : fail("env", env.node, "an env name (letters, digits, _)", env.value);
    const severity = get("severity");
    if (severity.value !== undefined) {
        const plain = severity.value?.toJSON?.() ?? severity.value;
        fields.severity = (0,verify_severity/* parseSeverities */.f)(plain, `${at(severity.node)}: ${path}.severity`);
    }
    return fields;
}
function checkKeys(map, allowed, path, at) {
    for (const item of map.items) {
        const key = (0,dist/* isScalar */.jn)(item.key) ? String(item.key.value) : "";
        if (!allowed.includes(key)) {
            throw new errors/* UsageError */.eb(`${at(item.key)}: ${path}${key}: unknown key. Expected one of: ${allowed.join(", ")}`);
        }
    }
}

// EXTERNAL MODULE: ./build/shared/verify/report.js + 1 modules
var report = __webpack_require__(6396);
// EXTERNAL MODULE: ./node_modules/dotenv/dist/index.cjs
var dotenv_dist = __webpack_require__(8230);
;// CONCATENATED MODULE: ./build/shared/verify/targets.js



/** A target that could not be read: verify reports it and cannot pass. */
class TargetError extends Error {
}
/** Reads a values target into env name -> value. Values stay in memory; nothing is printed. */
async function readTargetValues(target) {
    if (target.kind === "command") {
        const [file, ...args] = target.argv;
        const { execa } = await __webpack_require__.e(/* import() */ 993).then(__webpack_require__.bind(__webpack_require__, 6993));
        const result = await execa(file, args, {
            reject: false,
            encoding: "utf8",
            stripFinalNewline: false,
        });
        if (result.failed) {
            // Its output is not shown, masked or not: a target can hold secrets that SSM no longer has
            // (a drifted value), which the masker does not know.
            const why = result.exitCode === undefined ? "could not start" : `exited with ${result.exitCode}`;
            throw new TargetError(`${target.text}: ${why} (its output is not shown: it may hold secrets)`);
        }
        return parseValues(String(result.stdout), target.text);
    }
    let text;
    try {
        text = await (0,promises_.readFile)(target.path, "utf8");
    }
    catch (error) {
        throw new TargetError(`${target.text}: cannot read: ${error.code ?? error.message}`);
    }
    if (target.kind === "k8s-secret")
        return secretValues(text, target.text);
    return "docker" in target && target.docker
        ? parseDockerEnv(text, target.text)
        : parseValues(text, target.text);
}
/** A Kubernetes Secret (or List of one), else JSON, shell or dotenv. */
function parseValues(text, label) {
    const trimmed = text.trim();
    if (trimmed.startsWith("{") || /^(apiVersion|kind):/m.test(trimmed)) {
        const doc = parseDoc(trimmed, label);
        if (doc &&
            typeof doc === "object" &&
            ("data" in doc || "stringData" in doc || doc.kind)) {
            return secretValues(trimmed, label);
        }
        if (doc && typeof doc === "object" && !Array.isArray(doc)) {
            return new Map(Object.entries(doc).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
        }
    }
    const lines = trimmed.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
    // Shell files start every variable with `export`; a quoted value may continue on later lines.
    const starts = lines.filter((l) => /^(export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(l));
    if (starts.length > 0 && starts.every((l) => l.startsWith("export ")))
        return parseShell(text, label);
    return new Map(Object.entries((0,dotenv_dist.parse)(text)));
}
function parseDoc(text, label) {
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new TargetError(`${label}: not valid YAML or JSON: ${error.message.split("\n")[0]}`);
    }
}
function secretValues(text, label) {
    let doc = parseDoc(text, label);
    if (doc?.kind === "List" && Array.isArray(doc.items))
        doc = (doc.items[0] ?? null);
    if (!doc || typeof doc !== "object" || (doc.kind !== undefined && doc.kind !== "Secret")) {
        throw new TargetError(`${label}: not a Kubernetes Secret (kind: Secret, with data or stringData)`);
    }
    const values = new Map();
    for (const [k, v] of Object.entries(doc.data ?? {})) {
        values.set(k, Buffer.from(String(v), "base64").toString("utf8"));
    }
    for (const [k, v] of Object.entries(doc.stringData ?? {}))
        values.set(k, String(v));
    return values;
}
/**
 * As the docker CLI reads `--env-file`: lines split at LF (one CR before it dropped), a BOM at the
 * start and leading whitespace trimmed, empty and `#` lines skipped, the value verbatim after the
 * first `=`. A name without `=` takes its value from the caller's environment there, which staging
 * does not share with this check, so such lines are left out. Lines docker refuses are refused.
 */
function parseDockerEnv(text, label) {
    const values = new Map();
    // Go's unicode.IsSpace, which docker trims with (JavaScript's \s differs in U+0085 and U+FEFF).
    const leadingSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
    for (const [i, raw] of text
        .replace(/^\uFEFF/, "")
        .split("\n")
        .entries()) {
        const line = raw.replace(/\r$/, "").replace(leadingSpace, "");
        if (line === "" || line.startsWith("#"))
            continue;
        const eq = line.indexOf("=");
        const name = eq === -1 ? line : line.slice(0, eq);
        if (name === "" || /[ \t]/.test(name)) {
            throw new TargetError(`${label}: line ${i + 1}: docker refuses a variable name that is empty or holds whitespace`);
        }
        if (eq !== -1)
            values.set(name, line.slice(eq + 1));
    }
    return values;
}
/** `export NAME='...'` lines, as ssm-gate's shell format and most renderers write them. */
function parseShell(text, label) {
    const values = new Map();
    const re = /^export ([A-Za-z_][A-Za-z0-9_]*)=((?:'[^']*'|\\.|[^\s'\\])*)[ \t]*$/gm;
    for (const m of text.matchAll(re)) {
        const raw = m[2] ?? "";
        let value = "";
        for (const part of raw.matchAll(/'([^']*)'|\\(.)|([^'\\]+)/g))
            value += part[1] ?? part[2] ?? part[3] ?? "";
        values.set(m[1], value);
    }
    if (values.size === 0)
        throw new TargetError(`${label}: no export NAME=value lines could be read`);
    return values;
}

;// CONCATENATED MODULE: ./build/shared/verify/template.js




/** A dotenv template's keys, each with the placeholder value it ships with. */
async function loadTemplate(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`cannot read template ${path}: ${error.message}`);
    }
    const keys = new Map(Object.entries((0,dotenv_dist.parse)(text)));
    if (keys.size === 0)
        throw new errors/* UsageError */.eb(`template ${path} holds no KEY=value lines`);
    return keys;
}
/**
 * Expectations from a template: every key is required; its parameter is the one under `prefix`
 * whose name maps to the key by the naming rule (`found`: env name -> parameter name), and the
 * template's own value counts as a placeholder.
 */
function templateExpectations(template, prefix, found, path, overrides) {
    return [...template].map(([envName, placeholder]) => ({
        // A key with no parameter under the prefix is reported under the name it would most likely have.
        name: found.get(envName) ?? `${prefix}${envName.toLowerCase()}`,
        envName,
        required: true,
        warnAgeDays: 5,
        placeholders: placeholder.trim() === "" ? [] : [placeholder],
        severity: { ...types/* DEFAULT_SEVERITY */.Un, ...overrides },
        where: `${path}: ${envName}`,
    }));
}

;// CONCATENATED MODULE: ./build/shared/jobs/verify.js











/**
 * The staging sync gate: every expected parameter exists in SSM, is valid and current, and the
 * targets hold exactly what SSM holds. SSM errors propagate (exit 3: could not check); a target
 * that cannot be read is an `error` finding, so the report says what was checked.
 */
async function runVerify(config, context) {
    const { logger, masker } = context;
    const now = context.now ?? new Date();
    const gateway = context.gateway ?? (0,ssm/* createGateway */.j)(config);
    let expectations;
    let prefix;
    let fetched;
    let keyIds = new Map();
    let vault;
    // vault: targets are read with the manifest's Vault entries, under one Vault login.
    const vaultTargets = new Map();
    for (const t of config.targets) {
        if (t.kind === "vault")
            vaultTargets.set({ kind: "vault", text: t.text, path: t.path, prefix: "", optional: true }, t.text);
    }
    const readVault = (specs) => (0,shared_vault/* fetchVaultFor */.W)([...specs, ...vaultTargets.keys()], config, context, () => gateway);
    if (config.source.kind === "manifest") {
        const manifest = await loadManifest(config.source.path, config.severity);
        ({ expectations, prefix } = manifest);
        const names = [...new Set(expectations.map((e) => e.name))];
        const specs = names
            .filter((n) => !n.startsWith("vault:"))
            .map((name) => ({ kind: "name", text: name, name, optional: true }));
        const vaultSpecs = names
            .filter((n) => n.startsWith("vault:"))
            .map((name) => ({ ...(0,spec/* parseSpec */.F9)(name, config.source.path), optional: true }));
        // Values, KMS metadata and Vault at once: none of them waits for another.
        const withKey = [...new Set(expectations.filter((e) => e.kmsKey).map((e) => e.name))];
        let outcome;
        [outcome, keyIds, vault] = await Promise.all([
            (0,fetch/* fetchSpecs */.L)(specs, gateway),
            describe(gateway, withKey),
            readVault(vaultSpecs),
        ]);
        // A Vault value is checked under the manifest's own key for it.
        const vaultValues = vault.parameters
            .filter((p) => !vaultTargets.has(p.spec))
            .map((p) => ({ ...p, name: p.spec.text }));
        fetched = [...outcome.parameters, ...vaultValues];
    }
    else {
        prefix = config.source.prefix;
        const template = await loadTemplate(config.source.path);
        const path = prefix.slice(0, -1) || "/";
        const spec = { kind: "path", text: prefix, path, recursive: true, prefix: "", optional: true };
        [fetched, vault] = await Promise.all([
            (0,fetch/* fetchSpecs */.L)([spec], gateway).then((o) => o.parameters),
            readVault([]),
        ]);
        const byEnv = new Map(fetched.map((p) => [(0,naming_envName/* toEnvName */.Kw)((0,naming_envName/* relativeTo */.Mf)(path, p.name), "upper"), p.name]));
        expectations = templateExpectations(template, prefix, byEnv, config.source.path, config.severity);
    }
    // The keys of each vault: target secret that exists, by the target's text.
    const vaultKeys = new Map();
    for (const p of vault.parameters) {
        const text = vaultTargets.get(p.spec);
        if (text !== undefined)
            vaultKeys.set(text, [...(vaultKeys.get(text) ?? []), p.key ?? ""]);
    }
    // Registered before anything is logged: no check below prints a value, but a bug must not leak one.
    for (const p of fetched)
        masker.add(p.value, p.name);
    const byName = new Map(fetched.map((p) => [p.name, p]));
    logger.info(`verify: ${expectations.length} parameters from ${config.source.path}; ${byName.size} found in SSM`);
    const findings = [];
    for (const e of expectations)
        findings.push(...checkParameter(e, byName.get(e.name), keyIds.get(e.name), now));
    const values = new Map(fetched.map((p) => [p.name, p.value]));
    for (const target of config.targets) {
        try {
            if (target.kind === "vault") {
                const keys = vaultKeys.get(target.text);
                if (!keys)
                    throw new TargetError(`${target.text}: no such secret in Vault`);
                const names = new Set(keys.map((k) => (0,naming_envName/* toEnvName */.Kw)(k, "upper")));
                findings.push(...envParity(expectations, names, target.path, target.text));
            }
            else if (target.kind === "ssm") {
                const other = await gateway.getParametersByPath(target.prefix.slice(0, -1) || "/", true);
                const names = new Set(other.map((p) => (p.Name ?? "").slice(target.prefix.length)));
                findings.push(...nameParity(expectations, prefix, names, target.prefix, target.text));
            }
            else {
                const targetValues = await readTargetValues(target);
                findings.push(...valueDrift(expectations, values, targetValues, target.text));
            }
        }
        catch (error) {
            if (!(error instanceof TargetError))
                throw error;
            findings.push({
                parameter: "",
                envName: "",
                check: "target",
                result: "error",
                detail: masker.redact(error.message),
                target: target.text,
            });
        }
    }
    return (0,report/* buildReport */.FK)(findings, config.source.path, expectations.length, now);
}
function describe(gateway, names) {
    return names.length > 0 ? gateway.describeKeyIds(names) : Promise.resolve(new Map());
}


/***/ })

};
