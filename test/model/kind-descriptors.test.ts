import { describe, expect, it } from "vitest";
import { KIND_SHAPES } from "../../src/authoring/key-order.js";
import { KIND_DESCRIPTORS, kindsWhere } from "../../src/model/kind-descriptors.js";
import {
  classifyPath,
  classifyReadme,
  entityFolder,
  entityPath,
  isNamedByFolder,
  KIND_LABEL,
  KINDS,
  LAYOUT_HINT,
  nameScopeOf,
  readmeOwnerPath,
  SCHEMA_FILE,
  type Kind,
  type PathIds,
  type PathInfo,
} from "../../src/model/kinds.js";
import { fillTemplate, templateReader, templateVariables } from "../../src/model/path-template.js";
import { KIND_GLOBS } from "../../src/schemas/schema-files.js";
import { pagePath } from "../../src/site-data/urls.js";

/**
 * The layout as a user sees it, kind by kind: a file's path, the identity mlcat gives it, where its name
 * must be unique and its site page. A `Record<Kind, …>`: a new kind does not compile until it has a row.
 */
const LAYOUT: Record<Kind, { path: string; info: Omit<PathInfo, "kind">; scope: string[]; page: string }> = {
  Catalog: { path: "catalog.yaml", info: { key: "catalog", name: "catalog" }, scope: [], page: "" },
  User: { path: "users/ada.yaml", info: { key: "ada", name: "ada" }, scope: [], page: "users/ada/" },
  Organization: {
    path: "orgs/acme/organization.yaml",
    info: { key: "acme", name: "acme", org: "acme" },
    scope: [],
    page: "orgs/acme/",
  },
  Team: {
    path: "orgs/acme/teams/ml.yaml",
    info: { key: "acme/ml", name: "ml", org: "acme" },
    scope: ["org"],
    page: "orgs/acme/teams/ml/",
  },
  Connection: {
    path: "orgs/acme/connections/s3.yaml",
    info: { key: "acme/s3", name: "s3", org: "acme" },
    scope: ["org"],
    page: "orgs/acme/connections/s3/",
  },
  Project: {
    path: "orgs/acme/projects/churn/project.yaml",
    info: { key: "acme/churn", name: "churn", org: "acme", project: "churn" },
    scope: ["org"],
    page: "orgs/acme/projects/churn/",
  },
  ProjectComponent: {
    path: "orgs/acme/projects/churn/components/train.yaml",
    info: { key: "acme/churn/train", name: "train", org: "acme", project: "churn" },
    scope: ["org", "project"],
    page: "orgs/acme/projects/churn/components/train/",
  },
  Operation: {
    path: "orgs/acme/projects/churn/operations/nightly.yaml",
    info: { key: "acme/churn/nightly", name: "nightly", org: "acme", project: "churn" },
    scope: ["org", "project"],
    page: "orgs/acme/projects/churn/operations/nightly/",
  },
  Experiment: {
    path: "orgs/acme/projects/churn/experiments/run-1.yaml",
    info: { key: "acme/churn/run-1", name: "run-1", org: "acme", project: "churn" },
    scope: ["org", "project"],
    page: "orgs/acme/projects/churn/experiments/run-1/",
  },
  Component: {
    path: "orgs/acme/components/kaniko/component.yaml",
    info: { key: "acme/kaniko", name: "kaniko", org: "acme" },
    scope: ["org"],
    page: "hub/acme/kaniko/",
  },
  ComponentVersion: {
    path: "orgs/acme/components/kaniko/versions/1.2.yaml",
    info: { key: "acme/kaniko:1.2", name: "1.2", org: "acme", parent: "kaniko" },
    scope: ["org", "parent"],
    page: "hub/acme/kaniko/1.2/",
  },
  Model: {
    path: "orgs/acme/models/churn-clf/model.yaml",
    info: { key: "acme/churn-clf", name: "churn-clf", org: "acme" },
    scope: ["org"],
    page: "registry/acme/churn-clf/",
  },
  ModelVersion: {
    path: "orgs/acme/models/churn-clf/versions/2.0.0.yaml",
    info: { key: "acme/churn-clf:2.0.0", name: "2.0.0", org: "acme", parent: "churn-clf" },
    scope: ["org", "parent"],
    page: "registry/acme/churn-clf/2.0.0/",
  },
};

/** The path variables of an identity: what `entityPath` takes. */
function idsOf(info: Omit<PathInfo, "kind">): PathIds {
  const { org, project, parent, name } = info;
  return { org, project, parent, name };
}

describe("kind descriptors", () => {
  it("describe every kind, in the order summaries list them", () => {
    expect(Object.keys(KIND_DESCRIPTORS)).toEqual(KINDS);
    expect(Object.keys(LAYOUT)).toEqual(KINDS);
  });

  it.each(KINDS)("%s: the path pattern and its inverse builder round-trip", (kind) => {
    const { path, info } = LAYOUT[kind];
    expect(classifyPath(path)).toEqual({ kind, ...info });
    expect(entityPath(kind, idsOf(info))).toBe(path);
    // And back from what classifyPath gives.
    expect(entityPath(kind, idsOf(classifyPath(path)!))).toBe(path);
  });

  it.each(KINDS)("%s: its name is unique within its scope, and its page is where the site puts it", (kind) => {
    expect(nameScopeOf(kind)).toEqual(LAYOUT[kind].scope);
    expect(pagePath(kind, LAYOUT[kind].info.key)).toBe(LAYOUT[kind].page);
  });

  it.each(KINDS)("%s: key, name and page are filled from the path's own variables only", (kind) => {
    const d = KIND_DESCRIPTORS[kind];
    const pathVars = templateVariables(d.path);
    for (const template of [d.key, d.name, d.page]) {
      for (const v of templateVariables(template)) expect(pathVars).toContain(v);
    }
    // The key holds every variable of the path, so two files never share one; and it reads back.
    expect([...templateVariables(d.key)].sort()).toEqual([...new Set(pathVars)].sort());
    expect(templateReader(d.key)(LAYOUT[kind].info.key)).toEqual(
      Object.fromEntries(templateVariables(d.key).map((v) => [v, LAYOUT[kind].info[v as keyof PathIds]])),
    );
  });

  it.each(KINDS)("%s: its editor glob and schema file name its files", (kind) => {
    const re = new RegExp(`^${KIND_GLOBS[kind].replaceAll(".", "\\.").replaceAll("*", "[^/]+")}$`);
    expect(LAYOUT[kind].path).toMatch(re);
    expect(SCHEMA_FILE[kind]).toMatch(/^[a-z-]+\.schema\.json$/);
    expect(KIND_LABEL[kind]).toMatch(/^[a-z ]+$/);
  });

  it.each(kindsWhere((d) => d.readme))("%s: README.md in its folder belongs to it", (kind) => {
    const folder = entityFolder(kind, idsOf(LAYOUT[kind].info));
    expect(isNamedByFolder(kind)).toBe(true);
    const readme = classifyReadme(`${folder}/README.md`);
    expect(readme).toEqual({ ownerKind: kind, ownerKey: LAYOUT[kind].info.key });
    expect(readmeOwnerPath(readme!)).toBe(LAYOUT[kind].path);
  });

  it("no README belongs to a kind that does not say so", () => {
    for (const kind of kindsWhere((d) => !d.readme)) {
      const path = LAYOUT[kind].path;
      expect(classifyReadme(`${path.slice(0, path.lastIndexOf("/"))}/README.md`)?.ownerKind).not.toBe(kind);
    }
  });

  it.each(KINDS)("%s: a visibility parent or rule scope names the entity whose folder holds the file", (kind) => {
    const d = KIND_DESCRIPTORS[kind];
    const ids = idsOf(LAYOUT[kind].info);
    const owners: Array<{ kind: Kind; key: string }> = [];
    if (typeof d.visibility === "object") owners.push({ kind: d.visibility.parent, key: d.visibility.key });
    if (typeof d.rules === "object") owners.push({ kind: d.rules.entity, key: d.rules.key });
    for (const owner of owners) {
      const key = fillTemplate(owner.key, ids);
      expect(LAYOUT[owner.kind].info.key).toBe(key);
      const ownerIds = templateReader(KIND_DESCRIPTORS[owner.kind].key)(key)!;
      if (owner.kind !== kind)
        expect(LAYOUT[kind].path.startsWith(`${entityFolder(owner.kind, ownerIds)}/`)).toBe(true);
    }
  });

  it("fmt has a key order for exactly the kinds mlcat formats", () => {
    expect(Object.keys(KIND_SHAPES).sort()).toEqual(kindsWhere((d) => d.format === "mlcat").sort());
  });

  it("the layout hint names every kind's file", () => {
    for (const kind of KINDS) {
      const last = KIND_DESCRIPTORS[kind].path
        .split("/")
        .pop()!
        .replace(/\{([a-z]+)\}/g, "<$1>");
      expect(LAYOUT_HINT).toContain(last);
    }
    expect(LAYOUT_HINT).toContain("orgs/<org>/projects/<project>/project.yaml (+ README.md, components/<name>.yaml");
  });
});
