/**
 * The registry's new fields in the JSON API (a version lists the aliases that
 * name it; flavors, serving, evaluation and lineage inputs are in its data),
 * and the public audience leaving out the private things they reference.
 */
import { describe, expect, it } from "vitest";
import { selectAudience } from "../../src/site-data/audience.js";
import { buildSiteData } from "../../src/site-data/build-site-data.js";
import { BASE, loadFiles, type FileMap } from "../helpers/catalog.js";

const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!;
const MODEL = "orgs/acme/models/churn-model/model.yaml";
const V1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";

const FILES: FileMap = {
  ...BASE,
  [MODEL]: `${BASE[MODEL]!}aliases: {champion: "1.0.0", production: "1.0.0"}\nbaseModel: acme/sealed-model:0.1.0\n`,
  [V1]: `${BASE[V1]!.replace("lineage:\n", "lineage:\n  inputs:\n    - {name: features, experiment: hush/quiet-run, artifact: features}\n    - {name: labels, uri: s3://acme-data/labels/, version: v2}\n")}flavors: [{name: onnx, artifact: model, format: onnx, image: ghcr.io/acme/serve:1.0}]\nserving: {component: acme/sealed:1.0.0, params: {model: s3://m}}\nevaluation:\n  - {task: t, dataset: {name: d, version: v1, split: test}, metric: auc, value: 0.9, experiment: hush/quiet-run}\n  - {task: t, dataset: {name: d, version: v1, split: test}, metric: f1, value: 0.7, experiment: churn/run-1}\n`,
  "orgs/acme/projects/hush/project.yaml": "name: hush\nvisibility: private\nowner: bob\n",
  "orgs/acme/projects/hush/experiments/quiet-run.yaml":
    "name: quiet-run\ncomponent: acme/train:1.0.0\nstatus: succeeded\nartifacts: [{name: features, uri: s3://f/}]\n",
  "orgs/acme/components/sealed/component.yaml": "name: sealed\nvisibility: private\nowner: alice\n",
  "orgs/acme/components/sealed/versions/1.0.0.yaml": spec.replace("name: train", "name: sealed"),
  "orgs/acme/models/sealed-model/model.yaml": "name: sealed-model\nvisibility: private\nowner: alice\n",
  "orgs/acme/models/sealed-model/versions/0.1.0.yaml":
    'name: 0.1.0\nstage: testing\nstageHistory:\n  - { stage: testing, at: "2026-01-20T00:00:00Z", by: alice, reason: test }\n',
};

function load(files: FileMap) {
  const { catalog, diagnostics } = loadFiles(files);
  expect(diagnostics).toEqual([]);
  return catalog;
}

const apiEntry = (data: ReturnType<typeof buildSiteData>, path: string) =>
  JSON.parse(data.files.find((f) => f.path === path)!.body) as { aliases?: string[]; data: Record<string, unknown> };

describe("the JSON API of the registry", () => {
  it("gives a model version the aliases that name it, and its new fields as written", () => {
    const data = buildSiteData(load(FILES), { audience: "internal" });
    const entry = apiEntry(data, "api/orgs/acme/models/churn-model/versions/1.0.0.json");
    expect(entry.aliases).toEqual(["champion", "production"]);
    expect(entry.data.flavors).toEqual([
      { name: "onnx", artifact: "model", format: "onnx", image: "ghcr.io/acme/serve:1.0" },
    ]);
    expect(entry.data.serving).toEqual({ component: "acme/sealed:1.0.0", params: { model: "s3://m" } });
    const model = apiEntry(data, "api/orgs/acme/models/churn-model/model.json");
    expect(model.data.aliases).toEqual({ champion: "1.0.0", production: "1.0.0" });
    expect(model.data.baseModel).toBe("acme/sealed-model:0.1.0");
  });
});

describe("the public audience and the registry's references", () => {
  const view = selectAudience(load(FILES), "public");
  const version = view.get("ModelVersion", "acme/churn-model:1.0.0")!.data;

  it("drops a base model, serving component and runs of what is private, keeping the rest", () => {
    expect(view.get("Model", "acme/churn-model")!.data.baseModel).toBeUndefined();
    expect(view.get("Model", "acme/churn-model")!.data.aliases).toEqual({ champion: "1.0.0", production: "1.0.0" });
    expect(version.serving).toBeUndefined();
    expect(version.evaluation!.map((r) => r.experiment)).toEqual([undefined, "churn/run-1"]);
    expect(version.lineage!.inputs).toEqual([
      { name: "features" },
      { name: "labels", uri: "s3://acme-data/labels/", version: "v2" },
    ]);
    expect(version.flavors).toHaveLength(1);
  });

  it("names nothing private in the public site data or API", () => {
    const text = JSON.stringify(buildSiteData(load(FILES), { audience: "public" }));
    for (const name of ["hush", "quiet-run", "sealed"]) expect(text).not.toContain(name);
  });

  it("keeps a Hugging Face base model", () => {
    const files = { ...FILES, [MODEL]: `${BASE[MODEL]!}baseModel: FacebookAI/xlm-roberta-base\n` };
    expect(selectAudience(load(files), "public").get("Model", "acme/churn-model")!.data.baseModel).toBe(
      "FacebookAI/xlm-roberta-base",
    );
  });
});
