/** Scaffolds for the hub and the registry: a hub component (with a first version) and a model. */
import { checkTag, parseNameParts } from "./arg-names.js";
import { componentDir, componentVersionPath, modelDir } from "./catalog-paths.js";
import { refuseUsage, succeed, type Outcome } from "./outcome.js";
import { createChange, type FileChange, type Plan } from "./plan.js";
import { componentReadme, modelCard } from "./readme-templates.js";
import { modelineOf, requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { buildSpec } from "./spec-template.js";
import { buildYaml } from "../yaml-writer/build.js";
import { quoted } from "../yaml-writer/style.js";

/** The values of a new hub component. */
export interface NewComponent {
  /** `org/name`. */
  ref: string;
  owner: string;
  team?: string;
  description?: string;
  tags?: string[];
  maintainers?: string[];
  /** When set, also write `versions/<version>.yaml` and its release entry. */
  version?: string;
  /** Container image of the first version (required with `version`). */
  image?: string;
  command?: string[];
  /** The release time of the first version (ISO). */
  now: string;
}

/** Plan `orgs/<org>/components/<c>/component.yaml`, its README.md, and optionally a first version. */
export function scaffoldComponent(ctx: ScaffoldContext, input: NewComponent): Outcome<Plan> {
  const parts = parseNameParts(
    input.ref,
    2,
    "component",
    "<org>/<name> (or <org>/<project>/<name> for a project component)",
  );
  if (!parts.ok) return parts;
  const [org, name] = parts.value as [string, string];
  if (input.version !== undefined) {
    const tag = checkTag(input.version, "--version");
    if (!tag.ok) return tag;
    if (input.image === undefined)
      return refuseUsage(
        "--version needs --image: the first version's container image",
        "add --image <image>, e.g. --image python:3.12",
      );
  }
  const orgOk = requireOrg(ctx, org);
  if (!orgOk.ok) return orgOk;
  const dir = componentDir(org, name);
  const releases =
    input.version === undefined
      ? undefined
      : [{ tag: quoted(input.version), stage: "testing", releasedAt: quoted(input.now), notes: "First release." }];
  const text = buildYaml(
    "A hub entry. The versions are unchanged Polyaxon component specs in\nversions/<tag>.yaml; this file holds ownership, release stages and notes.",
    [
      { key: "name", value: name },
      { key: "description", value: input.description, example: "description: What the component does." },
      { key: "tags", value: input.tags?.length ? input.tags : undefined, example: "tags: [training]" },
      { key: "owner", value: input.owner, comment: "The owning user: a member of the organization." },
      { key: "team", value: input.team, example: "team: platform" },
      {
        key: "maintainers",
        value: input.maintainers?.length ? input.maintainers : undefined,
        example: "maintainers: [alice, bob]",
      },
      {
        key: "mutableTags",
        value: undefined,
        comment: "Tags that may change after publication; every other tag is immutable.",
        example: "mutableTags: [latest]",
      },
      {
        key: "releases",
        value: releases,
        comment: "One entry per file in versions/: stage (testing, staging, production, disabled) and notes.",
        example: 'releases:\n  - tag: "1.0.0"\n    stage: testing\n    notes: First release.',
      },
    ],
    { modeline: modelineOf(ctx, "Component", `${dir}/component.yaml`) },
  );
  const changes: FileChange[] = [
    createChange(`${dir}/component.yaml`, text),
    createChange(`${dir}/README.md`, componentReadme(org, name, input.description, input.version)),
  ];
  if (input.version !== undefined && input.image !== undefined) {
    const relPath = componentVersionPath(org, name, input.version);
    const modeline = modelineOf(ctx, "ComponentVersion", relPath);
    const spec = buildSpec({
      name,
      image: input.image,
      ...(input.description !== undefined && { description: input.description }),
      ...(input.command !== undefined && { command: input.command }),
      ...(modeline !== undefined && { modeline }),
    });
    changes.push(createChange(relPath, spec));
  }
  return succeed({ changes, notes: [] });
}

/** The values of a new registry model. */
export interface NewModel {
  /** `org/name`. */
  ref: string;
  owner: string;
  team?: string;
  description?: string;
  task?: string;
  framework?: string;
  license?: string;
  tags?: string[];
}

/** Plan `orgs/<org>/models/<m>/model.yaml` and its model card. */
export function scaffoldModel(ctx: ScaffoldContext, input: NewModel): Outcome<Plan> {
  const parts = parseNameParts(input.ref, 2, "model", "<org>/<model>");
  if (!parts.ok) return parts;
  const [org, name] = parts.value as [string, string];
  const orgOk = requireOrg(ctx, org);
  if (!orgOk.ok) return orgOk;
  const dir = modelDir(org, name);
  const text = buildModelYaml({ ...input, name, modeline: modelineOf(ctx, "Model", `${dir}/model.yaml`) });
  return succeed({
    changes: [
      createChange(`${dir}/model.yaml`, text),
      createChange(`${dir}/README.md`, modelCard(org, name, input.description)),
    ],
    notes: [],
  });
}

/** The text of a model entry (used by `new model` and by `promote experiment` when the model is new). */
export function buildModelYaml(input: Omit<NewModel, "ref"> & { name: string; modeline?: string | undefined }): string {
  return buildYaml(
    "A registry entry. Its versions are in versions/<tag>.yaml, each with a stage,\nthe history of its stage changes and its lineage; README.md is the model card.",
    [
      { key: "name", value: input.name },
      { key: "description", value: input.description, example: "description: What the model predicts." },
      { key: "task", value: input.task, example: "task: binary-classification" },
      { key: "framework", value: input.framework, example: "framework: xgboost" },
      { key: "license", value: input.license, comment: "An SPDX expression.", example: "license: Apache-2.0" },
      { key: "tags", value: input.tags?.length ? input.tags : undefined, example: "tags: [tabular]" },
      { key: "owner", value: input.owner, comment: "The owning user: a member of the organization." },
      { key: "team", value: input.team, example: "team: ml" },
    ],
    input.modeline === undefined ? {} : { modeline: input.modeline },
  );
}
