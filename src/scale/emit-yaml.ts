/**
 * Plain data to YAML text, the way people write catalog files: block style,
 * keys in the given order, short lists of names in flow style, and every
 * string that YAML (1.1 or 1.2) could read as something else quoted, dates
 * included, so any tool reads the values as strings.
 */

/** A plain string is safe when YAML reads it back as that same string in both 1.1 and 1.2. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9 _.,/()@+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** A string as YAML: plain when safe, double-quoted otherwise. */
export function emitString(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(" ") && !s.includes(" #") && !s.includes(": ")) return s;
  return JSON.stringify(s);
}

function emitScalar(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return emitString(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new Error(`cannot write ${typeof value} as YAML`);
}

/** A short list of plain names or numbers: `[a, b, c]`. */
function isFlowList(value: unknown[]): boolean {
  const simple = (v: unknown) =>
    typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && /^[A-Za-z0-9_.:/-]+$/.test(v));
  return (
    value.length > 0 &&
    value.length <= 8 &&
    value.every(simple) &&
    value.map((v) => emitScalar(v)).join(", ").length <= 70
  );
}

function emitValue(value: unknown, indent: string, out: string[], key: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${key} []`);
    else if (isFlowList(value)) out.push(`${key} [${value.map((v) => emitScalar(v)).join(", ")}]`);
    else {
      out.push(key);
      emitList(value, indent, out);
    }
  } else if (value !== null && typeof value === "object") {
    if (Object.keys(value).length === 0) out.push(`${key} {}`);
    else {
      out.push(key);
      emitMap(value as Record<string, unknown>, `${indent}  `, out);
    }
  } else out.push(`${key} ${emitScalar(value)}`);
}

function emitMap(map: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    emitValue(v, indent, out, `${lead}${emitString(k)}:`);
  }
}

function emitList(list: unknown[], indent: string, out: string[]): void {
  for (const item of list) {
    if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length > 0) {
      emitMap(item as Record<string, unknown>, `${indent}  `, out, `${indent}- `);
    } else if (Array.isArray(item)) {
      throw new Error("nested lists are not written by the generator");
    } else out.push(`${indent}- ${emitScalar(item)}`);
  }
}

/** A YAML document for `data`, with optional comment lines on top. */
export function emitYaml(data: Record<string, unknown>, comments: readonly string[] = []): string {
  const out: string[] = comments.map((c) => `# ${c}`);
  emitMap(data, "", out);
  return `${out.join("\n")}\n`;
}
