/**
 * The registry's deployment and reproduction fields: aliases, base model,
 * flavors, serving, input example, evaluation, lineage inputs (registry and
 * references checks), and the stage policy of catalog.yaml.
 */
import { describe, expect, it } from "vitest";
import { referencesCheck } from "../../src/checks/references.js";
import { registryCheck } from "../../src/checks/registry.js";
import { missingRequirements, stagePolicyCheck } from "../../src/checks/stage-policy.js";
import type { Check } from "../../src/checks/context.js";
import type { ModelVersionData, StageRequirement } from "../../src/model/types.js";
import { BASE, type FileMap } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

const MODEL = "orgs/acme/models/churn-model/model.yaml";
const VERSION = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const RUN = "orgs/acme/projects/churn/experiments/run-1.yaml";
const SERVE = "orgs/acme/components/serve/versions/1.0.0.yaml";

const HEAD = `name: 1.0.0
stage: testing
stageHistory:
  - {stage: testing, at: "2025-12-10T12:00:00Z", by: alice, reason: first}
artifacts:
  - {name: model, uri: s3://m/model.onnx, size: 10, sha256: ${"a".repeat(64)}}
`; // the fields under test start at line 7

const files = (version: string, extra: FileMap = {}): FileMap => ({
  ...BASE,
  "orgs/acme/components/serve/component.yaml": 'name: serve\nowner: alice\nreleases: [{tag: "1.0.0"}]\n',
  [SERVE]:
    "version: 1.1\nkind: component\ninputs:\n  - {name: model, type: path}\n  - {name: workers, type: int, value: 2, isOptional: true}\nrun: {kind: service}\n",
  [VERSION]: HEAD + version,
  ...extra,
});

const found = (check: Check, version: string, extra?: FileMap) =>
  runRule(check, files(version, extra)).map((d) => [d.code, d.file.replace(/^.*\/orgs\//, ""), d.line] as const);

const V = "acme/models/churn-model/versions/1.0.0.yaml";
const M = "acme/models/churn-model/model.yaml";

describe("the registry check", () => {
  it.each([
    [
      "a complete flavor",
      "flavors:\n  - {name: onnx, artifact: model, format: onnx, requirements: [onnxruntime==1.18.0]}\n",
      [],
    ],
    [
      "a flavor of an artifact the version does not list",
      "flavors:\n  - {name: onnx, artifact: weights, format: onnx, image: ghcr.io/a/serve:1.0}\n",
      [["ref/unknown-artifact", V, 8]],
    ],
    [
      "a flavor with neither requirements nor image",
      "flavors:\n  - {name: onnx, artifact: model, format: onnx}\n",
      [["registry/flavor-incomplete", V, 8]],
    ],
    [
      "a flavor whose image is :latest, and one with no tag",
      "flavors:\n  - {name: a, artifact: model, format: onnx, image: ghcr.io/a/serve:latest}\n  - {name: b, artifact: model, format: onnx, image: ghcr.io/a/serve}\n",
      [
        ["registry/unpinned-image", V, 8],
        ["registry/unpinned-image", V, 9],
      ],
    ],
    [
      "a flavor pinned by digest",
      `flavors:\n  - {name: a, artifact: model, format: onnx, image: "ghcr.io/a/serve@sha256:${"b".repeat(64)}"}\n`,
      [],
    ],
    [
      "two flavors with one name",
      "flavors:\n  - {name: a, artifact: model, format: onnx, image: x/y:1}\n  - {name: a, artifact: model, format: onnx, image: x/y:2}\n",
      [["ref/duplicate", V, 9]],
    ],
    ["an input example in an artifact it lists", "inputExample: {artifact: model}\n", []],
    [
      "an input example in an artifact it does not list",
      "inputExample: {artifact: example}\n",
      [["ref/unknown-artifact", V, 7]],
    ],
    [
      "an evaluation on a dataset with no version or revision",
      "evaluation:\n  - task: classification\n    dataset: {name: acme/churn, split: test}\n    metric: auc\n    value: 0.9\n",
      [["registry/unpinned-data", V, 9]],
    ],
    [
      "an evaluation on a dataset revision",
      "evaluation:\n  - {task: classification, dataset: {name: acme/churn, revision: 3f2c1ab, split: test}, metric: auc, value: 0.9}\n",
      [],
    ],
    [
      "lineage inputs: pinned by version, by checksum, and not at all",
      `lineage:\n  inputs:\n    - {name: a, uri: s3://d/a/, version: v3}\n    - {name: b, uri: s3://d/b, sha256: ${"c".repeat(64)}}\n    - {name: c, uri: s3://d/c/}\n`,
      [["registry/unpinned-data", V, 11]],
    ],
    [
      "a lineage input that mixes another run's output with a uri",
      "lineage:\n  inputs:\n    - {name: a, uri: s3://d/a/, experiment: churn/run-1}\n",
      [["registry/unpinned-data", V, 9]],
    ],
    [
      "a lineage input from an artifact the other run does not have",
      "lineage:\n  inputs:\n    - {name: features, experiment: churn/run-1, artifact: features}\n",
      [["ref/unknown-artifact", V, 9]],
    ],
    [
      "serving params the component accepts",
      "serving:\n  component: acme/serve:1.0.0\n  params: {model: s3://m/model.onnx, workers: 4}\n",
      [],
    ],
    [
      "serving params that miss a required input and name an unknown one",
      "serving:\n  component: acme/serve:1.0.0\n  params: {replicas: 2, workers: four}\n",
      [
        ["param/missing-required", V, 9],
        ["param/unknown", V, 9],
        ["param/invalid-value", V, 9],
      ],
    ],
  ])("%s", (_name, version, expected) => {
    expect(found(registryCheck, version)).toEqual(expected);
  });

  it("reports an alias that is also a version tag, at the alias", () => {
    const model = `name: churn-model\nowner: alice\naliases:\n  champion: 1.0.0\n  1.0.0: 1.0.0\n`;
    expect(found(registryCheck, "", { [MODEL]: model })).toEqual([["registry/alias-is-tag", M, 5]]);
  });

  it("checks an experiment's flavors, evaluation and inputs as a version's", () => {
    const run = `name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nartifacts: [{name: model, uri: s3://r/m}]\nflavors: [{name: a, artifact: weights, format: onnx, image: x/y:1}]\nevaluation: [{task: t, dataset: {name: d, split: test}, metric: m, value: 1}]\ninputs: [{name: i, uri: s3://d/i}]\n`;
    expect(found(registryCheck, "", { [RUN]: run })).toEqual([
      ["ref/unknown-artifact", "acme/projects/churn/experiments/run-1.yaml", 5],
      ["registry/unpinned-data", "acme/projects/churn/experiments/run-1.yaml", 6],
      ["registry/unpinned-data", "acme/projects/churn/experiments/run-1.yaml", 7],
    ]);
  });
});

describe("references of the registry fields", () => {
  const model = (extra: string) => `name: churn-model\nowner: alice\n${extra}`;
  it.each([
    ["an alias to an existing version", model('aliases: {champion: "1.0.0"}\n'), []],
    [
      "an alias to a version the model lacks",
      model('aliases: {champion: "2.0.0"}\n'),
      [["ref/unknown-model-version", M, 3]],
    ],
    ["a catalog base model that exists", model("baseModel: acme/churn-model:1.0.0\n"), []],
    [
      "a catalog base model that does not",
      model("baseModel: acme/other-model:1.0.0\n"),
      [["ref/unknown-model-version", M, 3]],
    ],
    ["a Hugging Face base model", model("baseModel: FacebookAI/xlm-roberta-base\n"), []],
    ["an https base model", model("baseModel: https://models.example.com/m\n"), []],
    [
      "a Hugging Face id whose owner is a catalog organization",
      model("baseModel: acme/churn-model\n"),
      [["ref/syntax", M, 3]],
    ],
  ])("%s", (_name, text, expected) => {
    expect(found(referencesCheck, "", { [MODEL]: text })).toEqual(expected);
  });

  it.each([
    ["a serving component that exists", "serving: {component: acme/serve:1.0.0}\n", []],
    [
      "a serving component version that does not",
      "serving: {component: acme/serve:9.0.0}\n",
      [["ref/unknown-component", V, 7]],
    ],
    [
      "an evaluation experiment that does not exist",
      "evaluation: [{task: t, dataset: {name: d, version: v1, split: test}, metric: m, value: 1, experiment: churn/run-9}]\n",
      [["ref/unknown-experiment", V, 7]],
    ],
    [
      "a lineage input from a project that does not exist",
      "lineage:\n  inputs: [{name: f, experiment: fraud/run-1, artifact: f}]\n",
      [["ref/unknown-project", V, 8]],
    ],
  ])("%s", (_name, version, expected) => {
    expect(found(referencesCheck, version)).toEqual(expected);
  });
});

describe("the stage policy", () => {
  const policy = (stages: string, aliases = "") =>
    `title: Test catalog\nadmins: [alice]\npolicy:\n  stages:\n${stages}${aliases}`;
  const production = "    production: {require: [checksums, flavor, signature, evaluation, inputExample]}\n";
  const inProduction = (rest: string) => HEAD.replace(/testing/g, "production") + rest;

  it("reports a production version without what production requires, naming the missing fields", () => {
    const diagnostics = runRule(stagePolicyCheck, {
      ...files(""),
      "catalog.yaml": policy(production),
      [VERSION]: inProduction("flavors: [{name: a, artifact: model, format: onnx, image: x/y:1}]\n"),
    });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["policy/stage-requirements", 2]]);
    expect(diagnostics[0]!.message).toContain("signature, evaluation, inputExample");
    expect(diagnostics[0]!.hint).toContain(
      "add signature (inputs and outputs), evaluation (at least one result) and inputExample",
    );
  });

  it("says nothing where the policy requires nothing", () => {
    expect(runRule(stagePolicyCheck, { ...files(""), [VERSION]: inProduction("") })).toEqual([]);
  });

  it("reports a production alias on a version that lacks what production requires, at the alias", () => {
    const diagnostics = runRule(stagePolicyCheck, {
      ...files(""),
      "catalog.yaml": policy(production, "  productionAliases: [champion]\n"),
      [MODEL]: 'name: churn-model\nowner: alice\naliases: {champion: "1.0.0", challenger: "1.0.0"}\n',
    });
    expect(diagnostics.map((d) => [d.code, d.file.endsWith("model.yaml"), d.line])).toEqual([
      ["policy/stage-requirements", true, 3],
    ]);
    expect(diagnostics[0]!.message).toContain("alias champion means production");
  });

  it.each([
    ["no artifacts", {}, ["checksums"], "artifacts, each with sha256 and size"],
    [
      "an artifact without size",
      { artifacts: [{ name: "model", uri: "s3://m", sha256: "a".repeat(64) }] },
      ["checksums"],
      "sha256 and size of artifact model",
    ],
    ["an empty signature", { signature: {} }, ["signature"], "signature (inputs and outputs)"],
    ["no flavors", { flavors: [] }, ["flavor"], "flavors (at least one)"],
  ] as Array<[string, Partial<ModelVersionData>, StageRequirement[], string]>)(
    "missingRequirements: %s",
    (_name, data, required, fields) => {
      expect(missingRequirements(data, required)).toEqual([{ requirement: required[0], fields }]);
    },
  );
});
