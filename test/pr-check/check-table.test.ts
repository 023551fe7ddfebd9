/**
 * The pull-request check as a table: actor x change -> the errors a user sees
 * (code and position). An empty list means the pull request is allowed.
 * Every case runs on a real branch of one temporary repository.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edit, moveStage, PR_BASE, PR_TIME } from "../helpers/pr-catalog.js";
import { errorsOf, PrScenario, type PrCase } from "../helpers/pr-repo.js";

const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const MV1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const ORG = "orgs/acme/organization.yaml";
const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const CV1 = "orgs/acme/components/train/versions/1.0.0.yaml";
const CHURN = "orgs/acme/projects/churn/project.yaml";
const FORECAST = "orgs/acme/projects/forecast/project.yaml";

const toProduction = (by: string) => moveStage(PR_BASE[MV2]!, "production", by, "go live");
/** A new model version 3.0.0 whose first entry `by` records. */
const newVersion = (by: string) =>
  PR_BASE[MV1]!.replace("name: 1.0.0", "name: 3.0.0").replace(
    'at: "2025-12-10T12:00:00Z"\n    by: alice',
    `at: "${PR_TIME}"\n    by: ${by}`,
  );
const experiment = (name: string) => `name: ${name}\ncomponent: acme/train:1.0.0\nstatus: created\n`;
const OP = "orgs/acme/projects/churn/operations/nightly.yaml";
const OP_FORECAST = "orgs/acme/projects/forecast/operations/nightly.yaml";
const operationNamed = (name: string) =>
  `version: 1.1\nkind: operation\nname: ${name}\nhubRef: acme/train:1.0.0\nparams:\n  lr: { value: 0.05 }\n`;
const operation = operationNamed("nightly");
/** An operation the base already has. */
const WEEKLY = "orgs/acme/projects/churn/operations/weekly.yaml";
const denied = (file: string, line = 1, column = 1) => ({ code: "pr/permission-denied", file, line, column });

type Row = [name: string, c: PrCase, expected: Array<Partial<ReturnType<typeof errorsOf>[number]>>];

const TABLE: Row[] = [
  // model versions: members edit, stages need more
  [
    "a member edits a model version's description",
    { actor: "bob", change: { [MV2]: edit(MV2, "Second candidate.", "Second candidate, retrained.") } },
    [],
  ],
  [
    "a member moves a model version to production",
    { actor: "bob", change: { [MV2]: toProduction("bob") } },
    [denied(MV2, 3, 8)],
  ],
  [
    "an org admin (registry not delegated) moves it to production",
    { actor: "carol", change: { [MV2]: toProduction("carol") } },
    [],
  ],
  ["a manager moves it to production", { actor: "erin", change: { [MV2]: toProduction("erin") } }, []],
  [
    "a member moves a version from testing to staging",
    { actor: "bob", change: { [MV1]: moveStage(PR_BASE[MV1]!, "staging", "bob", "ok") } },
    [denied(MV1, 2, 8)],
  ],
  [
    "an admin rewrites the stage history",
    { actor: "carol", change: { [MV2]: edit(MV2, "reason: candidate", "reason: best candidate") } },
    [{ code: "pr/stage-history-rewritten", file: MV2, line: 5, column: 5 }],
  ],
  [
    "a member adds a model version in testing",
    { actor: "bob", change: { "orgs/acme/models/churn-model/versions/3.0.0.yaml": newVersion("bob") } },
    [],
  ],
  [
    "a member adds a model version straight to staging",
    {
      actor: "bob",
      change: {
        "orgs/acme/models/churn-model/versions/3.0.0.yaml": newVersion("bob").replace(
          "stage: testing\nstageHistory:\n  - stage: testing",
          "stage: staging\nstageHistory:\n  - stage: staging",
        ),
      },
    },
    [denied("orgs/acme/models/churn-model/versions/3.0.0.yaml", 2, 8)],
  ],
  [
    "an org admin adds a model version straight to staging",
    {
      actor: "carol",
      change: {
        "orgs/acme/models/churn-model/versions/3.0.0.yaml": newVersion("carol").replace(
          "stage: testing\nstageHistory:\n  - stage: testing",
          "stage: staging\nstageHistory:\n  - stage: staging",
        ),
      },
    },
    [],
  ],
  [
    "a member adds a model version straight to production",
    {
      actor: "bob",
      change: {
        "orgs/acme/models/churn-model/versions/3.0.0.yaml": newVersion("bob").replace(
          "stage: testing\nstageHistory:\n  - stage: testing",
          "stage: production\nstageHistory:\n  - stage: production",
        ),
      },
    },
    [denied("orgs/acme/models/churn-model/versions/3.0.0.yaml", 2, 8)],
  ],

  // experiments: members add, admins delete; project overrides and team roles count
  [
    "a member (through team ml) adds an experiment to churn",
    { actor: "bob", change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") } },
    [],
  ],
  [
    "a viewer adds an experiment to churn",
    { actor: "dave", change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") } },
    [denied("orgs/acme/projects/churn/experiments/run-3.yaml")],
  ],
  [
    "a viewer made member of forecast adds an experiment there",
    { actor: "dave", change: { "orgs/acme/projects/forecast/experiments/f-1.yaml": experiment("f-1") } },
    [],
  ],
  ["a member deletes an experiment", { actor: "bob", change: { [RUN2]: null } }, [denied(RUN2)]],

  // operations: judged on the project, as experiments are
  ["a member (through team ml) adds an operation to churn", { actor: "bob", change: { [OP]: operation } }, []],
  ["a viewer adds an operation to churn", { actor: "dave", change: { [OP]: operation } }, [denied(OP)]],
  [
    "a viewer made member of forecast adds an operation there",
    { actor: "dave", change: { [OP_FORECAST]: operation } },
    [],
  ],
  ["a member deletes an operation", { actor: "bob", change: { [WEEKLY]: null } }, [denied(WEEKLY)]],
  ["the project's owner deletes an operation", { actor: "alice", change: { [WEEKLY]: null } }, []],
  ["the project's owner deletes an experiment", { actor: "alice", change: { [RUN2]: null } }, []],
  [
    "a member moves an experiment to another project",
    { actor: "bob", change: { [RUN2]: null, "orgs/acme/projects/forecast/experiments/run-2.yaml": PR_BASE[RUN2]! } },
    [denied(RUN2)],
  ],
  [
    "an org admin moves an experiment to another project",
    { actor: "carol", change: { [RUN2]: null, "orgs/acme/projects/forecast/experiments/run-2.yaml": PR_BASE[RUN2]! } },
    [],
  ],

  // self-grants and spoofing
  [
    "a member grants themselves admin and uses it in one pull request",
    {
      actor: "bob",
      change: { [ORG]: edit(ORG, "  - user: bob\n    role: member", "  - user: bob\n    role: admin"), [RUN2]: null },
    },
    [denied(ORG, 11, 5), denied(RUN2)],
  ],
  [
    "a member adds themselves as project admin",
    { actor: "bob", change: { [CHURN]: `${PR_BASE[CHURN]}members:\n  - user: bob\n    role: admin\n` } },
    [denied(CHURN, 7, 3)],
  ],
  [
    "a member commits with an admin's name and email",
    { actor: "bob", commitAuthor: { name: "Alice", email: "alice@acme.example" }, change: { [RUN2]: null } },
    [denied(RUN2)],
  ],
  [
    "an author with no user file commits as the owner",
    { actor: "mallory", commitAuthor: { name: "alice", email: "alice@acme.example" }, change: { [RUN2]: null } },
    [denied(RUN2)],
  ],
  [
    "the author's numeric id finds their user file under a new login",
    {
      actor: "bob-renamed",
      actorId: 1002,
      change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") },
    },
    [],
  ],
  [
    "a login whose id differs from the user file's is someone else",
    { actor: "bob", actorId: 9999, change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") } },
    [denied("orgs/acme/projects/churn/experiments/run-3.yaml")],
  ],

  // published versions are immutable; mutable tags are declared
  [
    "a member changes a published component version",
    { actor: "bob", change: { [CV1]: PR_BASE[CV1]!.replace("python:3.12", "python:3.13") } },
    [{ code: "pr/immutable-version", file: CV1, line: 15, column: 1 }],
  ],
  [
    "the organization's owner changes a published component version",
    { actor: "alice", change: { [CV1]: PR_BASE[CV1]!.replace("python:3.12", "python:3.13") } },
    [{ code: "pr/immutable-version", file: CV1, line: 15, column: 1 }],
  ],
  [
    "a member declares 1.0.0 mutable and changes it in the same pull request",
    {
      actor: "bob",
      change: {
        "orgs/acme/components/train/component.yaml": edit(
          "orgs/acme/components/train/component.yaml",
          "mutableTags: [latest]",
          'mutableTags: [latest, "1.0.0"]',
        ),
        [CV1]: PR_BASE[CV1]!.replace("python:3.12", "python:3.13"),
      },
    },
    [
      denied("orgs/acme/components/train/component.yaml", 4, 23),
      { code: "pr/immutable-version", file: CV1, line: 15, column: 1 },
    ],
  ],
  [
    "the owner declares 1.0.0 mutable and changes it in the same pull request",
    {
      actor: "alice",
      change: {
        "orgs/acme/components/train/component.yaml": edit(
          "orgs/acme/components/train/component.yaml",
          "mutableTags: [latest]",
          'mutableTags: [latest, "1.0.0"]',
        ),
        [CV1]: PR_BASE[CV1]!.replace("python:3.12", "python:3.13"),
      },
    },
    [{ code: "pr/immutable-version", file: CV1, line: 15, column: 1 }],
  ],
  [
    "a member updates the mutable tag latest",
    {
      actor: "bob",
      change: {
        "orgs/acme/components/train/versions/latest.yaml": PR_BASE[CV1]!.replace("python:3.12", "python:3.13"),
      },
    },
    [],
  ],
  [
    "a member publishes a new version with its release notes",
    {
      actor: "bob",
      change: {
        "orgs/acme/components/train/versions/1.0.1.yaml": PR_BASE[CV1]!.replace("python:3.12", "python:3.13"),
        "orgs/acme/components/train/component.yaml": `${PR_BASE["orgs/acme/components/train/component.yaml"]}  - tag: "1.0.1"\n    notes: Python 3.13.\n`,
      },
    },
    [],
  ],
  [
    "a member changes a release's stage",
    {
      actor: "bob",
      change: {
        "orgs/acme/components/train/component.yaml": edit(
          "orgs/acme/components/train/component.yaml",
          "    stage: production",
          "    stage: disabled",
        ),
      },
    },
    [denied("orgs/acme/components/train/component.yaml", 7, 12)],
  ],
  [
    "an admin deletes a component version",
    {
      actor: "carol",
      change: {
        "orgs/acme/components/train/versions/latest.yaml": null,
        "orgs/acme/components/train/component.yaml": edit(
          "orgs/acme/components/train/component.yaml",
          "  - tag: latest\n",
          "",
        ).replace("mutableTags: [latest]\n", ""),
      },
    },
    [],
  ],

  // owners: rights on the old and the new one
  [
    "an admin takes over a project's ownership",
    { actor: "carol", change: { [CHURN]: edit(CHURN, "owner: alice", "owner: carol") } },
    [],
  ],
  [
    "an admin hands a project to someone else",
    { actor: "carol", change: { [CHURN]: edit(CHURN, "owner: alice", "owner: bob") } },
    [denied(CHURN, 3, 8)],
  ],
  [
    "a manager hands a project to someone else",
    { actor: "erin", change: { [CHURN]: edit(CHURN, "owner: alice", "owner: bob") } },
    [],
  ],
  [
    "a member makes themselves owner of a project",
    { actor: "bob", change: { [FORECAST]: edit(FORECAST, "owner: carol", "owner: bob") } },
    [denied(FORECAST, 3, 8)],
  ],
  [
    "a member edits a project's description",
    { actor: "bob", change: { [CHURN]: edit(CHURN, "Predict churn.", "Predict customer churn.") } },
    [denied(CHURN, 2, 14)],
  ],

  // organizations, users, files outside the catalog, paths with no kind
  [
    "a catalog admin creates an organization",
    {
      actor: "alice",
      change: {
        "orgs/globex/organization.yaml":
          "name: globex\nvisibility: private\nmembers:\n  - user: alice\n    role: owner\n",
      },
    },
    [],
  ],
  [
    "a manager creates an organization",
    {
      actor: "erin",
      change: {
        "orgs/globex/organization.yaml":
          "name: globex\nvisibility: private\nmembers:\n  - user: erin\n    role: owner\n",
      },
    },
    [denied("orgs/globex/organization.yaml")],
  ],
  [
    "a manager adds a member",
    { actor: "erin", change: { [ORG]: `${PR_BASE[ORG]}  - user: frank\n    role: member\n` } },
    [],
  ],
  [
    "a manager makes someone an owner",
    {
      actor: "erin",
      change: { [ORG]: edit(ORG, "  - user: carol\n    role: admin", "  - user: carol\n    role: owner") },
    },
    [denied(ORG, 9, 5)],
  ],
  [
    "a manager makes themselves owner with a second entry listed first (roles read the first)",
    { actor: "erin", change: { [ORG]: edit(ORG, "members:\n", "members:\n  - user: erin\n    role: owner\n") } },
    [denied(ORG, 5, 5), { code: "ref/duplicate", file: ORG, line: 9 }],
  ],
  [
    "a manager lists a member twice with the same role",
    { actor: "erin", change: { [ORG]: `${PR_BASE[ORG]}  - user: bob\n    role: member\n` } },
    [{ code: "ref/duplicate", file: ORG, line: 15 }],
  ],
  [
    "a manager changes the organization's visibility",
    { actor: "erin", change: { [ORG]: edit(ORG, "visibility: public", "visibility: private") } },
    [denied(ORG, 3, 13)],
  ],
  [
    "a member edits only a comment of the organization file",
    { actor: "bob", change: { [ORG]: `# Acme\n${PR_BASE[ORG]}` } },
    [denied(ORG, 2, 1)],
  ],
  [
    "a member edits their own user file",
    { actor: "bob", change: { "users/bob.yaml": `${PR_BASE["users/bob.yaml"]}bio: Churn models.\n` } },
    [],
  ],
  [
    "a member edits someone else's user file",
    { actor: "bob", change: { "users/carol.yaml": `${PR_BASE["users/carol.yaml"]}bio: Hi.\n` } },
    [denied("users/carol.yaml", 4, 6)],
  ],
  [
    "a member changes their own GitHub identity",
    { actor: "bob", change: { "users/bob.yaml": PR_BASE["users/bob.yaml"]!.replace("login: bob", "login: bobby") } },
    [denied("users/bob.yaml", 3, 18)],
  ],
  [
    "a member takes an admin's login for their own file (two files, one login)",
    { actor: "bob", change: { "users/bob.yaml": PR_BASE["users/bob.yaml"]!.replace("login: bob", "login: Alice") } },
    [
      denied("users/bob.yaml", 3, 18),
      { code: "user/duplicate-github-login", file: "users/bob.yaml", line: 3, column: 18 },
    ],
  ],
  [
    "a newcomer adds their own user file",
    { actor: "gina", actorId: 2001, change: { "users/gina.yaml": "name: gina\ngithub: { login: gina, id: 2001 }\n" } },
    [],
  ],
  [
    "a newcomer adds their own user file without the numeric id CI gives",
    { actor: "gina", actorId: 2001, change: { "users/gina.yaml": "name: gina\ngithub: { login: gina }\n" } },
    [denied("users/gina.yaml", 2, 9)],
  ],
  [
    "a newcomer adds their own user file with someone else's id",
    { actor: "gina", actorId: 2001, change: { "users/gina.yaml": "name: gina\ngithub: { login: gina, id: 1001 }\n" } },
    [
      denied("users/gina.yaml", 2, 9),
      { code: "user/duplicate-github-id", file: "users/gina.yaml", line: 2, column: 28 },
    ],
  ],
  [
    "a newcomer adds a user file for someone else",
    { actor: "gina", actorId: 2001, change: { "users/hank.yaml": "name: hank\ngithub: { login: hank, id: 2002 }\n" } },
    [denied("users/hank.yaml", 2, 9)],
  ],
  [
    "a member changes a workflow outside the catalog",
    { actor: "bob", files: { ".github/workflows/validate.yml": "on: push\n" } },
    [{ code: "pr/permission-denied", file: ".github/workflows/validate.yml", line: 1, column: 1 }],
  ],
  ["a catalog admin changes a file outside the catalog", { actor: "alice", files: { "package.json": "{}\n" } }, []],
  [
    "an org admin adds a file that maps to no kind",
    { actor: "carol", change: { "orgs/acme/notes.txt": "hi\n" } },
    [{ code: "file/unknown-path", file: "orgs/acme/notes.txt" }, denied("orgs/acme/notes.txt")],
  ],
  [
    "a catalog admin adds a file that maps to no kind: validation still fails",
    { actor: "alice", change: { "orgs/acme/notes.txt": "hi\n" } },
    [{ code: "file/unknown-path", file: "orgs/acme/notes.txt", line: 1, column: 1 }],
  ],
  [
    "the owner adds a symlinked README",
    { actor: "alice", symlinks: { "catalog/orgs/acme/projects/churn/README.md": "../../../../catalog.yaml" } },
    [{ code: "file/not-regular", file: "orgs/acme/projects/churn/README.md", line: 1, column: 1 }],
  ],
];

describe("mlcat check: actor x change -> verdict", () => {
  let scenario: PrScenario;
  beforeAll(() => {
    scenario = new PrScenario({ ...PR_BASE, [WEEKLY]: operationNamed("weekly") });
  });
  afterAll(() => scenario.remove());

  it.each(TABLE)("%s", async (_name, c, expected) => {
    const result = await scenario.check(c);
    expect(errorsOf(result)).toMatchObject(expected);
    expect(result.changes.every((ch) => ch.allowed)).toBe(
      expected.every(
        (e) =>
          e.code !== "pr/permission-denied" &&
          e.code !== "pr/immutable-version" &&
          e.code !== "pr/stage-history-rewritten" &&
          e.code !== "file/not-regular",
      ),
    );
  });
});
