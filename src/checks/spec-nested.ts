/** The components nested in a spec: a DAG's inline `components` and its operations' inline `component`s, at any depth. */
import type { ValuePath } from "../yaml/positions.js";

/** Call `fn` with each component nested in `spec` (not `spec` itself), with its path. */
export function forEachNestedComponent(
  spec: unknown,
  base: ValuePath,
  fn: (component: Record<string, unknown>, path: ValuePath) => void,
): void {
  if (!isRecord(spec) || !isRecord(spec.run)) return;
  const visit = (component: unknown, path: ValuePath) => {
    if (!isRecord(component)) return;
    fn(component, path);
    forEachNestedComponent(component, path, fn);
  };
  const { components, operations } = spec.run;
  if (Array.isArray(components)) components.forEach((c, i) => visit(c, [...base, "run", "components", i]));
  if (Array.isArray(operations))
    operations.forEach((op, i) => isRecord(op) && visit(op.component, [...base, "run", "operations", i, "component"]));
}

/** Whether `value` is a plain mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
