/**
 * `reproduceVersion`: the Polyaxon operation written from a model version's
 * lineage, and the refusals (every missing piece listed) when the lineage is
 * not complete.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findVersion, reproduceVersion, type Reproduction } from "../../src/registry/reproduce.js";
import type { Entity } from "../../src/model/entity.js";
import { BASE, type FileMap } from "../helpers/catalog.js";
import { loadValid } from "../checks/run-rule.js";

const RUN = "orgs/acme/projects/churn/experiments/run-1.yaml";
const VERSION = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const COMPONENT = "orgs/acme/components/train/versions/1.0.0.yaml";
const COMMIT = "3f2c1ab9d0e4c5b6a7f8e9d0c1b2a3f4e5d6c7b8";

const TRAIN_SPEC = `version: 1.1
kind: component
name: train
inputs:
  - name: data
    type: path
  - name: lr
    type: float
    isOptional: true
    value: 0.1
  - name: epochs
    type: int
    isOptional: true
    value: 10
  - name: features
    type: str
    isList: true
    isOptional: true
    value: []
outputs:
  - name: model
    type: path
run:
  kind: job
  container:
    image: python:3.12
    command: [python, train.py]
`;

const RUN_FILE = `name: run-1
component: acme/train:1.0.0
params:
  data: s3://acme-data/churn/v3/
  lr: 0.10
  epochs: 20
  features: [tenure, plan]
metrics: { auc: 0.9 }
code:
  repo: https://github.com/acme/ml
  commit: ${COMMIT}
status: succeeded
`;

const VERSION_FILE = `name: 1.0.0
stage: production
stageHistory:
  - stage: testing
    at: "2025-12-10T12:00:00Z"
    by: alice
    reason: first candidate
lineage:
  project: churn
  experiment: run-1
  component: acme/train:1.0.0
metrics: { auc: 0.9 }
`;

/** BASE with a component that needs data, a run that recorded its code, and a git connection. */
const FILES: FileMap = {
  ...BASE,
  [COMPONENT]: TRAIN_SPEC,
  [RUN]: RUN_FILE,
  [VERSION]: VERSION_FILE,
  "orgs/acme/connections/ml-repo.yaml": `name: ml-repo
kind: git
schema: { url: "https://github.com/acme/ml.git" }
secret: { name: github-deploy-key }
`,
  "orgs/acme/models/churn-model/model.yaml": `name: churn-model
description: Churn classifier.
license: Apache-2.0
owner: alice
aliases: { champion: "1.0.0" }
`,
};

function reproduce(overrides: Record<string, string> = {}): Reproduction {
  const catalog = loadValid({ ...FILES, ...overrides });
  return reproduceVersion(catalog, catalog.get("ModelVersion", "acme/churn-model:1.0.0")!);
}

function text(overrides: Record<string, string> = {}): string {
  const r = reproduce(overrides);
  if (!r.ok) throw new Error(`refused: ${r.missing.join("; ")}`);
  return r.text;
}

describe("reproduceVersion", () => {
  it("writes the operation: hub version, params as written, code checked out by a git init", () => {
    expect(text())
      .toBe(`# Reproduces model version acme/churn-model:1.0.0 (production): run acme/churn/run-1 (succeeded).
# Run it: polyaxon run -f reproduce.yaml --project acme/churn
# Code: https://github.com/acme/ml at ${COMMIT}, checked out by the git init handler below.
# Not pinned (no version or checksum recorded): data; these paths may have changed.
version: 1.1
kind: operation
description: Reproduce acme/churn-model:1.0.0 (run acme/churn/run-1)
hubRef: acme/train:1.0.0
params:
  data:
    value: s3://acme-data/churn/v3/
  lr:
    value: 0.10
  epochs:
    value: 20
  features:
    value: [tenure, plan]
runPatch:
  init:
    - git:
        url: https://github.com/acme/ml
        revision: ${COMMIT}
      connection: ml-repo
`);
  });

  it.each([
    ["195.0", "195.0"],
    ["1.50", "1.50"],
    ["1e-3", "1e-3"],
    ["0x1F", "0x1F"],
    ['"0.10"', '"0.10"'],
  ])("copies the number %s as the run wrote it", (written, out) => {
    const t = text({ [RUN]: RUN_FILE.replace("lr: 0.10", `lr: ${written}`) });
    expect(t).toContain(`  lr:\n    value: ${out}\n`);
  });

  it("reads params from the run's record, even when the lineage repeats them", () => {
    const t = text({
      [VERSION]: VERSION_FILE.replace(
        "  component: acme/train:1.0.0\n",
        "  component: acme/train:1.0.0\n  params: { data: s3://acme-data/churn/v3/, lr: 0.1, epochs: 20, features: [tenure, plan] }\n",
      ),
    });
    expect(t).toContain("  lr:\n    value: 0.10\n");
  });

  it("says what the catalog knows of the data, pinned by version, checksum or the run that wrote it", () => {
    const t = text({
      [RUN]: `${RUN_FILE}inputs:
  - name: data
    uri: s3://acme-data/churn/v3/
    version: "2025-12-01"
    sha256: ${"a".repeat(64)}
`,
    });
    expect(t).toContain(
      `# Data as the catalog records it. Polyaxon passes a path as written and cannot pin it to a version\n# or a checksum: check that the data still match before comparing results.\n#   data: s3://acme-data/churn/v3/ (version 2025-12-01, sha256 ${"a".repeat(64)})\n`,
    );
    expect(t).not.toContain("Not pinned");
    const fromRun = text({
      "orgs/acme/projects/churn/experiments/prep.yaml": `name: prep
component: acme/train:1.0.0
params: { data: s3://acme-data/raw/ }
artifacts:
  - name: features
    uri: s3://acme-data/churn
status: succeeded
`,
      [VERSION]: VERSION_FILE.replace(
        "  component: acme/train:1.0.0\n",
        "  component: acme/train:1.0.0\n  inputs:\n    - name: churn-features\n      experiment: churn/prep\n      artifact: features\n",
      ),
    });
    // The input feeds the params under its URI, whatever its name.
    expect(fromRun).toContain(
      `#   churn-features: artifact "features" of run acme/churn/prep (s3://acme-data/churn) -> data\n`,
    );
    expect(fromRun).not.toContain("Not pinned");
  });

  it("clones without a connection when no git connection of the organization has the repository's URL", () => {
    const t = text({ [RUN]: RUN_FILE.replace("https://github.com/acme/ml", "https://github.com/acme/other") });
    expect(t).toMatch(/ {4}- git:\n {8}url: https:\/\/github.com\/acme\/other\n {8}revision: [0-9a-f]{40}\n$/);
  });

  it("puts the git init in each replica of a distributed run", () => {
    const spec = TRAIN_SPEC.replace(
      /run:\n[\s\S]*$/,
      "run:\n  kind: pytorchjob\n  master:\n    replicas: 1\n    container: { image: pytorch }\n  worker:\n    replicas: 2\n    container: { image: pytorch }\n",
    );
    const op = parse(text({ [COMPONENT]: spec })) as { runPatch: Record<string, { init: unknown[] }> };
    const init = [{ git: { url: "https://github.com/acme/ml", revision: COMMIT }, connection: "ml-repo" }];
    expect(op.runPatch).toEqual({ master: { init }, worker: { init } });
  });

  it("keeps catalog text inside its comment: a line break in a URI cannot add a key", () => {
    const t = text({
      [RUN]: `${RUN_FILE}inputs:\n  - name: data\n    uri: "s3://x/\\nhubRef: evil/x:1.0.0"\n    version: v1\n`,
    });
    expect(t).toContain("#   data: s3://x/\\u000ahubRef: evil/x:1.0.0 (version v1)\n");
    expect((parse(t) as { hubRef: string }).hubRef).toBe("acme/train:1.0.0");
  });

  const refusals: Array<[string, Record<string, string>, string[]]> = [
    [
      "no experiment",
      { [VERSION]: VERSION_FILE.replace("  experiment: run-1\n", "") },
      [
        "lineage.experiment: not recorded (the run that produced the version)",
        'params: acme/train:1.0.0 requires input "data", and it is not given',
        "code.repo: not recorded (the repository the run's code came from)",
        "code.commit: not recorded (the commit the run's code was at)",
      ],
    ],
    [
      "a run that failed",
      { [RUN]: RUN_FILE.replace("status: succeeded", "status: failed") },
      ['experiment acme/churn/run-1: its status is "failed"; only a run that succeeded is reproduced'],
    ],
    [
      "a project component",
      {
        [RUN]: RUN_FILE.replace("component: acme/train:1.0.0", "component: prep"),
        [VERSION]: VERSION_FILE.replace("  component: acme/train:1.0.0\n", ""),
      },
      [
        'component "prep" is not a hub version org/name:tag (a project component has no version to pin): publish it with mlcat promote component and record the hub version',
      ],
    ],
    [
      "a mutable tag",
      {
        [RUN]: RUN_FILE.replace("acme/train:1.0.0", "acme/train:latest"),
        [VERSION]: VERSION_FILE.replace("  component: acme/train:1.0.0\n", ""),
        "orgs/acme/components/train/versions/latest.yaml": TRAIN_SPEC,
        "orgs/acme/components/train/component.yaml": `name: train
owner: alice
mutableTags: [latest]
`,
      },
      ['component acme/train:latest: "latest" is a mutable tag, not an exact version'],
    ],
    [
      "a required input without a param",
      { [RUN]: RUN_FILE.replace("  data: s3://acme-data/churn/v3/\n", "") },
      ['params: acme/train:1.0.0 requires input "data", and it is not given'],
    ],
    [
      "no code",
      { [RUN]: RUN_FILE.replace(/code:\n.*\n.*\n/, "") },
      [
        "code.repo: not recorded (the repository the run's code came from)",
        "code.commit: not recorded (the commit the run's code was at)",
      ],
    ],
    [
      "data without a version or checksum",
      { [RUN]: `${RUN_FILE}inputs:\n  - name: data\n    uri: s3://acme-data/churn/v3/\n` },
      ['input "data": s3://acme-data/churn/v3/ has no version or checksum'],
    ],
    [
      "data from a run that left no such artifact",
      { [RUN]: `${RUN_FILE}inputs:\n  - name: data\n    experiment: churn/run-1\n    artifact: features\n` },
      ['input "data": run acme/churn/run-1 records no artifact "features"'],
    ],
    [
      "a lineage that disagrees with its run",
      {
        [VERSION]: VERSION_FILE.replace(
          "  component: acme/train:1.0.0\n",
          "  component: acme/train:1.0.0\n  params: { lr: 0.2 }\n  code: { commit: abcdef1 }\n",
        ),
      },
      [
        "lineage.params differ from the params of experiment acme/churn/run-1: the run is the record",
        `lineage.code.commit is abcdef1, but experiment acme/churn/run-1 ran ${COMMIT}`,
      ],
    ],
    [
      "a component that runs a DAG",
      { [COMPONENT]: TRAIN_SPEC.replace(/run:\n[\s\S]*$/, "run:\n  kind: dag\n  operations: []\n") },
      ["component acme/train:1.0.0 runs a dag: Polyaxon has no init section to check out its code"],
    ],
    [
      "everything at once",
      {
        [RUN]: RUN_FILE.replace("status: succeeded", "status: stopped")
          .replace("  data: s3://acme-data/churn/v3/\n", "")
          .replace(/code:\n.*\n.*\n/, ""),
      },
      [
        'experiment acme/churn/run-1: its status is "stopped"; only a run that succeeded is reproduced',
        'params: acme/train:1.0.0 requires input "data", and it is not given',
        "code.repo: not recorded (the repository the run's code came from)",
        "code.commit: not recorded (the commit the run's code was at)",
      ],
    ],
  ];
  it.each(refusals)("refuses %s, listing every missing piece", (_name, overrides, missing) => {
    expect(reproduce(overrides)).toEqual({ ok: false, missing });
  });
});

describe("findVersion", () => {
  const catalog = loadValid(FILES);
  const key = (r: ReturnType<typeof findVersion>) => (r.ok ? (r.version as Entity).key : r);
  it.each([
    ["acme/churn-model:1.0.0", "acme/churn-model:1.0.0"],
    ["acme/churn-model@champion", "acme/churn-model:1.0.0"],
  ])("finds %s", (text, expected) => expect(key(findVersion(catalog, text))).toBe(expected));
  it.each([
    ["acme/churn-model", true, /is not a model version/],
    ["acme/churn-model:9.9.9", false, /model version "acme\/churn-model:9\.9\.9" does not exist/],
    ["acme/churn-model@challenger", false, /model acme\/churn-model has no alias "challenger"/],
    ["acme/nope@champion", false, /model "acme\/nope" does not exist/],
  ])("refuses %s", (text, usage, message) => {
    const r = findVersion(catalog, text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.usage).toBe(usage);
      expect(r.message).toMatch(message);
    }
  });
});
