import { describe, expect, it } from "vitest";
import { referencesCheck } from "../../src/checks/references.js";
import { validateCatalog } from "../../src/validate.js";
import { BASE, where, type FileMap } from "../helpers/catalog.js";
import { loadValid, runRule } from "./run-rule.js";

const CAROL = { "users/carol.yaml": "name: carol\n" };

const ORG_WITH = (extra: string) => `name: acme
visibility: public
members:
  - user: alice
    role: owner
  - user: bob
    role: member
${extra}`;

const EXPERIMENT = (component: string, extra = "") => `name: run-2
component: ${component}
status: succeeded
${extra}`;

const MODEL_VERSION = (lineage: string, extra = "") => `name: 1.1.0
stage: testing
stageHistory:
  - stage: testing
    at: "2026-01-10T12:00:00Z"
    by: alice
lineage:
${lineage}${extra}`;

interface Case {
  name: string;
  files: FileMap;
  expected: Array<{ code: string; file: string; line: number; column: number }>;
}

const ORG = "catalog/orgs/acme/organization.yaml";
const TEAM = "catalog/orgs/acme/teams/ml.yaml";
const PROJECT = "catalog/orgs/acme/projects/churn/project.yaml";
const RUN2 = "catalog/orgs/acme/projects/churn/experiments/run-2.yaml";
const MV = "catalog/orgs/acme/models/churn-model/versions/1.1.0.yaml";
const RUN2_PATH = "orgs/acme/projects/churn/experiments/run-2.yaml";
const MV_PATH = "orgs/acme/models/churn-model/versions/1.1.0.yaml";

const CASES: Case[] = [
  // --- catalog, organization, delegations ---------------------------------------
  {
    name: "a catalog admin with no user file",
    files: { "catalog.yaml": "title: T\nadmins: [alice, zed]\n" },
    expected: [{ code: "ref/unknown-user", file: "catalog/catalog.yaml", line: 2, column: 17 }],
  },
  {
    name: "a service account recording on behalf of others with no user file",
    files: { "catalog.yaml": "title: T\nadmins: [alice]\npolicy:\n  recordOnBehalf: [train-bot]\n" },
    expected: [{ code: "ref/unknown-user", file: "catalog/catalog.yaml", line: 4, column: 20 }],
  },
  {
    name: "an organization member with no user file",
    files: { "orgs/acme/organization.yaml": ORG_WITH("  - user: carol\n    role: member\n") },
    expected: [{ code: "ref/unknown-user", file: ORG, line: 8, column: 11 }],
  },
  {
    name: "an organization member listed twice",
    files: { "orgs/acme/organization.yaml": ORG_WITH("  - user: bob\n    role: admin\n") },
    expected: [{ code: "ref/duplicate", file: ORG, line: 8, column: 11 }],
  },
  {
    name: "a delegation to a user outside the organization",
    files: {
      ...CAROL,
      "orgs/acme/organization.yaml": ORG_WITH("delegations:\n  - area: registry\n    to: [alice, carol]\n"),
    },
    expected: [{ code: "ref/not-org-member", file: ORG, line: 10, column: 17 }],
  },
  {
    name: "a delegation to a plain member",
    files: { "orgs/acme/organization.yaml": ORG_WITH("delegations:\n  - area: hub\n    to: [bob]\n") },
    expected: [{ code: "ref/role-too-low", file: ORG, line: 10, column: 10 }],
  },
  {
    name: "a delegation to the owner, once per area",
    files: {
      "orgs/acme/organization.yaml": ORG_WITH(
        "delegations:\n  - { area: hub, to: [alice] }\n  - { area: registry, to: [alice] }\n",
      ),
    },
    expected: [],
  },
  // --- teams -------------------------------------------------------------------------
  {
    name: "a team member who is a user but not an organization member",
    files: { ...CAROL, "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - user: carol\n    role: member\n" },
    expected: [{ code: "ref/not-org-member", file: TEAM, line: 3, column: 11 }],
  },
  {
    name: "a team member with no user file",
    files: { "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - { user: dave, role: member }\n" },
    expected: [{ code: "ref/unknown-user", file: TEAM, line: 3, column: 13 }],
  },
  {
    name: "a team member listed twice",
    files: {
      "orgs/acme/teams/ml.yaml":
        "name: ml\nmembers:\n  - { user: bob, role: member }\n  - { user: bob, role: admin }\n",
    },
    expected: [{ code: "ref/duplicate", file: TEAM, line: 4, column: 13 }],
  },
  {
    name: "team access to a project the organization does not have",
    files: { "orgs/acme/teams/ml.yaml": "name: ml\nmembers: []\nprojects:\n  - { project: churm, role: member }\n" },
    expected: [{ code: "ref/unknown-project", file: TEAM, line: 4, column: 16 }],
  },
  // --- projects, hub components, models -------------------------------------------
  {
    name: "a project owner who is not an organization member",
    files: { ...CAROL, "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: carol\n" },
    expected: [{ code: "ref/not-org-member", file: PROJECT, line: 2, column: 8 }],
  },
  {
    name: "a project team, teams entry and connection the organization does not have",
    files: {
      "orgs/acme/projects/churn/project.yaml":
        "name: churn\nowner: alice\nteam: ops\nteams:\n  - { team: ml, role: admin }\n  - { team: data, role: viewer }\nconnections: [s3-data, gcs-data]\n",
    },
    expected: [
      { code: "ref/unknown-team", file: PROJECT, line: 3, column: 7 },
      { code: "ref/unknown-team", file: PROJECT, line: 6, column: 13 },
      { code: "ref/unknown-connection", file: PROJECT, line: 7, column: 24 },
    ],
  },
  {
    name: "project members and connections listed twice, a member outside the organization",
    files: {
      ...CAROL,
      "orgs/acme/projects/churn/project.yaml":
        "name: churn\nowner: alice\nmembers:\n  - { user: bob, role: admin }\n  - { user: carol, role: viewer }\n  - { user: bob, role: viewer }\nconnections: [s3-data, s3-data]\n",
    },
    expected: [
      { code: "ref/not-org-member", file: PROJECT, line: 5, column: 13 },
      { code: "ref/duplicate", file: PROJECT, line: 6, column: 13 },
      { code: "ref/duplicate", file: PROJECT, line: 7, column: 24 },
    ],
  },
  {
    name: "a hub component maintainer outside the organization and a team listed twice",
    files: {
      ...CAROL,
      "orgs/acme/components/train/component.yaml":
        "name: train\nowner: alice\nmaintainers: [bob, carol]\nteams:\n  - { team: ml, role: admin }\n  - { team: ml, role: member }\n",
    },
    expected: [
      { code: "ref/not-org-member", file: "catalog/orgs/acme/components/train/component.yaml", line: 3, column: 20 },
      { code: "ref/duplicate", file: "catalog/orgs/acme/components/train/component.yaml", line: 6, column: 13 },
    ],
  },
  {
    name: "a model owner with no user file and an unknown team",
    files: { "orgs/acme/models/churn-model/model.yaml": "name: churn-model\nlicense: MIT\nowner: alise\nteam: m1\n" },
    expected: [
      { code: "ref/unknown-user", file: "catalog/orgs/acme/models/churn-model/model.yaml", line: 3, column: 8 },
      { code: "ref/unknown-team", file: "catalog/orgs/acme/models/churn-model/model.yaml", line: 4, column: 7 },
    ],
  },
  // --- experiments ---------------------------------------------------------------------
  {
    name: "an experiment on a hub version that exists",
    files: { [RUN2_PATH]: EXPERIMENT("acme/train:1.0.0") },
    expected: [],
  },
  {
    name: "an experiment on a hub component's missing tag",
    files: { [RUN2_PATH]: EXPERIMENT("acme/train:2.0.0") },
    expected: [{ code: "ref/unknown-component", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment on a hub component that does not exist",
    files: { [RUN2_PATH]: EXPERIMENT("acme/tran:1.0.0") },
    expected: [{ code: "ref/unknown-component", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment on a hub component without a tag",
    files: { [RUN2_PATH]: EXPERIMENT("acme/train") },
    expected: [{ code: "ref/syntax", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment on a malformed reference",
    files: { [RUN2_PATH]: EXPERIMENT("acme/train:1.0.0:gpu") },
    expected: [{ code: "ref/syntax", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment on a component of an organization that does not exist",
    files: { [RUN2_PATH]: EXPERIMENT("acne/train:1.0.0") },
    expected: [{ code: "ref/unknown-organization", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment on a component of its own project",
    files: {
      [RUN2_PATH]: EXPERIMENT("prep"),
      "orgs/acme/projects/churn/components/prep.yaml": "version: 1.1\nkind: component\nrun: { kind: job }\n",
    },
    expected: [],
  },
  {
    name: "an experiment on a project component that does not exist",
    files: { [RUN2_PATH]: EXPERIMENT("prep") },
    expected: [{ code: "ref/unknown-component", file: RUN2, line: 2, column: 12 }],
  },
  {
    name: "an experiment's creator and artifact connection",
    files: {
      [RUN2_PATH]: EXPERIMENT(
        "acme/train:1.0.0",
        "createdBy: zed\nartifacts:\n  - { name: model, uri: s3://x/m, connection: s3-dta }\n",
      ),
    },
    expected: [
      { code: "ref/unknown-user", file: RUN2, line: 4, column: 12 },
      { code: "ref/unknown-connection", file: RUN2, line: 6, column: 47 },
    ],
  },
  // --- model versions --------------------------------------------------------------------
  {
    name: "a lineage written org/project, with its experiment and hub component",
    files: { [MV_PATH]: MODEL_VERSION("  project: acme/churn\n  experiment: run-1\n  component: acme/train:1.0.0\n") },
    expected: [],
  },
  {
    name: "a lineage project that does not exist",
    files: { [MV_PATH]: MODEL_VERSION("  project: chrun\n  experiment: run-1\n") },
    expected: [{ code: "ref/unknown-project", file: MV, line: 8, column: 12 }],
  },
  {
    name: "a lineage project with a tag",
    files: { [MV_PATH]: MODEL_VERSION("  project: acme/churn:1\n") },
    expected: [{ code: "ref/syntax", file: MV, line: 8, column: 12 }],
  },
  {
    name: "a lineage experiment that does not exist in the project",
    files: { [MV_PATH]: MODEL_VERSION("  project: churn\n  experiment: run-9\n") },
    expected: [{ code: "ref/unknown-experiment", file: MV, line: 9, column: 15 }],
  },
  {
    name: "a lineage experiment without a project",
    files: { [MV_PATH]: MODEL_VERSION("  experiment: run-1\n") },
    expected: [{ code: "ref/unknown-experiment", file: MV, line: 8, column: 15 }],
  },
  {
    name: "a lineage component named as a project component the lineage project lacks",
    files: { [MV_PATH]: MODEL_VERSION("  project: churn\n  component: train\n") },
    expected: [{ code: "ref/unknown-component", file: MV, line: 9, column: 14 }],
  },
  {
    name: "a lineage component name without a project",
    files: { [MV_PATH]: MODEL_VERSION("  component: train\n") },
    expected: [{ code: "ref/unknown-component", file: MV, line: 8, column: 14 }],
  },
  {
    name: "a stage-history author, creator and artifact connection that do not exist",
    files: {
      [MV_PATH]: MODEL_VERSION(
        "  project: churn\n",
        "createdBy: zed\nartifacts:\n  - name: model\n    uri: s3://x/model.pkl\n    connection: nope\n",
      ).replace("by: alice", "by: alicia"),
    },
    expected: [
      { code: "ref/unknown-user", file: MV, line: 6, column: 9 },
      { code: "ref/unknown-user", file: MV, line: 9, column: 12 },
      { code: "ref/unknown-connection", file: MV, line: 13, column: 17 },
    ],
  },
  // --- files whose folder has no parent file --------------------------------------------
  {
    name: "files in an organization folder without organization.yaml, reported once",
    files: {
      "orgs/beta/teams/ml.yaml": "name: ml\nmembers: []\n",
      "orgs/beta/connections/s3.yaml": "name: s3\nkind: s3\n",
    },
    expected: [{ code: "ref/unknown-organization", file: "catalog/orgs/beta/connections/s3.yaml", line: 1, column: 1 }],
  },
  {
    name: "an experiment in a project folder without project.yaml",
    files: { "orgs/acme/projects/fraud/experiments/run-1.yaml": "name: run-1\ncomponent: prep\nstatus: running\n" },
    expected: [
      {
        code: "ref/unknown-project",
        file: "catalog/orgs/acme/projects/fraud/experiments/run-1.yaml",
        line: 1,
        column: 1,
      },
    ],
  },
  {
    name: "versions beside no component.yaml or model.yaml",
    files: {
      "orgs/acme/components/eval/versions/1.0.yaml": "version: 1.1\nkind: component\nrun: { kind: job }\n",
      "orgs/acme/models/fraud/versions/1.0.0.yaml": "name: 1.0.0\nstage: testing\nstageHistory: []\n",
    },
    expected: [
      {
        code: "ref/unknown-component",
        file: "catalog/orgs/acme/components/eval/versions/1.0.yaml",
        line: 1,
        column: 1,
      },
      { code: "ref/unknown-model", file: "catalog/orgs/acme/models/fraud/versions/1.0.0.yaml", line: 1, column: 1 },
    ],
  },
];

describe("references check", () => {
  it("reports nothing on the base catalog", () => {
    expect(runRule(referencesCheck, BASE)).toEqual([]);
  });

  it.each(CASES)("$name", ({ files, expected }) => {
    expect(where(runRule(referencesCheck, { ...BASE, ...files }))).toEqual(expected);
  });

  it("explains a team member outside the organization", () => {
    const [d] = runRule(referencesCheck, {
      ...BASE,
      ...CAROL,
      "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - { user: carol, role: member }\n",
    });
    expect(d!.message).toMatchInlineSnapshot(`"team member "carol" is not a member of organization "acme""`);
    expect(d!.hint).toMatchInlineSnapshot(`"add carol to orgs/acme/organization.yaml first"`);
  });

  it("names the tags a hub component has, newest first, when the one asked for is missing", () => {
    const files = {
      ...BASE,
      [RUN2_PATH]: EXPERIMENT("acme/train:2.0.0"),
      "orgs/acme/components/train/versions/1.1.0.yaml": BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!,
    };
    const [d] = runRule(referencesCheck, files);
    expect(d!.message).toMatchInlineSnapshot(`"hub component "acme/train" has no version "2.0.0""`);
    expect(d!.hint).toMatchInlineSnapshot(`"use one of its versions: 1.1.0, 1.0.0"`);
  });

  it("suggests the closest name for a typo", () => {
    const [d] = runRule(referencesCheck, {
      ...BASE,
      "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: alice\nconnections: [s3-dat]\n",
    });
    expect(d!.hint).toMatchInlineSnapshot(
      `"fix the name (did you mean "s3-data"?), or add orgs/acme/connections/s3-dat.yaml"`,
    );
  });

  it("explains a delegation to a member whose role is too low", () => {
    const [d] = runRule(referencesCheck, {
      ...BASE,
      "orgs/acme/organization.yaml": ORG_WITH("delegations:\n  - area: hub\n    to: [bob]\n"),
    });
    expect(d!.message).toMatchInlineSnapshot(
      `"delegate "bob" has role "member" in organization "acme", but hub management is delegated to admins or higher"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"make bob an admin in orgs/acme/organization.yaml, or remove bob from this delegation"`,
    );
  });

  it("asks for a pinned version of a hub component", () => {
    const [d] = runRule(referencesCheck, { ...BASE, [RUN2_PATH]: EXPERIMENT("acme/train") });
    expect(d!.message).toMatchInlineSnapshot(`"component reference "acme/train" names no version tag"`);
    expect(d!.hint).toMatchInlineSnapshot(`"pin a version: acme/train:<tag>, one of 1.0.0"`);
  });

  it("explains a file whose organization folder has no organization.yaml", () => {
    const files = {
      ...BASE,
      "orgs/acne/teams/ml.yaml": "name: ml\nmembers: []\n",
      "orgs/acne/teams/ops.yaml": "name: ops\nmembers: []\n",
    };
    const [d] = runRule(referencesCheck, files);
    expect(d!.message).toMatchInlineSnapshot(
      `"orgs/acne/teams/ml.yaml and 1 other file are in organization folder orgs/acne/, which has no organization.yaml"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"add orgs/acne/organization.yaml, or move the files to an existing organization's folder (did you mean "acme"?)"`,
    );
  });

  it("does not judge membership against an organization file that failed its schema", () => {
    const catalog = loadValid({
      ...BASE,
      ...CAROL,
      "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - { user: carol, role: member }\n",
    });
    catalog.get("Organization", "acme")!.schemaValid = false;
    expect(validateCatalog(catalog, [referencesCheck])).toEqual([]);
  });

  it("reads no data from files that failed their schema", () => {
    const catalog = loadValid({ ...BASE, "orgs/acme/projects/churn/project.yaml": "name: churn\nowner: nobody\n" });
    catalog.get("Project", "acme/churn")!.schemaValid = false;
    expect(validateCatalog(catalog, [referencesCheck])).toEqual([]);
  });
});
