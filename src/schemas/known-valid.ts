/**
 * Data already known to pass a schema: the loader's fast paths (a worker
 * thread, or the content cache) validate each file's data once and mark the
 * data object, so the schema check does not validate it a second time. Only
 * valid data is marked; anything else is validated (and explained) by the
 * schema check as usual. Marks are keyed by the data object itself: replaced
 * data is validated again.
 */
const marks = new WeakMap<object, string>();

/** Record that `data` passed the schema in `schemaFile`. */
export function markSchemaValid(data: unknown, schemaFile: string): void {
  if (data !== null && typeof data === "object") marks.set(data, schemaFile);
}

/** Whether `data` is known to pass the schema in `schemaFile`. */
export function isMarkedSchemaValid(data: unknown, schemaFile: string): boolean {
  return data !== null && typeof data === "object" && marks.get(data) === schemaFile;
}
