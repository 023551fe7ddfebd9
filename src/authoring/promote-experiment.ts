/**
 * `promote experiment`: write a model version from a succeeded experiment,
 * with its full lineage (project, experiment, component version, parameters,
 * code commit), its metrics and artifacts, creating the model entry if needed.
 */
import { isNode, type Node } from "yaml";
import type { Stage } from "../model/types.js";
import { checkTag, parseNameParts } from "./arg-names.js";
import { experimentPath, modelDir, modelVersionPath } from "./catalog-paths.js";
import { resolveComponentRef } from "../relations/component-refs.js";
import { projectOf } from "../relations/project-refs.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { createChange, type FileChange, type Plan } from "./plan.js";
import { modelCard } from "./readme-templates.js";
import { modelineOf, requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { buildModelYaml } from "./scaffold-hub.js";
import { displayPath } from "./workspace.js";
import { buildYaml } from "../yaml-writer/build.js";
import { quoted } from "../yaml-writer/style.js";

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
  if (
    typeof data.component !== "string" ||
    resolveComponentRef(catalog, data.component, { scope: projectOf(experiment) }).status !== "found"
  ) {
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
  };
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
      { key: "metrics", value: data.metrics !== undefined ? node("metrics") : undefined },
      { key: "createdAt", value: quoted(input.now) },
      { key: "createdBy", value: input.by },
    ],
    { modeline: modelineOf(ctx, "ModelVersion", relPath) },
  );
  changes.push(createChange(relPath, text));
  return succeed({ changes, notes });
}
