/**
 * Scan a component spec's YAML for `{{ }}` templates that read names the spec
 * does not declare, and point at each such name in the source.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from "yaml";
import type { Position } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/entity.js";
import { positionOfOffset } from "../yaml/positions.js";
import { isKnownTemplateName } from "./polyaxon-names.js";
import { templateReferences, type TemplateReference } from "./templates.js";

/** A template name that resolves to nothing. */
export interface UnknownTemplateName {
  name: string;
  /** `params` when written `params.<name>`. */
  via: TemplateReference["via"];
  /** Where the name sits (inside the string when the scalar allows it, else the scalar's start). */
  position: Position;
  /** The IO names declared where the template sits (for suggestions). */
  declared: string[];
}

/**
 * Every unknown name read by the templates of a component spec. Templates are
 * read in every string value except `description`s; a nested component (a
 * mapping with its own `run`, as in a DAG's `components`) declares its own scope.
 */
export function findUnknownTemplateNames(source: SourceFile): UnknownTemplateName[] {
  const out: UnknownTemplateName[] = [];
  const root = source.doc.contents;
  if (isMap(root)) walk(root, declaredIoNames(root), source, out);
  return out;
}

/**
 * Whether the templates of a spec's plain data read any unknown name: the
 * same walk as `findUnknownTemplateNames` over the data instead of the
 * document (an accepted file's data mirrors its document entry for entry),
 * so the document is needed only when there is something to point at.
 */
export function hasUnknownTemplateNames(data: unknown): boolean {
  return isRecord(data) && walkData(data, declaredDataNames(data));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function declaredDataNames(spec: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const section of ["inputs", "outputs"]) {
    const list = spec[section];
    if (!Array.isArray(list)) continue;
    for (const item of list) if (isRecord(item) && typeof item.name === "string") names.push(item.name);
  }
  return names;
}

function scopeOfData(value: unknown, scope: string[]): string[] {
  return isRecord(value) && isRecord(value.run) ? declaredDataNames(value) : scope;
}

function walkData(node: unknown, scope: string[]): boolean {
  // Loops, not entries(): this walks every string of every spec of a catalog, and pairs cost the collector.
  if (Array.isArray(node)) {
    for (const item of node) if (walkData(item, scopeOfData(item, scope))) return true;
    return false;
  }
  if (isRecord(node)) {
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key !== "description" && walkData(value, scopeOfData(value, scope))) return true;
    }
    return false;
  }
  if (typeof node !== "string" || !node.includes("{{")) return false;
  return templateReferences(node).some((ref) => !(scope.includes(ref.name) || (ref.via === "free" && isKnownTemplateName(ref.name))));
}

/** The names of a spec mapping's inputs and outputs. */
export function declaredIoNames(spec: YAMLMap): string[] {
  const names: string[] = [];
  for (const section of ["inputs", "outputs"]) {
    const list = spec.get(section, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const name = isMap(item) ? item.get("name", true) : undefined;
      if (isScalar(name) && typeof name.value === "string") names.push(name.value);
    }
  }
  return names;
}

function walk(node: unknown, scope: string[], source: SourceFile, out: UnknownTemplateName[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isScalar(pair.key) && pair.key.value === "description") continue;
      const value = pair.value;
      const nested = isMap(value) && isMap(value.get("run", true));
      walk(value, nested ? declaredIoNames(value as YAMLMap) : scope, source, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const nested = isMap(item) && isMap(item.get("run", true));
      walk(item, nested ? declaredIoNames(item as YAMLMap) : scope, source, out);
    }
  } else if (isScalar(node) && typeof node.value === "string" && node.value.includes("{{")) {
    checkScalar(node as Scalar<string>, scope, source, out);
  }
}

function checkScalar(node: Scalar<string>, scope: string[], source: SourceFile, out: UnknownTemplateName[]): void {
  const seen = new Set<string>();
  for (const ref of templateReferences(node.value)) {
    const known = scope.includes(ref.name) || (ref.via === "free" && isKnownTemplateName(ref.name));
    const id = `${ref.via}:${ref.name}`;
    if (known || seen.has(id)) continue;
    seen.add(id);
    out.push({ name: ref.name, via: ref.via, position: positionInScalar(node, ref.offset, source), declared: scope });
  }
}

/**
 * The position of offset `offset` of a scalar's value: exact when the scalar
 * sits on one line and its source text between quotes equals its value (plain,
 * or quoted without escapes); the scalar's start otherwise.
 */
export function positionInScalar(node: Scalar, offset: number, source: SourceFile): Position {
  const range = (node as Node).range;
  if (!range) return { line: 1, column: 1 };
  const raw = source.text.slice(range[0], range[1]);
  const value = String(node.value);
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  const inner = quoted ? raw.slice(1, -1) : raw;
  const exact = (node.type === "PLAIN" || quoted) && !raw.includes("\n") && inner === value;
  return positionOfOffset(source, range[0] + (exact ? (quoted ? 1 : 0) + offset : 0));
}
