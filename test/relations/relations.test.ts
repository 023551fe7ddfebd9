import { describe, expect, it } from "vitest";
import { componentSpecOf, replacementKey, resolveComponentRef } from "../../src/relations/component-refs.js";
import { parseHubRef, resolveHubRef } from "../../src/relations/hub-refs.js";
import { lineageComponent, lineageOf, originOf } from "../../src/relations/lineage.js";
import { resolveModelVersionRef } from "../../src/relations/model-refs.js";
import { parseProjectRef } from "../../src/relations/project-refs.js";
import { namingTeam, UsedBy } from "../../src/relations/used-by.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

/** BASE plus a project component `prep` of churn, a second org, and a hub component with no versions. */
const FILES: FileMap = {
  ...BASE,
  "orgs/acme/projects/churn/components/prep.yaml": `version: 1.1
kind: component
name: prep
run:
  kind: job
  container: { image: "python:3.12", command: [python, prep.py] }
`,
  "orgs/acme/components/empty/component.yaml": `name: empty
owner: alice
`,
  "orgs/beta/organization.yaml": `name: beta
visibility: private
members:
  - user: alice
    role: owner
`,
  "orgs/beta/projects/fraud/project.yaml": `name: fraud
owner: alice
`,
};
const catalog = loadFiles(FILES).catalog;
// The schema check marks which files are safe to read as typed data.
expect(validateCatalog(catalog).map((d) => `${d.code} ${d.file}`)).toEqual([]);
const churn = parseProjectRef("churn", "acme")!;

describe("project references", () => {
  it.each([
    { text: "churn", org: "acme", key: "acme/churn" },
    { text: "beta/fraud", org: "acme", key: "beta/fraud" },
    { text: "beta/fraud:1.0", org: "acme", key: undefined },
    { text: "Churn", org: "acme", key: undefined },
    { text: "a/b/c", org: "acme", key: undefined },
  ])("$text from $org is $key", ({ text, org, key }) => {
    expect(parseProjectRef(text, org)?.key).toBe(key);
  });
});

describe("component references", () => {
  it.each([
    {
      name: "hub version with a tag",
      text: "acme/train:1.0.0",
      scope: churn,
      expected: "found ComponentVersion acme/train:1.0.0",
    },
    { name: "hub component without a tag", text: "acme/train", scope: churn, expected: "no-tag" },
    {
      name: "without a tag, where the site accepts it",
      text: "acme/train",
      scope: churn,
      untagged: true,
      expected: "found Component acme/train",
    },
    { name: "unknown tag", text: "acme/train:9.9.9", scope: churn, expected: "unknown-version" },
    { name: "unknown organization", text: "nope/train:1.0.0", scope: churn, expected: "unknown-organization" },
    {
      name: "unknown organization, untagged",
      text: "nope/train",
      scope: churn,
      untagged: true,
      expected: "unknown-organization",
    },
    { name: "unknown component", text: "acme/nope:1.0.0", scope: churn, expected: "unknown-component" },
    {
      name: "unknown component, untagged",
      text: "acme/nope",
      scope: churn,
      untagged: true,
      expected: "unknown-component",
    },
    { name: "a component with no versions", text: "acme/empty:1.0.0", scope: churn, expected: "unknown-version" },
    { name: "malformed hub reference", text: "acme/Train:1.0.0", scope: churn, expected: "syntax" },
    { name: "a tag alone", text: ":1.0.0", scope: churn, expected: "syntax" },
    {
      name: "project component by name",
      text: "prep",
      scope: churn,
      expected: "found ProjectComponent acme/churn/prep",
    },
    { name: "unknown project component", text: "nope", scope: churn, expected: "unknown-project-component" },
    { name: "a bare name with no project", text: "prep", scope: null, expected: "no-project" },
    {
      name: "a bare name whose project did not resolve",
      text: "prep",
      scope: undefined,
      expected: "unresolved-project",
    },
    { name: "not a name", text: "Prep!", scope: churn, expected: "syntax" },
  ])("$name: $text", ({ text, scope, untagged, expected }) => {
    const r = resolveComponentRef(catalog, text, { scope, untagged: untagged ?? false });
    expect(r.status === "found" ? `found ${r.target.kind} ${r.target.key}` : r.status).toBe(expected);
  });

  it("lists the component's tags when the tag is missing or unknown", () => {
    const r = resolveComponentRef(catalog, "acme/train:2.0.0", { scope: null });
    expect(r).toMatchObject({ status: "unknown-version", componentKey: "acme/train", tags: ["1.0.0"] });
  });

  it("resolves a reference to a file the loader rejected (its problem is reported once, elsewhere)", () => {
    const broken = loadFiles({ ...FILES, "orgs/acme/components/train/versions/2.0.0.yaml": "version: [" }).catalog;
    const r = resolveComponentRef(broken, "acme/train:2.0.0", { scope: null });
    expect(r.status).toBe("found");
    expect(componentSpecOf(broken, "acme/train:2.0.0", null)).toBeUndefined();
  });

  it("gives the spec a run is judged against, labelled as messages name it", () => {
    expect(componentSpecOf(catalog, "acme/train:1.0.0", churn)?.label).toBe("acme/train:1.0.0");
    expect(componentSpecOf(catalog, "prep", churn)?.label).toBe('component "prep" of project acme/churn');
    expect(componentSpecOf(catalog, "acme/train", churn)).toBeUndefined();
  });

  it.each([
    { replacement: "2.0.0", key: "acme/train:2.0.0" },
    { replacement: "beta/other:1.0", key: "beta/other:1.0" },
  ])("a release replacement $replacement names $key", ({ replacement, key }) => {
    expect(replacementKey("acme/train", replacement)).toBe(key);
  });

  it.each([
    { text: "kaniko", ref: { owner: "polyaxon", name: "kaniko", tag: "latest" } },
    { text: "kaniko:1.2", ref: { owner: "polyaxon", name: "kaniko", tag: "1.2" } },
    { text: "acme/train:1.0.0", ref: { owner: "acme", name: "train", tag: "1.0.0" } },
    { text: "acme.train", ref: { owner: "acme", name: "train", tag: "latest" } },
    { text: "a/b/c", ref: undefined },
    { text: "a:b:c", ref: undefined },
  ])("hubRef $text", ({ text, ref }) => {
    expect(parseHubRef(text)).toEqual(ref);
  });
});

describe("hubRefs in the catalog's hub", () => {
  const c = loadFiles({
    ...FILES,
    "catalog.yaml": "title: Test catalog\nadmins: [alice]\nexternalHubs: [community]\n",
  }).catalog;
  // catalog.yaml's settings are read once it passed its schema.
  validateCatalog(c);
  it.each([
    { text: "acme/train:1.0.0", expected: { status: "found", key: "acme/train:1.0.0" } },
    { text: "acme.train:1.0.0", expected: { status: "found", key: "acme/train:1.0.0" } },
    { text: "acme/train", expected: { status: "unknown-version", tags: ["1.0.0"] } },
    { text: "acme/empty:1.0.0", expected: { status: "unknown-component" } },
    { text: "acme/nope:1.0.0", expected: { status: "unknown-component" } },
    { text: "kaniko:1.2", expected: { status: "unknown-hub", ref: { owner: "polyaxon" } } },
    { text: "community/thing:2", expected: { status: "external" } },
    { text: "a/b/c", expected: { status: "malformed" } },
  ])("$text", ({ text, expected }) => {
    expect(resolveHubRef(c, text)).toMatchObject(expected);
  });
});

describe("model version references", () => {
  const c = loadFiles({
    ...FILES,
    "orgs/acme/models/churn-model/versions/1.10.0.yaml": BASE[
      "orgs/acme/models/churn-model/versions/1.0.0.yaml"
    ]!.replace("name: 1.0.0", "name: 1.10.0"),
  }).catalog;
  it.each([
    { text: "acme/churn-model:1.0.0", expected: { status: "found", key: "acme/churn-model:1.0.0" } },
    { text: "acme/churn-model", expected: { status: "no-tag", tags: ["1.10.0", "1.0.0"] } },
    { text: "acme/churn-model:2.0.0", expected: { status: "unknown-version", tags: ["1.10.0", "1.0.0"] } },
    { text: "acme/nope:1.0.0", expected: { status: "unknown-model", modelKey: "acme/nope" } },
    { text: "nope/churn-model:1.0.0", expected: { status: "unknown-model", modelKey: "nope/churn-model" } },
    { text: "acme/churn-model:latest!", expected: { status: "syntax" } },
  ])("$text", ({ text, expected }) => {
    expect(resolveModelVersionRef(c, text)).toMatchObject(expected);
  });
});

function chainOf(files: FileMap, key: string) {
  const c = loadFiles(files).catalog;
  const chain = lineageOf(c, c.get("ModelVersion", key)!);
  return { chain, component: lineageComponent(c, chain) };
}

const MV = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const mv = (lineage: string) => `name: 1.0.0
stage: testing
stageHistory:
  - stage: testing
    at: "2025-12-10T12:00:00Z"
    by: alice
${lineage}`;

describe("the lineage chain", () => {
  it.each([
    {
      name: "project, experiment and its component",
      lineage: "lineage: { project: churn, experiment: run-1 }\n",
      expected: {
        project: "acme/churn",
        experiment: "acme/churn/run-1",
        component: "acme/train:1.0.0",
        from: "experiment",
      },
    },
    {
      name: "its own component wins over the experiment's",
      lineage: "lineage: { project: churn, experiment: run-1, component: prep }\n",
      expected: {
        project: "acme/churn",
        experiment: "acme/churn/run-1",
        component: "acme/churn/prep",
        from: "lineage",
      },
    },
    {
      name: "a project of another organization",
      lineage: "lineage: { project: beta/fraud, component: acme/train:1.0.0 }\n",
      expected: { project: "beta/fraud", component: "acme/train:1.0.0", from: "lineage" },
    },
    {
      name: "an unknown experiment",
      lineage: "lineage: { project: churn, experiment: run-9 }\n",
      expected: { project: "acme/churn" },
    },
    {
      name: "an unknown project: a bare component name does not resolve",
      lineage: "lineage: { project: nope, component: prep }\n",
      expected: { component: "unresolved-project", from: "lineage" },
    },
    {
      name: "no project: a bare component name has nowhere to be looked up",
      lineage: "lineage: { component: prep }\n",
      expected: { component: "no-project", from: "lineage" },
    },
    { name: "no lineage", lineage: "", expected: {} },
  ])("$name", ({ lineage, expected }) => {
    const { chain, component: c } = chainOf({ ...FILES, [MV]: mv(lineage) }, "acme/churn-model:1.0.0");
    expect({
      ...(chain.projectExists && { project: chain.projectRef!.key }),
      ...(chain.experiment && { experiment: chain.experiment.key }),
      ...(c && { component: c.status === "found" ? c.target.key : c.status, from: chain.componentFrom }),
    }).toEqual(expected);
  });

  it("takes params and code from the experiment when the lineage leaves them out", () => {
    const files = {
      ...FILES,
      "orgs/acme/projects/churn/experiments/run-1.yaml": `${BASE["orgs/acme/projects/churn/experiments/run-1.yaml"]}code: { commit: abc123 }\n`,
      [MV]: mv("lineage: { project: churn, experiment: run-1 }\n"),
    };
    const { chain } = chainOf(files, "acme/churn-model:1.0.0");
    expect([chain.params, chain.code]).toEqual([{ lr: 0.1 }, { commit: "abc123" }]);
  });

  it("goes back from a promoted hub version to the project component it came from", () => {
    const files = {
      ...FILES,
      "orgs/acme/components/train/component.yaml": `name: train
owner: alice
releases:
  - tag: "1.0.0"
    source: { project: churn, path: components/prep.yaml }
`,
    };
    const c = loadFiles(files).catalog;
    expect(originOf(c, c.get("ComponentVersion", "acme/train:1.0.0")!)?.key).toBe("acme/churn/prep");
    expect(originOf(catalog, catalog.get("ComponentVersion", "acme/train:1.0.0")!)).toBeUndefined();
  });
});

describe("used by", () => {
  const files: FileMap = {
    ...FILES,
    "orgs/acme/projects/churn/experiments/run-2.yaml": `name: run-2
component: prep
status: succeeded
`,
    "orgs/acme/models/churn-model/versions/2.0.0.yaml": mv("lineage: { project: churn, experiment: run-2 }\n").replace(
      "name: 1.0.0",
      "name: 2.0.0",
    ),
  };
  const usedBy = new UsedBy(loadFiles(files).catalog);

  it.each([
    { what: "a hub version", of: (u: UsedBy) => u.experimentsOf("acme/train:1.0.0"), keys: ["acme/churn/run-1"] },
    { what: "a project component", of: (u: UsedBy) => u.experimentsOf("acme/churn/prep"), keys: ["acme/churn/run-2"] },
    {
      what: "models of a hub version",
      of: (u: UsedBy) => u.modelsOf("acme/train:1.0.0"),
      keys: ["acme/churn-model:1.0.0"],
    },
    {
      what: "models of a project component",
      of: (u: UsedBy) => u.modelsOf("acme/churn/prep"),
      keys: ["acme/churn-model:2.0.0"],
    },
    {
      what: "models of a project",
      of: (u: UsedBy) => u.modelsOfProject("acme/churn"),
      keys: ["acme/churn-model:1.0.0", "acme/churn-model:2.0.0"],
    },
    {
      what: "models of an experiment",
      of: (u: UsedBy) => u.modelsOfExperiment("acme/churn/run-2"),
      keys: ["acme/churn-model:2.0.0"],
    },
    {
      what: "projects of a connection",
      of: (u: UsedBy) => u.projectsOfConnection("acme/s3-data"),
      keys: ["acme/churn"],
    },
    { what: "an unused version", of: (u: UsedBy) => u.experimentsOf("acme/train:9.9.9"), keys: [] },
  ])("$what", ({ of, keys }) => {
    expect(of(usedBy)).toEqual(keys);
  });

  it.each([
    { kind: "Project" as const, keys: ["acme/churn"] },
    { kind: "Component" as const, keys: [] },
    { kind: "Model" as const, keys: [] },
  ])("what names team acme/ml: $kind $keys", ({ kind, keys }) => {
    const c = loadFiles(files).catalog;
    expect(namingTeam(c, kind, c.get("Team", "acme/ml")!).map((e) => e.key)).toEqual(keys);
  });

  it("gathers every version of a hub component", () => {
    expect(usedBy.ofComponent("acme/train")).toEqual({
      projects: ["acme/churn"],
      experiments: ["acme/churn/run-1"],
      models: ["acme/churn-model:1.0.0"],
    });
  });
});
