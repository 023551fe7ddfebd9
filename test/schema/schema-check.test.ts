import { describe, expect, it } from "vitest";
import { schemaCheck } from "../../src/checks/schema.js";
import { BASE, loadFiles, validateFiles, where } from "../helpers/catalog.js";
import { validateCatalog } from "../../src/validate.js";

/** One table row: a file (relative to the catalog folder) replacing BASE's, and the one problem expected in it. */
interface Case {
  name: string;
  file: string;
  text: string;
  code: string;
  line: number;
  column: number;
}

const CATALOG = "catalog.yaml";
const USER = "users/alice.yaml";
const ORG = "orgs/acme/organization.yaml";
const TEAM = "orgs/acme/teams/ml.yaml";
const CONNECTION = "orgs/acme/connections/s3-data.yaml";
const PROJECT = "orgs/acme/projects/churn/project.yaml";
const EXPERIMENT = "orgs/acme/projects/churn/experiments/run-1.yaml";
const PROJECT_COMPONENT = "orgs/acme/projects/churn/components/prep.yaml";
const COMPONENT = "orgs/acme/components/train/component.yaml";
const VERSION = "orgs/acme/components/train/versions/1.0.0.yaml";
const MODEL = "orgs/acme/models/churn-model/model.yaml";
const MODEL_VERSION = "orgs/acme/models/churn-model/versions/1.0.0.yaml";

const ORG_HEAD = "name: acme\nvisibility: public\n";
const MV_HEAD =
  'name: 1.0.0\nstage: testing\nstageHistory:\n  - {stage: testing, at: "2026-01-10T12:00:00Z", by: alice}\n';

const CASES: Case[] = [
  // catalog.yaml
  { name: "catalog without admins", file: CATALOG, text: "title: T\n", code: "schema/required", line: 1, column: 1 },
  {
    name: "catalog with a misspelt key",
    file: CATALOG,
    text: "title: T\nadmins: [alice]\ntitel: x\n",
    code: "schema/unknown-property",
    line: 3,
    column: 1,
  },
  {
    name: "catalog admins as a string",
    file: CATALOG,
    text: "title: T\nadmins: alice\n",
    code: "schema/type",
    line: 2,
    column: 9,
  },
  {
    name: "catalog policy approvers",
    file: CATALOG,
    text: "title: T\nadmins: [alice]\npolicy:\n  productionApprovers: admins\n",
    code: "schema/enum",
    line: 4,
    column: 24,
  },
  {
    name: "catalog admin not a DNS label",
    file: CATALOG,
    text: "title: T\nadmins: [Alice]\n",
    code: "schema/pattern",
    line: 2,
    column: 10,
  },
  {
    name: "catalog site URL without scheme",
    file: CATALOG,
    text: "title: T\nadmins: [alice]\nsiteUrl: ml.acme.example\n",
    code: "schema/format",
    line: 3,
    column: 10,
  },
  {
    name: "catalog site URL not http(s)",
    file: CATALOG,
    text: "title: T\nadmins: [alice]\nsiteUrl: ftp://ml.acme.example\n",
    code: "schema/pattern",
    line: 3,
    column: 10,
  },
  {
    name: "catalog with no admin",
    file: CATALOG,
    text: "title: T\nadmins: []\n",
    code: "schema/constraint",
    line: 2,
    column: 9,
  },
  // users
  { name: "user without name", file: USER, text: "displayName: Alice\n", code: "schema/required", line: 1, column: 1 },
  {
    name: "user with displayname",
    file: USER,
    text: "name: alice\ndisplayname: Alice\n",
    code: "schema/unknown-property",
    line: 2,
    column: 1,
  },
  {
    name: "user GitHub id as a string",
    file: USER,
    text: 'name: alice\ngithub: {login: alice, id: "1001"}\n',
    code: "schema/type",
    line: 2,
    column: 28,
  },
  {
    name: "user GitHub login",
    file: USER,
    text: "name: alice\ngithub: {login: -alice}\n",
    code: "schema/pattern",
    line: 2,
    column: 17,
  },
  { name: "user email", file: USER, text: "name: alice\nemail: alice\n", code: "schema/format", line: 2, column: 8 },
  // organizations
  { name: "organization without members", file: ORG, text: ORG_HEAD, code: "schema/required", line: 1, column: 1 },
  {
    name: "organization with member:",
    file: ORG,
    text: `${ORG_HEAD}members: [{user: alice, role: owner}]\nmember: []\n`,
    code: "schema/unknown-property",
    line: 4,
    column: 1,
  },
  {
    name: "organization members as a string",
    file: ORG,
    text: `${ORG_HEAD}members: alice\n`,
    code: "schema/type",
    line: 3,
    column: 10,
  },
  {
    name: "organization member role",
    file: ORG,
    text: `${ORG_HEAD}members:\n  - user: alice\n    role: boss\n`,
    code: "schema/enum",
    line: 5,
    column: 11,
  },
  {
    name: "organization name",
    file: ORG,
    text: "name: Acme\nvisibility: public\nmembers: [{user: alice, role: owner}]\n",
    code: "schema/pattern",
    line: 1,
    column: 7,
  },
  {
    name: "organization website",
    file: ORG,
    text: `${ORG_HEAD}members: [{user: alice, role: owner}]\nwebsite: javascript:alert(1)\n`,
    code: "schema/pattern",
    line: 4,
    column: 10,
  },
  // teams
  { name: "team without members", file: TEAM, text: "name: ml\n", code: "schema/required", line: 1, column: 1 },
  {
    name: "team with project:",
    file: TEAM,
    text: "name: ml\nmembers: []\nproject: []\n",
    code: "schema/unknown-property",
    line: 3,
    column: 1,
  },
  {
    name: "team quota as a string",
    file: TEAM,
    text: 'name: ml\nmembers: []\nquotas: {projects: "5"}\n',
    code: "schema/type",
    line: 3,
    column: 20,
  },
  {
    name: "team project role",
    file: TEAM,
    text: "name: ml\nmembers: []\nprojects:\n  - project: churn\n    role: lead\n",
    code: "schema/enum",
    line: 5,
    column: 11,
  },
  {
    name: "team member name",
    file: TEAM,
    text: "name: ml\nmembers:\n  - user: Bob\n    role: member\n",
    code: "schema/pattern",
    line: 3,
    column: 11,
  },
  // connections
  {
    name: "connection without kind",
    file: CONNECTION,
    text: "name: s3-data\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "connection secret value",
    file: CONNECTION,
    text: "name: s3-data\nkind: s3\nsecret: {name: aws, value: hunter2}\n",
    code: "schema/unknown-property",
    line: 3,
    column: 21,
  },
  {
    name: "connection schema as a string",
    file: CONNECTION,
    text: "name: s3-data\nkind: s3\nschema: s3://x\n",
    code: "schema/type",
    line: 3,
    column: 9,
  },
  {
    name: "connection kind",
    file: CONNECTION,
    text: "name: s3-data\nkind: s4\n",
    code: "schema/enum",
    line: 2,
    column: 7,
  },
  {
    name: "connection secret name",
    file: CONNECTION,
    text: "name: s3-data\nkind: s3\nsecret: {name: AWS_KEY}\n",
    code: "schema/pattern",
    line: 3,
    column: 16,
  },
  // projects
  { name: "project without owner", file: PROJECT, text: "name: churn\n", code: "schema/required", line: 1, column: 1 },
  {
    name: "project with connection:",
    file: PROJECT,
    text: "name: churn\nowner: alice\nconnection: [s3-data]\n",
    code: "schema/unknown-property",
    line: 3,
    column: 1,
  },
  {
    name: "project tags as a string",
    file: PROJECT,
    text: "name: churn\nowner: alice\ntags: nlp\n",
    code: "schema/type",
    line: 3,
    column: 7,
  },
  {
    name: "project visibility",
    file: PROJECT,
    text: "name: churn\nowner: alice\nvisibility: internal\n",
    code: "schema/enum",
    line: 3,
    column: 13,
  },
  {
    name: "project owner",
    file: PROJECT,
    text: "name: churn\nowner: Alice\n",
    code: "schema/pattern",
    line: 2,
    column: 8,
  },
  // experiments
  {
    name: "experiment without status",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "experiment with param:",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nparam: {}\n",
    code: "schema/unknown-property",
    line: 4,
    column: 1,
  },
  {
    name: "experiment metric as a string",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nmetrics:\n  auc: high\n",
    code: "schema/type",
    line: 5,
    column: 8,
  },
  {
    name: "experiment status",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\nstatus: done\n",
    code: "schema/enum",
    line: 3,
    column: 9,
  },
  {
    name: "experiment component ref",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/Train\nstatus: succeeded\n",
    code: "schema/pattern",
    line: 2,
    column: 12,
  },
  {
    name: "experiment code repo",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\ncode:\n  repo: git@github.com:acme/ml.git\n",
    code: "schema/format",
    line: 5,
    column: 9,
  },
  {
    name: "experiment start time",
    file: EXPERIMENT,
    text: "name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nstartedAt: yesterday\n",
    code: "schema/format",
    line: 4,
    column: 12,
  },
  // hub components
  {
    name: "component without owner",
    file: COMPONENT,
    text: "name: train\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "component with release:",
    file: COMPONENT,
    text: "name: train\nowner: alice\nrelease: []\n",
    code: "schema/unknown-property",
    line: 3,
    column: 1,
  },
  {
    name: "component release tag as a number",
    file: COMPONENT,
    text: "name: train\nowner: alice\nreleases:\n  - tag: 1.2\n",
    code: "schema/type",
    line: 4,
    column: 10,
  },
  {
    name: "component release stage",
    file: COMPONENT,
    text: 'name: train\nowner: alice\nreleases:\n  - tag: "1.0.0"\n    stage: prod\n',
    code: "schema/enum",
    line: 5,
    column: 12,
  },
  {
    name: "component mutable tag",
    file: COMPONENT,
    text: "name: train\nowner: alice\nmutableTags: [Latest]\n",
    code: "schema/pattern",
    line: 3,
    column: 15,
  },
  {
    name: "component release date",
    file: COMPONENT,
    text: 'name: train\nowner: alice\nreleases:\n  - tag: "1.0.0"\n    releasedAt: 2026-13-40\n',
    code: "schema/format",
    line: 5,
    column: 17,
  },
  // component versions (Polyaxon specs)
  {
    name: "spec without run",
    file: VERSION,
    text: "version: 1.1\nkind: component\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "spec with containr:",
    file: VERSION,
    text: "kind: component\nrun:\n  kind: job\n  containr: {image: x}\n",
    code: "schema/unknown-property",
    line: 4,
    column: 3,
  },
  {
    name: "spec with is_optional",
    file: VERSION,
    text: "kind: component\ninputs:\n  - name: lr\n    is_optional: true\nrun: {kind: job}\n",
    code: "schema/unknown-property",
    line: 4,
    column: 5,
  },
  {
    name: "spec with ports on a job",
    file: VERSION,
    text: "kind: component\nrun:\n  kind: job\n  ports: [8080]\n",
    code: "schema/unknown-property",
    line: 4,
    column: 3,
  },
  {
    name: "spec isOptional as a string",
    file: VERSION,
    text: 'kind: component\ninputs:\n  - name: lr\n    isOptional: "yes"\nrun: {kind: job}\n',
    code: "schema/type",
    line: 4,
    column: 17,
  },
  {
    name: "spec env as a mapping",
    file: VERSION,
    text: "kind: component\nrun:\n  kind: job\n  container:\n    env: {A: b}\n",
    code: "schema/type",
    line: 5,
    column: 10,
  },
  {
    name: "spec run kind",
    file: VERSION,
    text: "kind: component\nrun: {kind: jobs}\n",
    code: "schema/enum",
    line: 2,
    column: 13,
  },
  {
    name: "spec kind",
    file: VERSION,
    text: "kind: components\nrun: {kind: job}\n",
    code: "schema/enum",
    line: 1,
    column: 7,
  },
  {
    name: "spec IO name with a dot",
    file: VERSION,
    text: "kind: component\ninputs:\n  - name: cache.ttl\nrun: {kind: job}\n",
    code: "schema/pattern",
    line: 3,
    column: 11,
  },
  {
    name: "spec service ports as a string",
    file: VERSION,
    text: 'kind: component\nrun:\n  kind: service\n  ports: "8888"\n',
    code: "schema/pattern",
    line: 4,
    column: 10,
  },
  {
    name: "spec container command item",
    file: VERSION,
    text: "kind: component\nrun:\n  kind: job\n  container:\n    command: [python, {x: 1}]\n",
    code: "schema/type",
    line: 5,
    column: 23,
  },
  // project components (Polyaxon specs too)
  {
    name: "project component without run",
    file: PROJECT_COMPONENT,
    text: "kind: component\nname: prep\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "project component with inputz:",
    file: PROJECT_COMPONENT,
    text: "kind: component\ninputz: []\nrun: {kind: job}\n",
    code: "schema/unknown-property",
    line: 2,
    column: 1,
  },
  // registry models
  {
    name: "model without owner",
    file: MODEL,
    text: "name: churn-model\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "model with licence:",
    file: MODEL,
    text: "name: churn-model\nowner: alice\nlicence: MIT\n",
    code: "schema/unknown-property",
    line: 3,
    column: 1,
  },
  {
    name: "model tags as a string",
    file: MODEL,
    text: "name: churn-model\nowner: alice\ntags: nlp\n",
    code: "schema/type",
    line: 3,
    column: 7,
  },
  {
    name: "model visibility",
    file: MODEL,
    text: "name: churn-model\nowner: alice\nvisibility: hidden\n",
    code: "schema/enum",
    line: 3,
    column: 13,
  },
  {
    name: "model team",
    file: MODEL,
    text: "name: churn-model\nowner: alice\nteam: ML\n",
    code: "schema/pattern",
    line: 3,
    column: 7,
  },
  // model versions
  {
    name: "model version without stage history",
    file: MODEL_VERSION,
    text: "name: 1.0.0\nstage: testing\n",
    code: "schema/required",
    line: 1,
    column: 1,
  },
  {
    name: "model version with stage_history",
    file: MODEL_VERSION,
    text: `${MV_HEAD}stage_history: []\n`,
    code: "schema/unknown-property",
    line: 5,
    column: 1,
  },
  {
    name: "model version metric as a string",
    file: MODEL_VERSION,
    text: `${MV_HEAD}metrics: {auc: "0.9"}\n`,
    code: "schema/type",
    line: 5,
    column: 16,
  },
  {
    name: "model version stage",
    file: MODEL_VERSION,
    text: 'name: 1.0.0\nstage: prod\nstageHistory:\n  - {stage: testing, at: "2026-01-10T12:00:00Z", by: alice}\n',
    code: "schema/enum",
    line: 2,
    column: 8,
  },
  {
    name: "model version lineage component",
    file: MODEL_VERSION,
    text: `${MV_HEAD}lineage: {component: acme/train@1.0.0}\n`,
    code: "schema/pattern",
    line: 5,
    column: 22,
  },
  {
    name: "model version code repo",
    file: MODEL_VERSION,
    text: `${MV_HEAD}lineage:\n  code: {repo: ftp://git.acme.example/ml}\n`,
    code: "schema/pattern",
    line: 6,
    column: 16,
  },
  {
    name: "model version stage date",
    file: MODEL_VERSION,
    text: "name: 1.0.0\nstage: testing\nstageHistory:\n  - stage: testing\n    at: 2026-01-10\n    by: alice\n",
    code: "schema/format",
    line: 5,
    column: 9,
  },
  {
    name: "model version name as a number",
    file: MODEL_VERSION,
    text: 'name: 1.0\nstage: testing\nstageHistory: [{stage: testing, at: "2026-01-10T12:00:00Z", by: alice}]\n',
    code: "schema/type",
    line: 1,
    column: 7,
  },
];

function run(file: string, text: string) {
  return validateFiles({ ...BASE, [file]: text }, [schemaCheck]);
}

describe("schema check", () => {
  it("accepts the base catalog and marks every entity schema-valid", () => {
    const { catalog } = loadFiles(BASE);
    expect(validateCatalog(catalog, [schemaCheck])).toEqual([]);
    expect(catalog.entities().every((e) => e.schemaValid)).toBe(true);
  });

  it.each(CASES)("$name: $code at $line:$column", ({ file, text, code, line, column }) => {
    expect(where(run(file, text))).toEqual([{ code, file: `catalog/${file}`, line, column }]);
  });

  it("marks only the failing entity schema-invalid", () => {
    const { catalog } = loadFiles({ ...BASE, [PROJECT]: "name: churn\n" });
    validateCatalog(catalog, [schemaCheck]);
    const invalid = catalog
      .entities()
      .filter((e) => !e.schemaValid)
      .map((e) => `${e.kind} ${e.key}`);
    expect(invalid).toEqual(["Project acme/churn"]);
  });

  it("reports every problem of a file at once, each place once", () => {
    const text = "name: Churn\nowner: 5\nvisibility: hidden\ntags: nlp\nconection: []\nteams: [{team: ml}]\n";
    const found = where(run(PROJECT, text)).map(({ code, line, column }) => `${line}:${column} ${code}`);
    expect(found).toEqual([
      "1:7 schema/pattern",
      "2:8 schema/type",
      "3:13 schema/enum",
      "4:7 schema/type",
      "5:1 schema/unknown-property",
      "6:9 schema/required",
    ]);
  });

  it("names every missing property of one object in one diagnostic", () => {
    const [d, ...rest] = run(ORG, `${ORG_HEAD}members:\n  - {}\n`);
    expect(rest).toEqual([]);
    expect([d?.line, d?.column, d?.message, d?.hint]).toEqual([
      4,
      5,
      'members[0] is missing the required properties "user" and "role"',
      "add them, e.g. user: alice and role: member",
    ]);
  });

  it("reports one problem for a value that matches no alternative", () => {
    const diagnostics = run(CATALOG, "title: T\nadmins: [alice]\nvocabularies: {licenses: mit}\n");
    expect(where(diagnostics)).toEqual([{ code: "schema/enum", file: "catalog/catalog.yaml", line: 3, column: 26 }]);
  });

  it("reports the errors inside the alternative whose shape matched", () => {
    const text = "kind: component\nrun:\n  kind: service\n  ports: [8888, http]\n";
    expect(where(run(VERSION, text))).toEqual([
      { code: "schema/type", file: `catalog/${VERSION}`, line: 4, column: 17 },
    ]);
  });
});

describe("schema messages and hints", () => {
  const say = (file: string, text: string) => run(file, text).map((d) => `${d.message} (${d.hint})`);

  it("tells to quote a tag written as a number, as written", () => {
    expect(say(COMPONENT, "name: train\nowner: alice\nreleases:\n  - tag: 1.20\n")).toMatchInlineSnapshot(`
      [
        "releases[0].tag must be a string, but it is a number (1.20) (quote it: tag: "1.20")",
      ]
    `);
  });

  it("suggests the closest known property", () => {
    expect(say(USER, "name: alice\ndisplayname: Alice\n")).toMatchInlineSnapshot(`
      [
        "unknown property "displayname" in user "alice" (did you mean "displayName"?)",
      ]
    `);
  });

  it("lists what a run kind allows when nothing is close", () => {
    expect(say(VERSION, "kind: component\nrun:\n  kind: job\n  ports: [8080]\n")).toMatchInlineSnapshot(`
      [
        "unknown property "ports" in run (kind: job) (remove it; the properties allowed here are kind, environment, connections, volumes, init, sidecars, container)",
      ]
    `);
  });

  it("shows an example of a missing property", () => {
    expect(say(ORG, "name: acme\nmembers: [{user: alice, role: owner}]\n")).toMatchInlineSnapshot(`
      [
        "organization "acme" is missing the required property "visibility" (add it, e.g. visibility: public)",
      ]
    `);
  });

  it("says what a pattern means and offers the lowercase name", () => {
    expect(say(PROJECT, "name: churn\nowner: Alice\n")).toMatchInlineSnapshot(`
      [
        "owner must be a lowercase DNS label, but it is "Alice" (write owner: alice)",
      ]
    `);
  });

  it("lists allowed values, or the closest one", () => {
    expect(say(CONNECTION, "name: s3-data\nkind: s4\n")).toMatchInlineSnapshot(`
      [
        "kind must be one of "host_path", "volume_claim", "gcs", "s3", "wasb", "registry", "git", "aws", "gcp", "azure", "mysql", "postgres", "oracle", "vertica", "sqlite", "mssql", "redis", "presto", "mongo", "cassandra", "ftp", "grpc", "hdfs", "http", "pig_cli", "hive_cli", "hive_metastore", "hive_server2", "jdbc", "jenkins", "samba", "snowflake", "ssh", "cloudant", "databricks", "segment", "slack", "discord", "mattermost", "pagerduty", "hipchat", "webhook", "custom", but it is "s4" (did you mean "s3"?)",
      ]
    `);
  });

  it("rewrites a Kubernetes env mapping as a list of name and value", () => {
    expect(
      say(VERSION, 'kind: component\nrun:\n  kind: job\n  container:\n    env: {BUCKET: "{{ bucket }}", DEBUG: 1}\n'),
    ).toMatchInlineSnapshot(`
      [
        "run.container.env must be a list, but it is a mapping (write it as a list of {name, value}: env: [{name: BUCKET, value: "{{ bucket }}"}, {name: DEBUG, value: 1}])",
      ]
    `);
  });

  it("refuses URLs that are not http(s)", () => {
    expect(say(ORG, `${ORG_HEAD}members: [{user: alice, role: owner}]\nwebsite: javascript:alert(1)\n`))
      .toMatchInlineSnapshot(`
      [
        "website must be an http(s) URL, but it is "javascript:alert(1)" (for example: website: https://github.com/acme/ml)",
      ]
    `);
  });

  it("adds a time and zone to a bare date", () => {
    expect(
      say(
        MODEL_VERSION,
        "name: 1.0.0\nstage: testing\nstageHistory:\n  - stage: testing\n    at: 2026-01-10\n    by: alice\n",
      ),
    ).toMatchInlineSnapshot(`
      [
        "stageHistory[0].at must be a date and time with a time zone (e.g. 2026-01-10T12:00:00Z), but it is "2026-01-10" (add a time and a time zone, e.g. at: "2026-01-10T00:00:00Z")",
      ]
    `);
  });
});
