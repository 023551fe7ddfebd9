/**
 * A version's evaluation table groups its results the way the model page's comparison does: by task
 * and dataset version, and by split where the table has no split column, in the order they were written.
 */
import { describe, expect, it } from "vitest";
import { groupEvaluations } from "../../src/site-data/evaluation-groups.js";

const row = (dataset: string, datasetVersion: string | undefined, split: string, metric: string) => ({
  task: "binary-classification",
  dataset,
  ...(datasetVersion !== undefined && { datasetVersion }),
  split,
  metric,
});

describe("groupEvaluations", () => {
  const rows = [
    row("fraud", "v7", "test", "auc"),
    row("fraud", "v7", "valid", "auc"),
    row("fraud", "v7", "test", "pr_auc"),
    row("fraud", undefined, "test", "auc"),
  ];

  it.each([
    [
      "by split",
      true,
      [
        ["fraud@v7 test", ["auc", "pr_auc"]],
        ["fraud@v7 valid", ["auc"]],
        ["fraud@- test", ["auc"]],
      ],
    ],
    [
      "without split",
      false,
      [
        ["fraud@v7 -", ["auc", "auc", "pr_auc"]],
        ["fraud@- -", ["auc"]],
      ],
    ],
  ] as const)("groups %s: each result once, under the group of its first row", (_, bySplit, expected) => {
    const groups = groupEvaluations(rows, bySplit);
    expect(
      groups.map((g) => [`${g.dataset}@${g.datasetVersion ?? "-"} ${g.split ?? "-"}`, g.rows.map((r) => r.metric)]),
    ).toEqual(expected);
  });

  it("leaves a dataset without a version unversioned rather than a blank version", () => {
    expect(groupEvaluations([row("fraud", undefined, "test", "auc")])[0]).not.toHaveProperty("datasetVersion");
  });
});
