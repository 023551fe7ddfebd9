import { describe, expect, it } from "vitest";
import { buildHubEntry, renderHubEntry } from "../../src/import/hub-entry.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { ChangesByAuthor } from "../../src/site-data/people.js";
import type { RecentChange } from "../../src/site-data/types.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";
import { schemaCheck } from "../../src/checks/schema.js";
import { validateCatalog } from "../../src/validate.js";

/** Site data of an in-memory catalog (BASE plus overrides). */
function siteData(files: FileMap = {}, options: Parameters<typeof buildSiteData>[1] = {}) {
  const { catalog, diagnostics } = loadFiles({ ...BASE, ...files });
  expect(diagnostics).toEqual([]);
  // As mlcat build does: files are schema-checked before the site reads them.
  validateCatalog(catalog, [schemaCheck]);
  return buildSiteData(catalog, { now: new Date("2026-02-01T00:00:00Z"), ...options });
}

describe("hub data", () => {
  it("gives a component page its inputs and outputs, a usage snippet, and who uses it", () => {
    const data = siteData();
    const page = data.components.find((c) => c.key === "acme/train")!;
    expect(page).toMatchObject({
      url: "/hub/acme/train/",
      stage: "production",
      defaultTag: "1.0.0",
      runKind: "job",
      versionCount: 1,
    });
    expect(page.current!.inputs).toEqual([
      { name: "lr", type: "float", default: "0.1", optional: true, list: false, flag: false },
    ]);
    expect(page.current!.outputs).toEqual([{ name: "model", type: "path", optional: false, list: false, flag: false }]);
    expect(page.current!.snippet).toMatchInlineSnapshot(`
      "version: 1.1
      kind: operation
      hubRef: acme/train:1.0.0
      params:
        # lr:
        #   value: 0.1
      "
    `);
    expect(page.usedBy).toEqual({
      projects: [{ label: "acme/churn", url: "/orgs/acme/projects/churn/" }],
      experiments: [{ label: "churn/run-1", url: "/orgs/acme/projects/churn/experiments/run-1/" }],
      models: [{ label: "acme/churn-model:1.0.0", url: "/registry/acme/churn-model/1.0.0/" }],
    });
  });

  it("orders versions newest first, names such as latest after them, and shows the newest release that is neither deprecated nor disabled", () => {
    const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!;
    const data = siteData({
      "orgs/acme/components/train/component.yaml": `name: train
owner: alice
mutableTags: [latest]
releases:
  - tag: "1.0.0"
    stage: production
  - tag: "1.10.0"
    stage: disabled
  - tag: "1.2.0"
    stage: staging
    deprecated: { reason: broken, replacement: "1.0.0" }
`,
      "orgs/acme/components/train/versions/1.10.0.yaml": spec,
      "orgs/acme/components/train/versions/1.2.0.yaml": spec,
      "orgs/acme/components/train/versions/latest.yaml": spec,
    });
    const page = data.components.find((c) => c.key === "acme/train")!;
    expect(page.releases.map((r) => r.tag)).toEqual(["1.10.0", "1.2.0", "1.0.0", "latest"]);
    expect(page.defaultTag).toBe("1.0.0");
    expect(page.releases[1]!.deprecated).toEqual({
      reason: "broken",
      replacement: { label: "1.0.0", url: "/hub/acme/train/1.0.0/" },
    });
    expect(data.hub.facets.find((f) => f.id === "stage")!.values).toEqual([{ value: "production", count: 1 }]);
  });

  it("shows latest as current for an imported component whose tags are all names (s3-path is no version 3)", () => {
    // Like Polyaxon's tensorboard: named variants and latest, no version numbers. The hub entry is the importer's.
    const tags = ["latest", "s3-path", "gcs-path", "py310-cuda12"];
    const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!.replace("name: train", "name: tensorboard");
    const entry = buildHubEntry({ name: "tensorboard", owner: "alice", versions: tags.map((tag) => ({ tag, spec })) });
    const data = siteData({
      "orgs/acme/components/tensorboard/component.yaml": renderHubEntry(entry),
      ...Object.fromEntries(tags.map((tag) => [`orgs/acme/components/tensorboard/versions/${tag}.yaml`, spec])),
    });
    const page = data.components.find((c) => c.key === "acme/tensorboard")!;
    expect(page.defaultTag).toBe("latest");
    expect(page.current!.tag).toBe("latest");
    expect(page.current!.snippet).toContain("hubRef: acme/tensorboard:latest\n");
    expect(page.releases.map((r) => r.tag)).toEqual(["gcs-path", "latest", "py310-cuda12", "s3-path"]);
    expect(data.hub.components.find((c) => c.key === "acme/tensorboard")!.defaultTag).toBe("latest");
  });
});

describe("registry data", () => {
  it("resolves a model version's lineage to pages and writes a reproduce snippet", () => {
    const data = siteData();
    const v = data.modelVersions.find((m) => m.key === "acme/churn-model:1.0.0")!;
    expect(v.lineage.nodes.map((n) => [n.kind, n.url])).toEqual([
      ["experiment", "/orgs/acme/projects/churn/experiments/run-1/"],
      ["project", "/orgs/acme/projects/churn/"],
      ["component", "/hub/acme/train/1.0.0/"],
      ["params", undefined],
      ["model-version", "/registry/acme/churn-model/1.0.0/"],
    ]);
    expect(v.lineage.edges).toContainEqual({ from: "experiment", to: "version", label: "produced" });
    expect(v.lineage.svg).toContain(
      '<a class="lineage-link" href="/orgs/acme/projects/churn/experiments/run-1/" data-node="experiment"',
    );
    // BASE's run recorded no code: the page lists what is missing, as mlcat reproduce does.
    expect(v.reproduce).toEqual({
      ok: false,
      cli: "mlcat reproduce acme/churn-model:1.0.0 --out reproduce.yaml",
      missing: [
        "code.repo: not recorded (the repository the run's code came from)",
        "code.commit: not recorded (the commit the run's code was at)",
      ],
    });
    const model = data.models[0]!;
    expect(model).toMatchObject({
      key: "acme/churn-model",
      stage: "testing",
      stages: ["testing"],
      latestTag: "1.0.0",
      metricNames: ["auc"],
    });
  });

  it("escapes what the lineage graph draws", () => {
    const data = siteData({
      "orgs/acme/projects/churn/experiments/run-1.yaml": `name: run-1
component: acme/train:1.0.0
params: { note: "<script>alert(1)</script>" }
status: succeeded
`,
    });
    const svg = data.modelVersions[0]!.lineage.svg;
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
  });
});

describe("team data", () => {
  it("lists the projects, hub components and models whose team is the team, and counts them against its quotas", () => {
    const data = siteData({
      "orgs/acme/components/train/component.yaml": `${BASE["orgs/acme/components/train/component.yaml"]!.replace("owner: alice", "owner: alice\nteam: ml")}`,
      "orgs/acme/teams/ml.yaml": `${BASE["orgs/acme/teams/ml.yaml"]}quotas: { projects: 3 }\n`,
    });
    const team = data.teams.find((t) => t.key === "acme/ml")!;
    expect(team.namedBy).toEqual({
      projects: [{ label: "acme/churn", url: "/orgs/acme/projects/churn/" }],
      components: [{ label: "acme/train", url: "/hub/acme/train/" }],
      models: [],
    });
    expect(team.quotas).toContainEqual({ what: "projects", limit: "3", used: 1 });
  });
});

describe("organization data", () => {
  /** For each user: the ids of the columns allowed in the matrix of organization file `org` (plus `files`), the delegation note, the production column. */
  const matrixOf = (org: string, files: FileMap = {}) => {
    const { actions, rows } = siteData({ "orgs/acme/organization.yaml": org, ...files }).orgs[0]!.matrix;
    return (user: string) => ({
      allowed: actions.filter((_, i) => rows.find((r) => r.user.name === user)!.allowed[i]).map((a) => a.id),
      via: rows.find((r) => r.user.name === user)!.via,
      promote: actions.find((a) => a.id === "promote")!,
    });
  };
  const orgFile = (delegatedTo: string) => `name: acme
visibility: public
members:
  - user: alice
    role: owner
  - user: bob
    role: admin
delegations:
  - area: registry
    to: [${delegatedTo}]
`;

  it("builds a permission matrix from roles and delegations, as the check decides them", () => {
    const member = matrixOf(orgFile("bob"));
    const all = [
      "org-owners",
      "org-settings",
      "manage-projects",
      "manage-hub",
      "manage-registry",
      "promote",
      "publish",
    ];
    expect(member("alice").allowed).toEqual(all);
    expect(member("bob")).toMatchObject({
      allowed: ["manage-projects", "manage-hub", "manage-registry", "promote", "publish"],
      via: "delegated: registry",
    });
    // The registry delegated to another: bob's admin role counts as member there, and he approves no production move.
    expect(matrixOf(orgFile("alice"))("bob")).toEqual({
      allowed: ["manage-projects", "manage-hub", "publish"],
      via: undefined,
      promote: { id: "promote", label: "Move model versions to production", lowest: "admin" },
    });
  });

  it("follows the policy on production approvers", () => {
    const catalog = `${BASE["catalog.yaml"]}policy:\n  productionApprovers: owners\n`;
    const member = matrixOf(orgFile("bob"), { "catalog.yaml": catalog });
    expect(member("bob").allowed).toEqual(["manage-projects", "manage-hub", "manage-registry", "publish"]);
    expect(member("alice").allowed).toContain("promote");
    expect(member("bob").promote).toEqual({
      id: "promote",
      label: "Move model versions to production (policy: owners only)",
      lowest: "owner",
    });
  });

  it("counts quota usage of a team", () => {
    const data = siteData({
      "orgs/acme/teams/ml.yaml": `name: ml
members:
  - user: bob
    role: member
quotas: { projects: 2, resources: { cpu: "8" } }
`,
    });
    expect(data.teams[0]!.quotas).toEqual([
      { what: "projects", limit: "2", used: 1 },
      { what: "cpu", limit: "8" },
    ]);
  });
});

describe("site-wide data", () => {
  it("puts the base path in every URL and the site URL in the sitemap", () => {
    const data = siteData({}, { basePath: "docs/catalog", siteUrl: "https://acme.example" });
    expect(data.meta.basePath).toBe("/docs/catalog/");
    const urls = [...data.components, ...data.models, ...data.users, ...data.orgs].map((p) => p.url);
    expect(urls.every((u) => u.startsWith("/docs/catalog/"))).toBe(true);
    const sitemap = data.files.find((f) => f.path === "sitemap.xml")!.body;
    expect(sitemap).toContain("<loc>https://acme.example/docs/catalog/hub/acme/train/</loc>");
    expect(sitemap).not.toContain("/search/");
  });

  it("takes the base path from the site URL when none is given", () => {
    expect(siteData({}, { siteUrl: "https://acme.github.io/ml-catalog" }).meta).toMatchObject({
      siteUrl: "https://acme.github.io/ml-catalog",
      basePath: "/ml-catalog/",
    });
  });

  it("mirrors every entity in the JSON API at its catalog path", () => {
    const data = siteData();
    const api = data.files.filter((f) => f.path.startsWith("api/")).map((f) => f.path);
    const expected = Object.keys(BASE)
      .map((p) => `api/${p.replace(/\.yaml$/, ".json")}`)
      .concat("api/index.json");
    expect(api.sort()).toEqual(expected.sort());
    const index = JSON.parse(data.files.find((f) => f.path === "api/index.json")!.body);
    expect(index.entities).toContainEqual({
      kind: "ModelVersion",
      key: "acme/churn-model:1.0.0",
      url: "/registry/acme/churn-model/1.0.0/",
      api: "/api/orgs/acme/models/churn-model/versions/1.0.0.json",
    });
  });

  it("counts entities and keeps the data JSON-serializable", () => {
    const data = siteData();
    expect(data.counts).toEqual({
      users: 2,
      organizations: 1,
      teams: 1,
      projects: 1,
      experiments: 1,
      components: 1,
      componentVersions: 1,
      models: 1,
      modelVersions: 1,
      connections: 1,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("gives a user the changes whose git author is their name, display name or GitHub login, in order", () => {
    const change = (author: string, commit: string): RecentChange => ({
      commit,
      short: commit,
      date: "2026-01-01T00:00:00Z",
      author,
      change: "modified",
      file: "users/alice.yaml",
      kind: "User",
      entity: { label: "alice", url: "/users/alice/" },
    });
    const recent = [
      change(" Alice Liddell ", "c1"),
      change("bob", "c2"),
      change("ALICE", "c3"),
      change("al-gh", "c4"),
      change("alice", "c5"),
    ];
    const changes = new ChangesByAuthor(recent);
    expect(changes.of(["alice", "Alice Liddell", "al-gh"], 50).map((c) => c.commit)).toEqual(["c1", "c3", "c4", "c5"]);
    expect(changes.of(["alice", undefined, "ALICE"], 1).map((c) => c.commit)).toEqual(["c3"]);
    expect(changes.of(["carol"], 50)).toEqual([]);
  });

  it("groups a user's changes by commit: an import of many files is one entry listing a few and how many more", () => {
    const change = (commit: string, i: number): RecentChange => ({
      commit,
      short: commit,
      date: `2026-01-0${commit === "big" ? 2 : 1}T00:00:00.000Z`,
      author: "alice",
      change: "added",
      file: `f${i}`,
      kind: "Experiment",
      entity: { label: `run-${i}`, url: `/runs/${i}/` },
    });
    const recent = [
      ...Array.from({ length: 4000 }, (_, i) => change("big", i)),
      change("small", 1),
      change("small", 2),
    ];
    const commits = new ChangesByAuthor(recent).commitsOf(["alice"], 20, 8);
    expect(commits.map((c) => [c.commit, c.changes.length, c.more])).toEqual([
      ["big", 8, 3992],
      ["small", 2, 0],
    ]);
    expect(new ChangesByAuthor(recent).commitsOf(["alice"], 1, 8).map((c) => c.commit)).toEqual(["big"]);
  });
});

describe("operation data", () => {
  const OPS = "orgs/acme/projects/churn/operations";
  const op = (ref: string) => `version: 1.1\nkind: operation\ndescription: Nightly run.\n${ref}\nparams:\n  lr: 0.05\n`;
  const CATALOG = "title: Test catalog\nadmins: [alice]\nexternalHubs: [polyaxon]\n";
  const CASES: Array<{ name: string; ref: string; runs: Record<string, unknown>; inline?: unknown }> = [
    {
      name: "a hubRef to a published version links its page",
      ref: "hubRef: acme/train:1.0.0",
      runs: {
        by: "hubRef",
        text: "acme/train:1.0.0",
        link: { label: "acme/train:1.0.0", url: "/hub/acme/train/1.0.0/" },
      },
    },
    {
      name: "a hubRef to an external hub says so",
      ref: "hubRef: kaniko:1.2",
      runs: { by: "hubRef", text: "kaniko:1.2", note: 'a component of the external hub "polyaxon"' },
    },
    {
      name: "a pathRef to a project component links its page",
      ref: "pathRef: ../components/prep.yaml",
      runs: {
        by: "pathRef",
        text: "../components/prep.yaml",
        link: { label: "acme/churn/prep", url: "/orgs/acme/projects/churn/components/prep/" },
      },
    },
    {
      name: "a urlRef links the address",
      ref: "urlRef: https://example.com/specs/train.yaml",
      runs: {
        by: "urlRef",
        text: "https://example.com/specs/train.yaml",
        href: "https://example.com/specs/train.yaml",
        note: "a spec at a URL, read by Polyaxon's CLI",
      },
    },
    {
      name: "an inline component shows its inputs and outputs",
      ref: [
        "component:",
        "  version: 1.1",
        "  kind: component",
        "  name: nightly-train",
        "  inputs: [{name: lr, type: float}]",
        "  outputs: [{name: model, type: path, description: The trained model.}]",
        "  run: {kind: job, container: {image: python:3.12}}",
      ].join("\n"),
      runs: { by: "component", text: "nightly-train", note: "an inline component" },
      inline: {
        inputs: [{ name: "lr", type: "float", optional: false, list: false, flag: false }],
        outputs: [
          { name: "model", type: "path", optional: false, list: false, flag: false, description: "The trained model." },
        ],
      },
    },
  ];
  it.each(CASES)("$name", ({ ref, runs, inline }) => {
    // As after validation: references resolve among entities that passed their schema.
    const { catalog, diagnostics } = loadFiles({
      ...BASE,
      "catalog.yaml": CATALOG,
      "orgs/acme/projects/churn/components/prep.yaml": "version: 1.1\nkind: component\nrun: {kind: job}\n",
      [`${OPS}/nightly.yaml`]: op(ref),
    });
    expect(diagnostics).toEqual([]);
    for (const e of catalog.entities()) e.schemaValid = true;
    const data = buildSiteData(catalog, { now: new Date("2026-02-01T00:00:00Z") });
    const page = data.operations.find((o) => o.key === "acme/churn/nightly")!;
    expect(page).toMatchObject({
      url: "/orgs/acme/projects/churn/operations/nightly/",
      apiUrl: "/api/orgs/acme/projects/churn/operations/nightly.json",
      project: { label: "acme/churn", url: "/orgs/acme/projects/churn/" },
      description: "Nightly run.",
      params: [{ name: "lr", value: "0.05" }],
      sourceFile: `${OPS}/nightly.yaml`,
    });
    expect(page.runs).toEqual(runs);
    expect(page.inline).toEqual(inline);
    // The project lists it, the sitemap and the JSON API have it.
    const project = data.projects.find((p) => p.key === "acme/churn")!;
    expect(project.operations).toEqual([{ label: "nightly", url: page.url }]);
    expect(data.files.find((f) => f.path === "sitemap.xml")!.body).toContain(
      "/orgs/acme/projects/churn/operations/nightly/",
    );
    const api = JSON.parse(
      data.files.find((f) => f.path === "api/orgs/acme/projects/churn/operations/nightly.json")!.body,
    );
    expect(api).toMatchObject({
      kind: "Operation",
      key: "acme/churn/nightly",
      url: page.url,
      data: { params: { lr: 0.05 } },
    });
  });
});
