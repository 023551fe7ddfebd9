/** Facets of the hub and the registry: values and how many items carry each. */
import type { ComponentSummary, Facet, ModelSummary } from "./types.js";
import { STAGE_RANK } from "./registry.js";

/** A facet over `items`, each item carrying zero or more values; values sorted by `order`, else by name. */
export function facetOf<T>(
  id: string,
  label: string,
  items: readonly T[],
  valuesOf: (item: T) => readonly string[],
  order?: readonly string[],
): Facet {
  const counts = new Map<string, number>();
  for (const item of items) for (const v of new Set(valuesOf(item))) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rank = (v: string) => (order?.includes(v) ? order.indexOf(v) : Number.MAX_SAFE_INTEGER);
  const values = [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => rank(a.value) - rank(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { id, label, values };
}

/** The hub's facets: organization, tags, run kind, stage. */
export function hubFacets(components: readonly ComponentSummary[]): Facet[] {
  return [
    facetOf("org", "Organization", components, (c) => [c.org]),
    facetOf("tag", "Tags", components, (c) => c.tags),
    facetOf("runKind", "Run kind", components, (c) => (c.runKind ? [c.runKind] : [])),
    facetOf("stage", "Stage", components, (c) => (c.stage ? [c.stage] : []), STAGE_RANK),
  ];
}

/** The registry's facets: organization, task, license, stage (any version's). */
export function registryFacets(models: readonly ModelSummary[]): Facet[] {
  return [
    facetOf("org", "Organization", models, (m) => [m.org]),
    facetOf("task", "Task", models, (m) => (m.task ? [m.task] : [])),
    facetOf("license", "License", models, (m) => (m.license ? [m.license] : [])),
    facetOf("stage", "Stage", models, (m) => m.stages, STAGE_RANK),
  ];
}
