/**
 * The canonical key order of each kind of file, and of the mappings inside
 * them: identity first, then description, then the rest as the data contract
 * (src/model/types.ts) lists it. Keys a shape does not know keep their order,
 * after the known ones. Component specs are Polyaxon's and are not reordered.
 */
import type { Kind } from "../model/kinds.js";

/** The order of a mapping's keys, and the shapes of its values. */
export interface Shape {
  keys?: readonly string[];
  /** Shapes of the values of some keys. */
  fields?: Readonly<Record<string, Shape>>;
  /** Shape of every item, when the value is a sequence. */
  items?: Shape;
}

const MEMBERS: Shape = { items: { keys: ["user", "role"] } };
const TEAMS: Shape = { items: { keys: ["team", "role"] } };
const QUOTAS: Shape = { keys: ["projects", "models", "components", "resources"] };
const ARTIFACTS: Shape = { items: { keys: ["name", "uri", "kind", "connection", "size", "sha256"] } };
const TENSORS: Shape = { items: { keys: ["name", "type", "shape"] } };
const FLAVORS: Shape = {
  items: { keys: ["name", "artifact", "format", "framework", "frameworkVersion", "load", "requirements", "image"] },
};
const EVALUATION: Shape = {
  items: {
    keys: ["task", "dataset", "metric", "value", "experiment"],
    fields: { dataset: { keys: ["name", "version", "revision", "split", "uri"] } },
  },
};
const DATA_INPUTS: Shape = {
  items: { keys: ["name", "uri", "version", "sha256", "connection", "experiment", "artifact"] },
};

/** The shape of each kind that `fmt` formats. */
export const KIND_SHAPES: Partial<Record<Kind, Shape>> = {
  Catalog: {
    keys: ["title", "description", "siteUrl", "repository", "admins", "vocabularies", "policy", "externalHubs"],
    fields: {
      repository: {
        keys: ["url", "branch", "path", "host", "links"],
        fields: { links: { keys: ["view", "edit", "history", "commit"] } },
      },
      vocabularies: { keys: ["tags", "licenses"] },
      policy: {
        keys: ["maxChangedFiles", "productionApprovers", "requireStageReason", "productionAliases", "stages"],
        fields: { stages: { keys: ["testing", "staging", "production"] } },
      },
    },
  },
  User: { keys: ["name", "displayName", "github", "email", "bio"], fields: { github: { keys: ["login", "id"] } } },
  Organization: {
    keys: ["name", "displayName", "description", "visibility", "website", "members", "delegations", "quotas"],
    fields: { members: MEMBERS, delegations: { items: { keys: ["area", "to"] } }, quotas: QUOTAS },
  },
  Team: {
    keys: ["name", "description", "members", "projects", "quotas"],
    fields: { members: MEMBERS, projects: { items: { keys: ["project", "role"] } }, quotas: QUOTAS },
  },
  Connection: {
    keys: ["name", "kind", "description", "tags", "schema", "secret", "configMap", "env", "annotations"],
    fields: { secret: { keys: ["name", "mountPath", "items"] }, configMap: { keys: ["name", "mountPath", "items"] } },
  },
  Project: {
    keys: ["name", "description", "tags", "visibility", "owner", "team", "teams", "members", "connections"],
    fields: { teams: TEAMS, members: MEMBERS },
  },
  Component: {
    keys: [
      "name",
      "description",
      "tags",
      "visibility",
      "owner",
      "team",
      "maintainers",
      "teams",
      "members",
      "mutableTags",
      "releases",
    ],
    fields: {
      teams: TEAMS,
      members: MEMBERS,
      releases: {
        items: {
          keys: ["tag", "stage", "releasedAt", "notes", "deprecated", "source"],
          fields: { deprecated: { keys: ["reason", "replacement"] }, source: { keys: ["project", "path", "commit"] } },
        },
      },
    },
  },
  Model: {
    keys: [
      "name",
      "description",
      "task",
      "framework",
      "license",
      "tags",
      "aliases",
      "datasets",
      "baseModel",
      "visibility",
      "owner",
      "team",
      "teams",
      "members",
    ],
    fields: { teams: TEAMS, members: MEMBERS },
  },
  ModelVersion: {
    keys: [
      "name",
      "description",
      "stage",
      "stageHistory",
      "tags",
      "lineage",
      "artifacts",
      "flavors",
      "serving",
      "metrics",
      "evaluation",
      "signature",
      "inputExample",
      "createdAt",
      "createdBy",
    ],
    fields: {
      stageHistory: { items: { keys: ["stage", "at", "by", "reason"] } },
      lineage: {
        keys: ["project", "experiment", "component", "params", "code", "inputs"],
        fields: { code: { keys: ["repo", "commit"] }, inputs: DATA_INPUTS },
      },
      artifacts: ARTIFACTS,
      flavors: FLAVORS,
      serving: { keys: ["component", "params"] },
      evaluation: EVALUATION,
      inputExample: { keys: ["artifact", "value"] },
      signature: { keys: ["inputs", "outputs"], fields: { inputs: TENSORS, outputs: TENSORS } },
    },
  },
  Experiment: {
    keys: [
      "name",
      "description",
      "component",
      "params",
      "inputs",
      "metrics",
      "evaluation",
      "artifacts",
      "flavors",
      "code",
      "status",
      "startedAt",
      "finishedAt",
      "createdBy",
      "tags",
    ],
    fields: {
      inputs: DATA_INPUTS,
      evaluation: EVALUATION,
      artifacts: ARTIFACTS,
      flavors: FLAVORS,
      code: { keys: ["repo", "commit", "branch"] },
    },
  },
};
