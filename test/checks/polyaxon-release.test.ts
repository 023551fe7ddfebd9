/**
 * Specs and connections as current Polyaxon (CLI 2.16.4, spec version 1.1)
 * reads them: its run kinds, plugins, termination and connection kinds pass
 * the schema; a missing or other `version` is an error; run kinds only older
 * releases had pass with a warning that says which release and what replaces them.
 */
import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { schemaCheck } from "../../src/checks/schema.js";
import { BASE, validateFiles } from "../helpers/catalog.js";

const VERSION = "orgs/acme/components/train/versions/1.0.0.yaml";
const CONNECTION = "orgs/acme/connections/warehouse.yaml";

const codes = (files: Record<string, string>) =>
  validateFiles({ ...BASE, ...files }, [schemaCheck, componentSpecsCheck]).map((d) => [
    d.code,
    d.line,
    d.column,
    d.severity,
  ]);

const spec = (body: string, head = "version: 1.1\n") => `${head}kind: component\nname: train\n${body}`;

describe("current Polyaxon's spec vocabulary passes the schema", () => {
  it.each([
    ["a notifier run (a job)", "run:\n  kind: notifier\n  container:\n    image: polyaxon/polyaxon-notifier:2.16.4\n"],
    [
      "a cleaner run",
      "run:\n  kind: cleaner\n  connections: [s3]\n  container:\n    image: polyaxon/polyaxon-init:2.16.4\n",
    ],
    ["a tuner run", "run:\n  kind: tuner\n  container:\n    image: polyaxon/polyaxon-hpsearch:2.16.4\n"],
    [
      "tmux, ssh and sandbox plugins",
      "inputs: [{name: collect, type: bool}]\nplugins:\n  tmux: true\n  ssh: true\n  sandbox: false\n  collectLogs: '{{ collect }}'\nrun:\n  kind: service\n  container:\n    image: x\n",
    ],
    [
      "termination culling, probe and templated numbers",
      "inputs: [{name: timeout, type: int}]\ntermination:\n  timeout: '{{ timeout }}'\n  culling:\n    timeout: 3600\n  probe:\n    http: {path: /api, port: 8888}\nrun:\n  kind: service\n  container:\n    image: x\n",
    ],
    [
      "a raycluster with its fields",
      "run:\n  kind: raycluster\n  entrypoint: python train.py\n  rayVersion: 2.9.0\n  runtimeEnv: {pip: [torch]}\n  head:\n    container: {image: rayproject/ray:2.9.0}\n  workers:\n    small: {replicas: 2, container: {image: rayproject/ray:2.9.0}}\n",
    ],
    [
      "a daskcluster with autoscaling bounds",
      "run:\n  kind: daskcluster\n  minReplicas: 1\n  maxReplicas: 4\n  worker: {replicas: 2}\n",
    ],
    [
      "mount, and a hook and a build with a namespace",
      "mount: [s3-data]\nhooks:\n  - hubRef: slack\n    namespace: ml\nbuild:\n  hubRef: kaniko\n  namespace: builds\nrun:\n  kind: job\n  container:\n    image: x\n",
    ],
  ])("%s", (_name, body) => {
    expect(codes({ [VERSION]: spec(body) })).toEqual([]);
  });

  it("still refuses what Polyaxon refuses: a made-up run kind, a plugin it does not have", () => {
    expect(codes({ [VERSION]: spec("run:\n  kind: sparkjob\n") })).toEqual([["schema/enum", 5, 9, "error"]]);
    expect(codes({ [VERSION]: spec("plugins:\n  vnc: true\nrun:\n  kind: job\n") })).toEqual([
      ["schema/unknown-property", 5, 3, "error"],
    ]);
  });
});

describe("spec version", () => {
  it.each([
    ["missing", "", [["spec/unsupported-version", 1, 1, "error"]]],
    ["1", "version: 1\n", [["spec/unsupported-version", 1, 10, "error"]]],
    ["2", "version: 2\n", [["spec/unsupported-version", 1, 10, "error"]]],
    ["1.05", "version: 1.05\n", [["spec/unsupported-version", 1, 10, "error"]]],
    ["1.1", "version: 1.1\n", []],
  ])("%s", (_name, head, expected) => {
    expect(codes({ [VERSION]: spec("run:\n  kind: job\n", head) })).toEqual(expected);
  });

  it("says which version Polyaxon reads", () => {
    const [d] = validateFiles({ ...BASE, [VERSION]: spec("run:\n  kind: job\n", "version: 1.05\n") }, [
      schemaCheck,
      componentSpecsCheck,
    ]);
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"version 1.05 is not one Polyaxon 2.16.4 reads: it reads only 1.1 (write version: 1.1, the specification version Polyaxon 2.16.4 reads (it refuses any other))"`,
    );
  });
});

describe("run kinds of older Polyaxon releases", () => {
  it.each([
    ["daskjob", "daskcluster"],
    ["rayjob", "raycluster"],
    ["dask", "daskcluster"],
    ["ray", "raycluster"],
  ])("%s passes with a warning naming %s", (kind, replacement) => {
    const ds = validateFiles({ ...BASE, [VERSION]: spec(`run:\n  kind: ${kind}\n`) }, [
      schemaCheck,
      componentSpecsCheck,
    ]);
    expect(ds.map((d) => [d.code, d.line, d.column, d.severity])).toEqual([["spec/legacy-run-kind", 5, 9, "warning"]]);
    expect(ds[0]!.hint).toContain(`use kind: ${replacement}`);
  });

  it.each(["mxjob", "xgbjob", "paddlejob", "spark", "flink"])(
    "%s passes with a warning that it has no replacement",
    (kind) => {
      const ds = validateFiles({ ...BASE, [VERSION]: spec(`run:\n  kind: ${kind}\n`) }, [
        schemaCheck,
        componentSpecsCheck,
      ]);
      expect(ds.map((d) => d.code)).toEqual(["spec/legacy-run-kind"]);
      expect(ds[0]!.hint).toContain("no replacement");
    },
  );

  it("finds an old kind in a DAG's inline component too", () => {
    const dag =
      "run:\n  kind: dag\n  operations:\n    - {name: a, dagRef: c}\n  components:\n    - name: c\n      run: {kind: xgbjob}\n";
    expect(codes({ [VERSION]: spec(dag) })).toEqual([["spec/legacy-run-kind", 10, 19, "warning"]]);
  });

  it("says when the kind was last accepted", () => {
    const [d] = validateFiles({ ...BASE, [VERSION]: spec("run:\n  kind: daskjob\n") }, [
      schemaCheck,
      componentSpecsCheck,
    ]);
    expect(d?.message).toMatchInlineSnapshot(
      `"run kind "daskjob" was last accepted by Polyaxon 2.11; Polyaxon 2.16.4 does not run it"`,
    );
  });
});

describe("connection kinds and fields of current Polyaxon", () => {
  it.each(["postgres", "pagerduty", "snowflake", "discord", "aws", "hive_metastore"])("kind %s passes", (kind) => {
    expect(codes({ [CONNECTION]: `name: warehouse\nkind: ${kind}\n` })).toEqual([]);
  });

  it("takes a config map, env, annotations and secret items", () => {
    const text = `name: warehouse
kind: postgres
configMap:
  name: pg-settings
  mountPath: /etc/pg
env:
  - {name: PGHOST, value: db.internal}
annotations:
  team: data
secret:
  name: pg-credentials
  items: [PGPASSWORD]
`;
    expect(codes({ [CONNECTION]: text })).toEqual([]);
  });

  it("refuses a kind Polyaxon does not know", () => {
    expect(codes({ [CONNECTION]: "name: warehouse\nkind: postgresql\n" })).toEqual([["schema/enum", 2, 7, "error"]]);
  });
});
