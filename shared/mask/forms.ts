// The forms of one secret that a log line may hold. The GitHub runner registers the value, its lines,
// base64 at byte offsets 0-2, JSON, URI, XML and command-line escaped forms; this adds base64url,
// shell re-quoting, JSON string leaves, and base64 trimmed at both ends, which also catches
// `echo "$SECRET" | base64` (the secret followed by a newline), a form the runner misses.

/**
 * The part of base64(prefix + value + suffix) that depends on the value alone, for a prefix of
 * `offset` bytes: the characters before and after it also encode bytes around it.
 */
export function base64Core(bytes: Uint8Array, offset: number, url = false): string {
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  const encoded = Buffer.from(padded).toString(url ? "base64url" : "base64");
  const start = Math.ceil((offset * 8) / 6);
  const end = Math.floor(((offset + bytes.length) * 8) / 6);
  return encoded.slice(start, end);
}

function xmlEscape(value: string, apos: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, apos);
}

/** String leaves of a JSON object or array value (API keys in a JSON credentials blob). */
function jsonLeaves(value: string): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const leaves: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === "string") leaves.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(parsed);
  return leaves;
}

/** Every form of `value` to mask, each at least `minLength` characters long. */
export function formsOf(value: string, minLength: number): Set<string> {
  const forms = new Set<string>();
  const add = (form: string) => {
    if (form.length >= minLength) forms.add(form);
  };
  const pieces = new Set([value]);
  for (const line of value.split(/\r\n|\n|\r/)) pieces.add(line.trim());
  for (const leaf of jsonLeaves(value)) pieces.add(leaf);

  for (const piece of pieces) {
    if (piece.trim().length < minLength) continue;
    add(piece);
    add(JSON.stringify(piece).slice(1, -1));
    add(encodeURIComponent(piece));
    add(encodeURIComponent(piece).replace(/%20/g, "+"));
    add(piece.replace(/'/g, "'\\''"));
    add(piece.replace(/"/g, '\\"'));
    add(xmlEscape(piece, "&#39;"));
    add(xmlEscape(piece, "&apos;"));
    const bytes = Buffer.from(piece, "utf8");
    for (const offset of [0, 1, 2]) {
      add(base64Core(bytes, offset));
      add(base64Core(bytes, offset, true));
    }
  }
  return forms;
}
