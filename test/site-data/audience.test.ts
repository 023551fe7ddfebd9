import { describe, expect, it } from "vitest";
import { effectiveVisibility, selectAudience } from "../../src/site-data/audience.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import type { CatalogHistory } from "../../src/site-data/history.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!;

/** BASE plus a private organization, and private things inside the public one. */
const WITH_PRIVATE: FileMap = {
  ...BASE,
  "users/zed.yaml": "name: zed\nemail: zed@secret.example\n",
  "orgs/secret-org/organization.yaml":
    "name: secret-org\nvisibility: private\nmembers:\n  - user: zed\n    role: owner\n  - user: alice\n    role: viewer\n",
  "orgs/secret-org/components/covert/component.yaml": "name: covert\nowner: zed\n",
  "orgs/secret-org/components/covert/versions/1.0.0.yaml": spec.replace("name: train", "name: covert"),
  "orgs/acme/projects/hush/project.yaml": "name: hush\nvisibility: private\nowner: bob\n",
  "orgs/acme/projects/hush/experiments/quiet-run.yaml":
    "name: quiet-run\ncomponent: acme/sealed:1.0.0\nstatus: succeeded\n",
  "orgs/acme/components/sealed/component.yaml": "name: sealed\nvisibility: private\nowner: alice\n",
  "orgs/acme/components/sealed/versions/1.0.0.yaml": spec.replace("name: train", "name: sealed"),
  "orgs/acme/teams/ml.yaml":
    "name: ml\nmembers:\n  - user: bob\n    role: member\nprojects:\n  - project: churn\n    role: member\n  - project: hush\n    role: admin\n",
  // A public experiment that ran a private component, and a public model version trained in a private project.
  "orgs/acme/projects/churn/experiments/run-2.yaml": "name: run-2\ncomponent: acme/sealed:1.0.0\nstatus: failed\n",
  "orgs/acme/models/churn-model/versions/2.0.0.yaml":
    'name: 2.0.0\nstage: staging\nstageHistory:\n  - { stage: staging, at: "2026-01-20T00:00:00Z", by: alice, reason: test }\nlineage:\n  project: hush\n  experiment: quiet-run\n  component: acme/sealed:1.0.0\n',
};

const PRIVATE = ["secret-org", "covert", "hush", "quiet-run", "sealed", "zed"];

function load(files: FileMap) {
  const { catalog, diagnostics } = loadFiles(files);
  expect(diagnostics).toEqual([]);
  return catalog;
}

describe("effectiveVisibility", () => {
  const catalog = load(WITH_PRIVATE);
  it.each([
    ["Organization", "acme", "public"],
    ["Organization", "secret-org", "private"],
    ["Component", "secret-org/covert", "private"],
    ["ComponentVersion", "secret-org/covert:1.0.0", "private"],
    ["Project", "acme/churn", "public"],
    ["Project", "acme/hush", "private"],
    ["Experiment", "acme/hush/quiet-run", "private"],
    ["Component", "acme/sealed", "private"],
    ["ComponentVersion", "acme/sealed:1.0.0", "private"],
    ["ComponentVersion", "acme/train:1.0.0", "public"],
    ["Team", "acme/ml", "public"],
    ["User", "zed", "public"],
  ] as const)("%s %s is %s", (kind, key, expected) => {
    expect(effectiveVisibility(catalog, catalog.get(kind, key)!)).toBe(expected);
  });
});

describe("the public audience", () => {
  const history: CatalogHistory = {
    available: true,
    byFile: {
      "orgs/acme/components/train/component.yaml": [
        {
          commit: "a".repeat(40),
          short: "aaaaaaa",
          date: "2026-01-02T00:00:00.000Z",
          author: "Alice",
          message: "Move hush onto train",
          change: "added",
          file: "orgs/acme/components/train/component.yaml",
        },
      ],
    },
  };

  it("leaves out private entities, and users with no public presence", () => {
    const view = selectAudience(load(WITH_PRIVATE), "public");
    expect(view.all("Organization").map((e) => e.key)).toEqual(["acme"]);
    expect(view.all("Project").map((e) => e.key)).toEqual(["acme/churn"]);
    expect(view.all("Component").map((e) => e.key)).toEqual(["acme/train"]);
    expect(view.all("User").map((e) => e.key)).toEqual(["alice", "bob"]);
  });

  it("redacts references to what was left out from the data that is left", () => {
    const view = selectAudience(load(WITH_PRIVATE), "public");
    expect(view.get("Team", "acme/ml")!.data.projects).toEqual([{ project: "churn", role: "member" }]);
    expect(view.get("Experiment", "acme/churn/run-2")!.data.component).toBeUndefined();
    expect(view.get("ModelVersion", "acme/churn-model:2.0.0")!.data.lineage).toEqual({});
    expect(view.get("Experiment", "acme/churn/run-2")!.source.text).not.toContain("sealed");
  });

  it("reads a spec's hubRefs as Polyaxon does, and drops those that name a component left out", () => {
    const pipeline = `version: 1.1
kind: component
name: pipeline
run:
  kind: dag
  operations:
    - { name: a, hubRef: "acme/train:1.0.0" }
    - { name: b, hubRef: "acme.train:1.0.0" }
    - { name: c, hubRef: "acme/sealed:1.0.0" }
    - { name: d, hubRef: "secret-org.covert" }
    - { name: e, hubRef: "kaniko:1.2" }
`;
    const view = selectAudience(
      load({
        ...WITH_PRIVATE,
        "orgs/acme/components/pipeline/component.yaml": "name: pipeline\nowner: alice\n",
        "orgs/acme/components/pipeline/versions/1.0.0.yaml": pipeline,
        "orgs/polyaxon/organization.yaml": "name: polyaxon\nvisibility: public\n",
        "orgs/polyaxon/components/kaniko/component.yaml": "name: kaniko\nowner: alice\n",
      }),
      "public",
    );
    const ops = (view.get("ComponentVersion", "acme/pipeline:1.0.0")!.data.run as unknown as { operations: object[] })
      .operations;
    // kaniko:1.2 is polyaxon/kaniko, public here.
    expect(ops).toEqual([
      { name: "a", hubRef: "acme/train:1.0.0" },
      { name: "b", hubRef: "acme.train:1.0.0" },
      { name: "c" },
      { name: "d" },
      { name: "e", hubRef: "kaniko:1.2" },
    ]);
  });

  it("names nothing private anywhere in the site data, its API files or sitemap", () => {
    const data = buildSiteData(load(WITH_PRIVATE), { audience: "public", history });
    const text = JSON.stringify(data);
    for (const name of PRIVATE) expect(text).not.toContain(name);
    expect(data.counts).toMatchObject({ organizations: 1, projects: 1, components: 1, experiments: 2 });
    expect(data.components[0]!.history).toEqual([
      {
        commit: "a".repeat(40),
        short: "aaaaaaa",
        date: "2026-01-02T00:00:00.000Z",
        author: "Alice",
        // The git author is a catalog user with a public page: the history links to it.
        authorUser: { name: "alice", label: "Alice", url: "/users/alice/", login: "alice" },
        change: "added",
        file: "orgs/acme/components/train/component.yaml",
      },
    ]);
    expect(data.users.find((u) => u.name === "alice")!.orgs.map((o) => o.org.label)).toEqual(["acme"]);
  });

  it("shows everything to the internal audience", () => {
    const data = buildSiteData(load(WITH_PRIVATE), { audience: "internal", history });
    const text = JSON.stringify(data);
    for (const name of PRIVATE) expect(text).toContain(name);
    expect(data.components.find((c) => c.key === "acme/train")!.history[0]!.message).toBe("Move hush onto train");
  });
});

describe("the public audience redacts private people and names wherever they appear", () => {
  // zed belongs only to secret-org; maya only to a private project's world. Both act on public things.
  const files: FileMap = {
    ...WITH_PRIVATE,
    "users/zed.yaml": "name: zed\ngithub: { login: zed-gh, id: 4242 }\n",
    "orgs/acme/projects/churn/experiments/run-3.yaml":
      "name: run-3\ncomponent: acme/train:1.0.0\nstatus: succeeded\ncreatedBy: zed\ndescription: Rerun of zed's sweep from secret-org, see acme/hush.\n",
    "orgs/acme/models/churn-model/versions/2.0.0.yaml":
      'name: 2.0.0\nstage: staging\ncreatedBy: zed\nstageHistory:\n  - { stage: testing, at: "2026-01-19T00:00:00Z", by: zed, reason: "zed-gh trained it" }\n  - { stage: staging, at: "2026-01-20T00:00:00Z", by: alice, reason: test }\n',
    "orgs/acme/components/train/component.yaml":
      'name: train\ndescription: Train a model.\nowner: alice\nreleases:\n  - tag: "1.0.0"\n    stage: production\n    deprecated: { reason: "Use the other one.", replacement: "secret-org/covert:1.0.0" }\n',
    "orgs/acme/components/train/README.md":
      "# Train\n\nAsk zed (or @zed-gh) about secret-org/covert; acme/hushed is another name.\n",
  };
  const history: CatalogHistory = {
    available: true,
    byFile: {
      "orgs/acme/projects/churn/experiments/run-3.yaml": [
        {
          commit: "b".repeat(40),
          short: "bbbbbbb",
          date: "2026-01-03T00:00:00.000Z",
          author: "zed-gh",
          message: "add run-3",
          change: "added",
          file: "orgs/acme/projects/churn/experiments/run-3.yaml",
        },
      ],
    },
  };

  it("drops structured references to people with no public presence, and to private components", () => {
    const view = selectAudience(load(files), "public");
    const run = view.get("Experiment", "acme/churn/run-3")!;
    expect(run.data.createdBy).toBeUndefined();
    const version = view.get("ModelVersion", "acme/churn-model:2.0.0")!;
    expect(version.data.createdBy).toBeUndefined();
    expect(version.data.stageHistory.map((e) => e.by)).toEqual([undefined, "alice"]);
    const release = view.get("Component", "acme/train")!.data.releases![0]!;
    expect(release.deprecated).toEqual({ reason: "Use the other one." });
  });

  it("replaces private names typed into free text, READMEs and commit authors, and keeps look-alikes", () => {
    const data = buildSiteData(load(files), { audience: "public", history });
    const text = JSON.stringify(data);
    for (const name of [...PRIVATE, "zed-gh"]) expect(text).not.toMatch(new RegExp(`(?<![\\w-])${name}(?![\\w-])`));
    const view = selectAudience(load(files), "public");
    expect(view.get("Experiment", "acme/churn/run-3")!.data.description).toBe(
      "Rerun of (private)'s sweep from (private), see (private).",
    );
    expect(view.get("Component", "acme/train")!.readme!.text).toBe(
      "# Train\n\nAsk (private) (or @(private)) about (private); acme/hushed is another name.\n",
    );
    const run = data.experiments.find((e) => e.key === "acme/churn/run-3")!;
    expect(run.history.map((h) => h.author)).toEqual(["(private)"]);
    expect(run.createdBy).toBeUndefined();
    const page = data.modelVersions.find((v) => v.key === "acme/churn-model:2.0.0")!;
    expect(page.stageHistory.map((s) => s.by.label)).toEqual(["(private)", "Alice"]);
  });
});
