/**
 * The registry's site data: stage badges only with their own version,
 * aliases wherever a version is shown (and in the JSON API), the "use this
 * model" panel, evaluation across versions, and lineage as deep as the
 * catalog knows.
 */
import { describe, expect, it } from "vitest";
import { schemaCheck } from "../../src/checks/schema.js";
import { reproduceVersion } from "../../src/registry/reproduce.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { compareEvaluations } from "../../src/site-data/registry.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const COMMIT = "3f2c1ab9d0e4c5b6a7f8e9d0c1b2a3f4e5d6c7b8";
const SHA = "a".repeat(64);

const version = (tag: string, stage: string, extra = "") => `name: "${tag}"
stage: ${stage}
stageHistory:
  - stage: ${stage}
    at: "2026-01-1${tag.split(".")[1]}T12:00:00Z"
    by: alice
    reason: checked
lineage:
  project: churn
  experiment: run-1
  component: acme/train:1.0.0
artifacts:
  - name: model
    uri: s3://acme-data/models/churn/${tag}/model.json
    size: 1000
    sha256: ${SHA}
${extra}`;

/** An evaluation list: one result per [metric, value]. */
const EVAL = (...results: Array<[string, number]>) =>
  `evaluation:\n${results
    .map(
      ([metric, value]) => `  - task: tabular-classification
    dataset: { name: churn-events, version: "2025-12", split: test }
    metric: ${metric}
    value: ${value}
    experiment: churn/run-1
`,
    )
    .join("")}`;

const FILES: FileMap = {
  ...BASE,
  "orgs/acme/projects/churn/experiments/prep.yaml": `name: prep
component: acme/train:1.0.0
params: { lr: 0.1 }
artifacts:
  - name: features
    uri: s3://acme-data/features/v3/
    sha256: ${SHA}
inputs:
  - name: raw
    uri: s3://acme-data/raw/2025-12/
    version: "2025-12"
status: succeeded
`,
  "orgs/acme/projects/churn/experiments/run-1.yaml": `name: run-1
component: acme/train:1.0.0
params: { lr: 0.10 }
metrics: { auc: 0.9 }
code: { repo: "https://github.com/acme/ml", commit: ${COMMIT} }
inputs:
  - name: features
    experiment: churn/prep
    artifact: features
status: succeeded
`,
  "orgs/acme/models/churn-model/model.yaml": `name: churn-model
description: Churn classifier.
license: Apache-2.0
owner: alice
aliases: { champion: "1.1.0", challenger: "1.2.0" }
baseModel: acme/base-model:1.0.0
datasets: [acme/churn-events]
`,
  "orgs/acme/models/churn-model/versions/1.0.0.yaml": null as unknown as string,
  "orgs/acme/models/churn-model/versions/1.1.0.yaml": version(
    "1.1.0",
    "production",
    `flavors:
  - name: python
    artifact: model
    format: xgboost-json
    framework: xgboost
    frameworkVersion: "2.0.3"
    load: |
      import xgboost as xgb
    requirements: ["xgboost==2.0.3"]
${EVAL(["auc", 0.91], ["recall", 0.61])}`,
  ),
  "orgs/acme/models/churn-model/versions/1.2.0.yaml": version("1.2.0", "staging", EVAL(["auc", 0.93])),
  "orgs/acme/models/churn-model/versions/1.3.0.yaml": version("1.3.0", "testing"),
  "orgs/acme/models/base-model/model.yaml": `name: base-model
description: The shared base.
license: Apache-2.0
owner: alice
`,
  "orgs/acme/models/base-model/versions/1.0.0.yaml": version("1.0.0", "production").replace(
    "experiment: run-1",
    "experiment: prep",
  ),
};

function siteData(files: FileMap = FILES) {
  const present = Object.fromEntries(Object.entries(files).filter(([, t]) => t !== null));
  const { catalog, diagnostics } = loadFiles(present);
  expect(diagnostics).toEqual([]);
  const problems = validateCatalog(catalog, [schemaCheck]);
  expect(problems.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  return { catalog, data: buildSiteData(catalog, { now: new Date("2026-02-01T00:00:00Z") }) };
}

describe("registry site data", () => {
  const { catalog, data } = siteData();
  const model = data.models.find((m) => m.key === "acme/churn-model")!;
  const summary = data.registry.models.find((m) => m.key === "acme/churn-model")!;

  it("names each stage with the version it belongs to, not beside the newest tag", () => {
    expect(summary.latest).toEqual({
      tag: "1.3.0",
      url: "/registry/acme/churn-model/1.3.0/",
      stage: "testing",
      aliases: [],
    });
    expect(summary.stageVersions).toEqual([
      { tag: "1.2.0", url: "/registry/acme/churn-model/1.2.0/", stage: "staging", aliases: ["challenger"] },
      { tag: "1.1.0", url: "/registry/acme/churn-model/1.1.0/", stage: "production", aliases: ["champion"] },
    ]);
  });

  it("shows aliases wherever a version is shown, and in the JSON API", () => {
    expect(summary.aliases).toEqual([
      { name: "challenger", tag: "1.2.0", url: "/registry/acme/churn-model/1.2.0/" },
      { name: "champion", tag: "1.1.0", url: "/registry/acme/churn-model/1.1.0/" },
    ]);
    expect(model.versions.map((v) => [v.tag, v.aliases])).toEqual([
      ["1.3.0", []],
      ["1.2.0", ["challenger"]],
      ["1.1.0", ["champion"]],
    ]);
    expect(data.modelVersions.find((v) => v.key === "acme/churn-model:1.1.0")!.aliases).toEqual(["champion"]);
    expect(data.home.production.find((v) => v.key === "acme/churn-model:1.1.0")!.aliases).toEqual(["champion"]);
    // Lists of versions elsewhere (the run that produced them, the project, the component) name the aliases too.
    const run = data.experiments.find((e) => e.key === "acme/churn/run-1")!;
    expect(run.models.map((l) => l.label)).toEqual([
      "acme/churn-model:1.1.0 (@champion)",
      "acme/churn-model:1.2.0 (@challenger)",
      "acme/churn-model:1.3.0",
    ]);
    const api = data.files.find((f) => f.path === "api/orgs/acme/models/churn-model/versions/1.1.0.json")!;
    expect(JSON.parse(api.body as string)).toMatchObject({ key: "acme/churn-model:1.1.0", aliases: ["champion"] });
  });

  it("fills the use-this-model panel: production first, then what aliases name, with flavors and the reproduce text", () => {
    expect(model.use.map((e) => [e.version.tag, e.via])).toEqual([
      [
        "1.1.0",
        [
          { kind: "stage", name: "production" },
          { kind: "alias", name: "champion" },
        ],
      ],
      ["1.2.0", [{ kind: "alias", name: "challenger" }]],
    ]);
    const champion = model.use[0]!;
    expect(champion.flavors).toEqual([
      {
        name: "python",
        artifact: "model",
        uri: "s3://acme-data/models/churn/1.1.0/model.json",
        sha256: SHA,
        format: "xgboost-json",
        framework: "xgboost",
        frameworkVersion: "2.0.3",
        load: "import xgboost as xgb\n",
        requirements: ["xgboost==2.0.3"],
      },
    ]);
    const text = reproduceVersion(catalog, catalog.get("ModelVersion", "acme/churn-model:1.1.0")!);
    expect(text.ok).toBe(true);
    // One function writes both: the CLI's text is the site's.
    expect(champion.reproduce).toEqual({
      ok: true,
      cli: "mlcat reproduce acme/churn-model:1.1.0 --out reproduce.yaml",
      command: "polyaxon run -f reproduce.yaml --project acme/churn",
      snippet: text.ok ? text.text : "",
    });
    expect(champion.reproduce.ok && champion.reproduce.snippet).toContain("    value: 0.10\n");
  });

  it("compares evaluation results across versions by task, dataset, split and metric", () => {
    expect(model.evaluation.versions.map((v) => v.tag)).toEqual(["1.2.0", "1.1.0"]);
    expect(model.evaluation.rows).toEqual([
      {
        task: "tabular-classification",
        dataset: "churn-events",
        datasetVersion: "2025-12",
        split: "test",
        metric: "auc",
        values: [0.93, 0.91],
      },
      {
        task: "tabular-classification",
        dataset: "churn-events",
        datasetVersion: "2025-12",
        split: "test",
        metric: "recall",
        values: [null, 0.61],
      },
    ]);
    const page = data.modelVersions.find((v) => v.key === "acme/churn-model:1.1.0")!;
    expect(page.evaluation[0]!.experiment).toEqual({
      label: "churn/run-1",
      url: "/orgs/acme/projects/churn/experiments/run-1/",
    });
  });

  it("draws lineage as deep as it goes: the run that wrote an input, its own input, and a base model in the catalog", () => {
    const v = data.modelVersions.find((m) => m.key === "acme/churn-model:1.1.0")!;
    const nodes = v.lineage.nodes.map((n) => `${n.column} ${n.kind} ${n.label}`);
    expect(nodes).toEqual(
      expect.arrayContaining([
        "1 data raw",
        "2 experiment prep",
        "3 data features",
        "4 experiment run-1",
        "4 base-model base-model:1.0.0",
        "5 model-version churn-model:1.1.0",
        "6 artifact model",
      ]),
    );
    expect(v.lineage.edges).toEqual(
      expect.arrayContaining([
        { from: "run:acme/churn/prep", to: "data:experiment:features", label: "wrote features" },
        { from: "data:experiment:features", to: "experiment", label: "input" },
        { from: "base:acme/base-model:1.0.0", to: "version", label: "base model" },
        // The base version was made by prep too: one node, two edges out.
        { from: "run:acme/churn/prep", to: "base:acme/base-model:1.0.0", label: "produced" },
      ]),
    );
    expect(v.lineage.nodes.filter((n) => n.label === "prep")).toHaveLength(1);
    expect(v.lineage.svgNarrow).toContain('data-node="base-model"');
  });

  it("stops at a loop of base models instead of following it", () => {
    const looped = siteData({
      ...FILES,
      "orgs/acme/models/base-model/model.yaml": `${FILES["orgs/acme/models/base-model/model.yaml"]}baseModel: acme/churn-model:1.1.0\n`,
    }).data;
    const v = looped.modelVersions.find((m) => m.key === "acme/churn-model:1.1.0")!;
    const ids = v.lineage.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("base:acme/churn-model:1.1.0");
  });

  it("lists what a version's lineage lacks instead of a snippet", () => {
    const page = data.modelVersions.find((v) => v.key === "acme/churn-model:1.3.0")!;
    expect(page.reproduce.ok).toBe(true);
    const broken = siteData({
      ...FILES,
      "orgs/acme/projects/churn/experiments/run-1.yaml": FILES[
        "orgs/acme/projects/churn/experiments/run-1.yaml"
      ]!.replace("status: succeeded", "status: failed"),
    }).data;
    expect(broken.modelVersions.find((v) => v.key === "acme/churn-model:1.3.0")!.reproduce).toEqual({
      ok: false,
      cli: "mlcat reproduce acme/churn-model:1.3.0 --out reproduce.yaml",
      missing: ['experiment acme/churn/run-1: its status is "failed"; only a run that succeeded is reproduced'],
    });
  });
});

describe("evaluation across versions", () => {
  const ref = (tag: string) => ({ tag, url: `/registry/acme/m/${tag}/`, stage: "testing" as const, aliases: [] });
  const row = (datasetVersion: string, metric: string, value: number) => ({
    task: "forecasting",
    dataset: "sales",
    datasetVersion,
    split: "backtest",
    metric,
    value,
  });

  it("groups results by dataset version, names the versions scored in each, and says which datasets are mixed", () => {
    const cmp = compareEvaluations([
      { ref: ref("2.1.0"), rows: [row("v3", "wape", 0.27), row("v3", "mape", 0.3)] },
      { ref: ref("2.0.0"), rows: [row("v2", "wape", 0.29)] },
      { ref: ref("1.0.0"), rows: [] },
    ]);
    expect(cmp.versions.map((v) => v.tag)).toEqual(["2.1.0", "2.0.0"]);
    expect(
      cmp.groups.map((g) => ({
        on: g.datasetVersion,
        scored: g.scored,
        rows: g.rows.map((r) => [r.metric, r.values]),
      })),
    ).toEqual([
      { on: "v2", scored: ["2.0.0"], rows: [["wape", [null, 0.29]]] },
      {
        on: "v3",
        scored: ["2.1.0"],
        rows: [
          ["mape", [0.3, null]],
          ["wape", [0.27, null]],
        ],
      },
    ]);
    expect(cmp.mixedDatasets).toEqual(["sales"]);
  });

  it("keeps one group and no note when every version was scored on the same data", () => {
    const cmp = compareEvaluations([
      { ref: ref("2.1.0"), rows: [row("v3", "wape", 0.27)] },
      { ref: ref("2.0.0"), rows: [row("v3", "wape", 0.29)] },
    ]);
    expect(cmp.groups.map((g) => g.scored)).toEqual([["2.1.0", "2.0.0"]]);
    expect(cmp.mixedDatasets).toEqual([]);
  });
});
