/** Polyaxon component specs as the site shows them: IO tables and usage snippets. */
import { stringify } from "yaml";
import type { Entity } from "../model/entity.js";
import type { ComponentSpecData, IoData } from "../model/types.js";
import type { IoRow, NameValue, SpecView } from "./types.js";

/** A value as short YAML-ish text: strings bare, everything else as flow YAML. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "null";
  if (typeof value === "object") return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
  return String(value);
}

/** A value as YAML that parses back to it (strings quoted when needed): for snippets. */
export function yamlValue(value: unknown): string {
  return stringify(value ?? null, { collectionStyle: "flow", lineWidth: 0 }).trim();
}

/** The rows of an inputs or outputs table. An input with a `value` is optional (Polyaxon's rule). */
export function ioRows(fields: readonly IoData[] | undefined): IoRow[] {
  return (fields ?? []).map((f) => {
    const hasDefault = f.value !== undefined;
    return {
      name: f.name,
      type: f.type ?? "any",
      ...(hasDefault && { default: formatValue(f.value) }),
      optional: Boolean(f.isOptional) || hasDefault,
      list: Boolean(f.isList),
      flag: Boolean(f.isFlag),
      ...(f.description !== undefined && { description: f.description }),
      ...(f.connection !== undefined && { connection: f.connection }),
      ...(f.toEnv !== undefined && { toEnv: f.toEnv }),
    };
  });
}

/** Name/value pairs of a params or schema object, values as text. */
export function nameValues(obj: Record<string, unknown> | undefined): NameValue[] {
  return Object.entries(obj ?? {}).map(([name, value]) => ({ name, value: formatValue(value) }));
}

/** The spec part of a component page: description, run kind, image, IO, source. */
export function specView(entity: Entity<"ComponentVersion" | "ProjectComponent">): SpecView {
  const spec = entity.data as ComponentSpecData;
  const container = (spec.run as { container?: { image?: unknown } } | undefined)?.container;
  return {
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.run?.kind !== undefined && { runKind: spec.run.kind }),
    ...(typeof container?.image === "string" && { image: container.image }),
    inputs: ioRows(spec.inputs),
    outputs: ioRows(spec.outputs),
    sourceFile: entity.source.relPath,
    sourceYaml: entity.source.text,
  };
}

/** Placeholder for a required input in a usage snippet. */
function placeholder(io: IoData): unknown {
  if (io.isList) return [];
  switch (io.type) {
    case "int":
      return 0;
    case "float":
      return 0.0;
    case "bool":
      return false;
    default:
      return `<${io.name}>`;
  }
}

/**
 * A Polyaxon operation that runs a hub version: `hubRef: org/name:tag` plus
 * the inputs it needs (required ones with placeholders, optional ones
 * commented with their defaults).
 */
export function usageSnippet(ref: string, spec: ComponentSpecData): string {
  const required = (spec.inputs ?? []).filter((i) => !i.isOptional && i.value === undefined);
  const optional = (spec.inputs ?? []).filter((i) => i.isOptional || i.value !== undefined);
  const lines = ["version: 1.1", "kind: operation", `hubRef: ${ref}`];
  if (required.length + optional.length > 0) lines.push("params:");
  for (const i of required) lines.push(`  ${i.name}:`, `    value: ${yamlValue(placeholder(i))}`);
  for (const i of optional) lines.push(`  # ${i.name}:`, `  #   value: ${yamlValue(i.value ?? null)}`);
  return `${lines.join("\n")}\n`;
}
