/**
 * Evaluation results grouped by what makes them comparable: the task and the dataset at one version
 * (and, where a table has no split column, the split). The model page's comparison and a version's
 * own table both group this way. Imports nothing: the site's pages use it as source, in a packaged
 * install too (package.json ships src/site-data).
 */

/** What a group's rows share. */
export interface EvaluationGroupHead {
  task: string;
  dataset: string;
  datasetVersion?: string;
  /** Only when grouped by split. */
  split?: string;
}

/** The rows by task, dataset, dataset version (and split, with `bySplit`), each group where its first row is. */
export function groupEvaluations<R extends { task: string; dataset: string; datasetVersion?: string; split: string }>(
  rows: readonly R[],
  bySplit = false,
): Array<EvaluationGroupHead & { rows: R[] }> {
  const groups = new Map<string, EvaluationGroupHead & { rows: R[] }>();
  for (const r of rows) {
    const key = JSON.stringify([r.task, r.dataset, r.datasetVersion ?? null, bySplit ? r.split : null]);
    let group = groups.get(key);
    if (!group) {
      group = {
        task: r.task,
        dataset: r.dataset,
        ...(r.datasetVersion !== undefined && { datasetVersion: r.datasetVersion }),
        ...(bySplit && { split: r.split }),
        rows: [],
      };
      groups.set(key, group);
    }
    group.rows.push(r);
  }
  return [...groups.values()];
}
