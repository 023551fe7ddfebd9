/**
 * `promote experiment`: write a model version from a succeeded experiment,
 * with its full lineage (project, experiment, component version, parameters,
 * code commit, input data), its metrics, evaluation, artifacts and flavors,
 * creating the model entry if needed; and say what is left to fill for the
 * stages the catalog's policy governs.
 */
import { isMap, isNode, isSeq, type Node } from "yaml";
import { describeMissing, missingRequirements, stageRequirements } from "../checks/stage-policy.js";
import { STAGES, type ModelVersionData, type Stage } from "../model/types.js";
import { checkTag, parseNameParts } from "./arg-names.js";
import { experimentPath, modelDir, modelVersionPath } from "./catalog-paths.js";
import { resolveComponentRef } from "./lineage-trace.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { createChange, type FileChange, type Plan } from "./plan.js";
import { modelCard } from "./readme-templates.js";
import { modelineOf, requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { buildModelYaml } from "./scaffold-hub.js";
import { displayPath } from "./workspace.js";
import { buildYaml } from "./yaml-build.js";
import { quoted } from "./yaml-style.js";

/** What to promote, and where to. */
export interface PromoteExperimentInput {
  /** `org/project/experiment`. */
  experiment: string;
  /** `org/model`. */
  model: string;
  /** The new version's tag. */
  version: string;
  stage: Stage;
  /** Username of the person promoting. */
  by: string;
  /** ISO time of the promotion. */
  now: string;
  /** Why (the first stage history entry's reason); defaults to "promoted from experiment ...". */
  reason?: string;
  description?: string;
  /** Owner of the model entry when it is created (default: `by`). */
  owner?: string;
}

/** Plan the model version (and the model entry, when missing). */
export function planPromoteExperiment(ctx: ScaffoldContext, input: PromoteExperimentInput): Outcome<Plan> {
  const expParts = parseNameParts(input.experiment, 3, "experiment", "<org>/<project>/<experiment>");
  if (!expParts.ok) return expParts;
  const modelParts = parseNameParts(input.model, 2, "--model", "<org>/<model>");
  if (!modelParts.ok) return modelParts;
  const tag = checkTag(input.version, "--version");
  if (!tag.ok) return tag;
  const [org, project, name] = expParts.value as [string, string, string];
  const [modelOrg, model] = modelParts.value as [string, string];
  const { catalog } = ctx.ws;

  const experiment = catalog.get("Experiment", input.experiment);
  if (!experiment) {
    const known = catalog
      .all("Experiment")
      .filter((e) => e.project === project && e.org === org)
      .map((e) => e.name);
    return refuse(
      `experiment "${input.experiment}" does not exist (no ${displayPath(ctx.ws, experimentPath(org, project, name))})`,
      known.length
        ? `promote one of the project's experiments: ${known.join(", ")}`
        : `add the run record first: ${displayPath(ctx.ws, experimentPath(org, project, name))}`,
    );
  }
  const data = experiment.data;
  if (data.status !== "succeeded") {
    return refuse(
      `experiment "${input.experiment}" has status "${String(data.status)}"; only a succeeded experiment can be promoted`,
      "promote a run that succeeded, or record the run's final status in its file first",
    );
  }
  const projectKey = `${org}/${project}`;
  if (typeof data.component !== "string" || !resolveComponentRef(catalog, data.component, projectKey)) {
    return refuse(
      `experiment "${input.experiment}" ran component "${String(data.component)}", which does not exist in the catalog`,
      "a model version's lineage must lead to a component version: publish that version to the hub (mlcat promote component), or fix the experiment's `component`",
    );
  }
  const orgOk = requireOrg(ctx, modelOrg);
  if (!orgOk.ok) return orgOk;
  const relPath = modelVersionPath(modelOrg, model, input.version);
  if (catalog.has("ModelVersion", `${input.model}:${input.version}`)) {
    return refuse(
      `model version "${input.model}:${input.version}" already exists (${displayPath(ctx.ws, relPath)}); versions are never overwritten`,
      "promote it under a new tag",
    );
  }

  const changes: FileChange[] = [];
  const notes: string[] = [];
  if (!catalog.has("Model", input.model)) {
    const dir = modelDir(modelOrg, model);
    const owner = input.owner ?? input.by;
    const text = buildModelYaml({
      name: model,
      owner,
      description: `Promoted from ${input.experiment}.`,
      modeline: modelineOf(ctx, "Model", `${dir}/model.yaml`),
    });
    changes.push(
      createChange(`${dir}/model.yaml`, text),
      createChange(`${dir}/README.md`, modelCard(modelOrg, model, undefined)),
    );
    notes.push(
      `created the registry entry ${input.model} (owner ${owner}); describe it in ${displayPath(ctx.ws, dir)}/model.yaml and its model card README.md`,
    );
  }

  const node = (key: string): Node | undefined => {
    const n = experiment.source.doc.get(key, true);
    return isNode(n) ? (n.clone() as Node) : undefined;
  };
  const code =
    data.code && typeof data.code === "object"
      ? { ...(data.code.repo && { repo: data.code.repo }), ...(data.code.commit && { commit: data.code.commit }) }
      : undefined;
  const lineage = {
    project: modelOrg === org ? project : projectKey,
    experiment: name,
    component: data.component,
    ...(data.params !== undefined && { params: node("params") }),
    ...(code && Object.keys(code).length > 0 && { code }),
    // Inputs from another run name it as <project>/<experiment> of the run's organization.
    ...(data.inputs !== undefined && modelOrg === org && { inputs: node("inputs") }),
  };
  // Each result says which run measured it: this one, unless it names another (same organization only).
  const evaluation = data.evaluation !== undefined && modelOrg === org ? node("evaluation") : undefined;
  if (isSeq(evaluation))
    for (const item of evaluation.items)
      if (isMap(item) && !item.has("experiment")) item.set("experiment", `${project}/${name}`);
  const version: Partial<ModelVersionData> = {
    artifacts: data.artifacts,
    ...(data.flavors !== undefined && { flavors: data.flavors }),
    ...(evaluation !== undefined && { evaluation: data.evaluation }),
  };
  const settings = catalog.get("Catalog", "catalog")?.data;
  const missingNow = missingRequirements(version, stageRequirements(settings, input.stage));
  if (missingNow.length > 0) {
    return refuse(
      `the catalog's policy requires of a ${input.stage} version what experiment "${input.experiment}" does not record: ${describeMissing(missingNow)}`,
      `promote it to testing (--stage testing), fill in ${describeMissing(missingNow)}, then mlcat stage it`,
    );
  }
  const text = buildYaml(
    "A model version: its stage, every stage change (who, when, why), and the\nlineage that made it. Written by `mlcat promote experiment`.",
    [
      { key: "name", value: quoted(input.version) },
      { key: "description", value: input.description, example: "description: What changed in this version." },
      { key: "stage", value: input.stage },
      {
        key: "stageHistory",
        value: [
          {
            stage: input.stage,
            at: quoted(input.now),
            by: input.by,
            reason: input.reason ?? `promoted from experiment ${input.experiment}`,
          },
        ],
      },
      { key: "lineage", value: lineage },
      { key: "artifacts", value: data.artifacts !== undefined ? node("artifacts") : undefined },
      { key: "flavors", value: data.flavors !== undefined ? node("flavors") : undefined },
      { key: "metrics", value: data.metrics !== undefined ? node("metrics") : undefined },
      { key: "evaluation", value: evaluation },
      { key: "createdAt", value: quoted(input.now) },
      { key: "createdBy", value: input.by },
    ],
    { modeline: modelineOf(ctx, "ModelVersion", relPath) },
  );
  changes.push(createChange(relPath, text));
  notes.push(...leftToFill(settings, version, input.stage, data.inputs !== undefined && modelOrg === org));
  return succeed({ changes, notes });
}

/** What the run did not record that the version still needs: for each later stage the policy governs, then the rest of the registry's fields. */
function leftToFill(
  settings: Parameters<typeof stageRequirements>[0],
  version: Partial<ModelVersionData>,
  stage: Stage,
  inputsCopied: boolean,
): string[] {
  const notes: string[] = [];
  const named = new Set<string>();
  const later = STAGES.slice(STAGES.indexOf(stage) + 1).filter((s) => s !== "disabled");
  for (const next of later) {
    const missing = missingRequirements(version, stageRequirements(settings, next)).filter(
      (m) => !named.has(m.requirement),
    );
    for (const m of missing) named.add(m.requirement);
    if (missing.length > 0)
      notes.push(`left to fill before ${next} (catalog.yaml policy.stages.${next}): ${describeMissing(missing)}`);
  }
  const rest = [
    ["flavor", version.flavors === undefined, "flavors (how to load each artifact)"],
    ["signature", true, "signature"],
    ["inputExample", true, "inputExample"],
    ["evaluation", version.evaluation === undefined, "evaluation (task, dataset with version, split, metric, value)"],
    ["inputs", !inputsCopied, "lineage.inputs (the data the run read, pinned by a version or checksum)"],
  ] as const;
  const open = rest.filter(([key, missing]) => missing && !named.has(key)).map(([, , text]) => text);
  if (open.length > 0)
    notes.push(`the run does not record ${open.join(", ")}: add them to the version where they apply`);
  return notes;
}
