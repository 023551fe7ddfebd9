/**
 * Names Polyaxon gives a meaning to in component specs: the template
 * namespaces every `{{ }}` may read besides the spec's own inputs and outputs,
 * and the IO names that would clash with them.
 *
 * Source: Polyaxon's context sections (`inputs`, `outputs`, `io`, `artifacts`,
 * `globals`), the params/connections/init resolution of a run, and the DAG
 * and matrix contexts (`dag`, `ops`, `matrix`).
 */

/** Top-level names a template may read without declaring them. */
export const TEMPLATE_NAMESPACES: readonly string[] = [
  "globals",
  "params",
  "connections",
  "init",
  "inputs",
  "outputs",
  "io",
  "artifacts",
  "dag",
  "ops",
  "matrix",
];

/** Jinja's own global functions, which Polyaxon's template engine also knows. */
export const JINJA_GLOBALS: readonly string[] = ["range", "dict", "lipsum", "cycler", "joiner", "namespace"];

/** IO names Polyaxon refuses (IO_NAME_BLACK_LIST in `cli/polyaxon/_flow/io/io.py`): they are its own context. */
export const RESERVED_IO_NAMES: ReadonlySet<string> = new Set(["globals", "params", "connections"]);

/** Whether a template may read `name` without the spec declaring it. */
export function isKnownTemplateName(name: string): boolean {
  return TEMPLATE_NAMESPACES.includes(name) || JINJA_GLOBALS.includes(name);
}
