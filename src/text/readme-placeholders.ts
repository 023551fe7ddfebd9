/**
 * The sentences of the README templates `mlcat new` and `mlcat promote`
 * write (a project's README, a hub component's, a model card) that stand
 * for what the author is to write: a README still holding one is published
 * as it is, so validation warns (`readme/unfilled-template`).
 */

/** Each placeholder sentence, as the templates write it. */
export const README_PLACEHOLDERS = {
  projectPurpose: "What this project is for, in a paragraph.",
  projectData: "Where the data comes from, which connections the runs use, and how often it is refreshed.",
  projectRun: "How to start the project's experiments (components, parameters), and where results go.",
  componentPurpose: "What this component does, in a paragraph.",
  componentNotes: "Requirements (connections, resources), limits, and what changed between versions",
  modelPurpose: "What this model predicts, for whom, in a paragraph.",
  modelUse: "Who uses the model and for what; uses it is not suited for.",
  modelData: "Which data the model is trained on; each version's lineage (in `versions/<tag>.yaml`)",
  modelEvaluation: "Metrics, on which data, and how they compare with the version in production.",
  modelRisks: "Known failure modes, fairness considerations, monitoring.",
} as const;

/** A placeholder found in a text: which, and where (1-based line and column). */
export interface PlaceholderFound {
  sentence: string;
  line: number;
  column: number;
}

/** The placeholder sentences `text` still holds, in the order they appear. */
export function findPlaceholders(text: string): PlaceholderFound[] {
  const found: Array<PlaceholderFound & { offset: number }> = [];
  for (const sentence of Object.values(README_PLACEHOLDERS)) {
    const offset = text.indexOf(sentence);
    if (offset < 0) continue;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    found.push({ sentence, line, column: offset - before.lastIndexOf("\n"), offset });
  }
  return found.sort((a, b) => a.offset - b.offset).map(({ sentence, line, column }) => ({ sentence, line, column }));
}
