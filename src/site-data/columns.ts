/**
 * The site's rule for its tables: a column no row fills is left out. Imports nothing: the site's
 * pages use it as source, in a packaged install too (package.json ships src/site-data).
 */
/** Whether a cell has something to show: not missing, not blank, not an empty list, not `false`. */
export function fills(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== false &&
    value !== "" &&
    !(Array.isArray(value) && value.length === 0)
  );
}

/**
 * The site's rule for every table: a column no row fills is left out. `columns` says what a row
 * shows in each optional column; the answer says which columns to draw (`{ notes: false, ... }`).
 * A cell a row leaves empty in a drawn column is marked `data-empty` (a stacked card drops it).
 */
export function filledColumns<T, K extends string>(
  rows: readonly T[],
  columns: Record<K, (row: T) => unknown>,
): Record<K, boolean> {
  const shown = {} as Record<K, boolean>;
  for (const key of Object.keys(columns) as K[]) shown[key] = rows.some((row) => fills(columns[key](row)));
  return shown;
}

/** `data-empty` for a cell: present when the row leaves the cell empty (see filledColumns). */
export function emptyMark(value: unknown): "" | undefined {
  return fills(value) ? undefined : "";
}
