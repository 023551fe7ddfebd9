/**
 * A value of a parsed catalog file as one line of flow YAML, with every
 * number, boolean and null written as it is in the file (`195.0` stays
 * `195.0`, `1.50` stays `1.50`): what a generated file copies from a record
 * so that it says exactly what the record says. Strings are re-quoted only
 * where YAML needs it; they parse back to the same text.
 */
import { isMap, isScalar, isSeq, stringify, type Document } from "yaml";
import type { ValuePath } from "./positions.js";

/** `value` as flow YAML text that parses back to it. */
export function flowYaml(value: unknown): string {
  return stringify(value ?? null, { collectionStyle: "flow", lineWidth: 0 }).trim();
}

/** A plain scalar that is not a string, on one line, that loaded as `value`: safe to copy as written. */
function writtenScalar(node: unknown, value: unknown): string | undefined {
  if (!isScalar(node) || node.type !== "PLAIN") return undefined;
  const source = (node as { source?: unknown }).source;
  if (typeof source !== "string" || /[\r\n]/.test(source)) return undefined;
  const v: unknown = node.value;
  const same = typeof v === "bigint" ? typeof value === "number" && Number(v) === value : Object.is(v, value);
  return same && (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || v === null)
    ? source
    : undefined;
}

/** The node's value as flow text, scalars as written; `undefined` when the node's shape does not match `value`. */
function nodeText(node: unknown, value: unknown, depth: number): string | undefined {
  if (depth > 64) return undefined;
  const written = writtenScalar(node, value);
  if (written !== undefined) return written;
  if (isSeq(node) && Array.isArray(value) && node.items.length === value.length) {
    const items = node.items.map((item, i) => nodeText(item, value[i], depth + 1) ?? flowYaml(value[i]));
    return `[${items.join(", ")}]`;
  }
  if (isMap(node) && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const byKey = new Map<string, unknown>();
    for (const pair of node.items) if (isScalar(pair.key)) byKey.set(String(pair.key.value), pair.value);
    const parts = entries.map(([k, v]) => `${flowYaml(k)}: ${nodeText(byKey.get(k), v, depth + 1) ?? flowYaml(v)}`);
    return `{${parts.join(", ")}}`;
  }
  return undefined;
}

/**
 * `value`, found at `path` of `doc`, as flow YAML: numbers, booleans and
 * nulls as the file writes them, anything else as `flowYaml` writes it. The
 * loaded `value` is the authority; the file's text is used only where its
 * node matches it.
 */
export function writtenFlowYaml(doc: Document.Parsed | undefined, path: ValuePath, value: unknown): string {
  const node = doc?.getIn(path, true);
  return nodeText(node, value, 0) ?? flowYaml(value);
}
