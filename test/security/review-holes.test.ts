/**
 * The holes an outside review found in `mlcat check`, as pull requests on real
 * repositories: deleting what a change could not touch, re-adding a published
 * tag with other bytes, widening visibility, leaving an organization without an
 * owner. Each row: who, what, and the errors they see (none: allowed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edit, PR_BASE } from "../helpers/pr-catalog.js";
import { errorsOf, PrScenario, type PrCase } from "../helpers/pr-repo.js";
import type { FileMap } from "../helpers/catalog.js";

const MODEL = "orgs/acme/models/churn-model/model.yaml";
const MV1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const COMPONENT = "orgs/acme/components/train/component.yaml";
const CV1 = "orgs/acme/components/train/versions/1.0.0.yaml";
const LATEST = "orgs/acme/components/train/versions/latest.yaml";
const ORG = "orgs/acme/organization.yaml";
const LAB = "orgs/acme/projects/lab/project.yaml";
const CHURN = "orgs/acme/projects/churn/project.yaml";

/** PR_BASE with 2.0.0 in production, bob an admin of the model (not a production approver), and a private project. */
const BASE: FileMap = {
  ...PR_BASE,
  [MODEL]: `${PR_BASE[MODEL]}members:\n  - user: bob\n    role: admin\n`,
  [MV2]: edit(MV2, "stage: staging\nstageHistory", "stage: production\nstageHistory").replace(
    "    reason: passed offline evaluation\n",
    `    reason: passed offline evaluation\n  - stage: production\n    at: "2026-01-14T12:00:00Z"\n    by: carol\n    reason: go live\n`,
  ),
  [LAB]: "name: lab\ndescription: Experiments not ready to share.\nvisibility: private\nowner: carol\n",
};
const onBase = (path: string) => BASE[path]!;
const modelFolder = { [MODEL]: null, [MV1]: null, [MV2]: null };
const componentFolder = { [COMPONENT]: null, [CV1]: null, [LATEST]: null };
const denied = (file: string, line = 1, column = 1) => ({ code: "pr/permission-denied", file, line, column });
const immutable = (file: string) => ({ code: "pr/immutable-version", file, line: 1, column: 1 });

type Row = [name: string, c: PrCase, expected: ReturnType<typeof errorsOf>, rules?: string[]];

/** The verdict's errors (a deleted version also breaks references to it: validation reports those separately). */
const verdictErrors = (result: Parameters<typeof errorsOf>[0]) =>
  errorsOf(result).filter((e) => e.code.startsWith("pr/"));

const TABLE: Row[] = [
  // A delete is judged by what it removes.
  [
    "a model's admin deletes its production version",
    { actor: "bob", change: { [MV2]: null } },
    [denied(MV2)],
    ["production-frozen"],
  ],
  [
    "a model's admin deletes the whole model folder",
    { actor: "bob", change: modelFolder },
    [denied(MV2)],
    ["production-frozen"],
  ],
  ["a model's admin deletes a version in testing", { actor: "bob", change: { [MV1]: null } }, []],
  ["a production approver deletes the production version", { actor: "carol", change: { [MV2]: null } }, []],
  [
    "an org admin deletes a published component version",
    { actor: "carol", change: { [CV1]: null } },
    [immutable(CV1)],
    ["version-immutable"],
  ],
  [
    "the organization's owner deletes the whole component folder",
    { actor: "alice", change: componentFolder },
    [immutable(CV1)],
    ["version-immutable"],
  ],
  [
    "an org admin deletes the mutable tag latest",
    { actor: "carol", change: { [LATEST]: null, [COMPONENT]: edit(COMPONENT, "  - tag: latest\n", "") } },
    [],
  ],
  [
    "an org admin retires a published version in its release metadata instead",
    { actor: "carol", change: { [COMPONENT]: edit(COMPONENT, "    stage: production", "    stage: disabled") } },
    [],
  ],

  // Visibility widens only with an owner of the organization.
  [
    "an org admin makes a private project public",
    { actor: "carol", change: { [LAB]: onBase(LAB).replace("visibility: private", "visibility: public") } },
    [denied(LAB, 3, 13)],
    ["visibility-widen"],
  ],
  [
    "an org admin drops private, so the project inherits the public organization's visibility",
    { actor: "carol", change: { [LAB]: onBase(LAB).replace("visibility: private\n", "") } },
    [denied(LAB)],
    ["visibility-widen"],
  ],
  [
    "the organization's owner makes a private project public",
    { actor: "alice", change: { [LAB]: onBase(LAB).replace("visibility: private", "visibility: public") } },
    [],
  ],
  [
    "an org admin makes a public project private (narrowing)",
    { actor: "carol", change: { [CHURN]: `${onBase(CHURN)}visibility: private\n` } },
    [],
  ],
  [
    "an org admin makes a model private and public again in one file: nothing widens",
    { actor: "carol", change: { [MODEL]: `${onBase(MODEL)}visibility: public\n` } },
    [],
  ],

  // An organization keeps an owner.
  [
    "the sole owner demotes themselves",
    {
      actor: "alice",
      change: { [ORG]: edit(ORG, "  - user: alice\n    role: owner", "  - user: alice\n    role: manager") },
    },
    [denied(ORG, 5, 3)],
    ["org-last-owner"],
  ],
  [
    "the sole owner removes themselves",
    { actor: "alice", change: { [ORG]: edit(ORG, "  - user: alice\n    role: owner\n", "") } },
    [denied(ORG, 5, 3)],
    ["org-last-owner"],
  ],
  [
    "the sole owner hands ownership over and steps down in one pull request",
    {
      actor: "alice",
      change: {
        [ORG]: edit(ORG, "  - user: alice\n    role: owner", "  - user: alice\n    role: manager").replace(
          "  - user: erin\n    role: manager",
          "  - user: erin\n    role: owner",
        ),
      },
    },
    [],
  ],
];

describe("mlcat check: the review's holes", () => {
  let scenario: PrScenario;
  beforeAll(() => {
    scenario = new PrScenario(BASE);
  });
  afterAll(() => scenario.remove());

  it.each(TABLE)("%s", async (_name, c, expected, rules = []) => {
    const result = await scenario.check(c);
    expect(verdictErrors(result)).toEqual(expected);
    const deniedRules = result.changes.flatMap((ch) => ch.decisions.filter((d) => !d.allowed).map((d) => d.rule));
    expect(deniedRules.filter((r) => rules.includes(r)).sort()).toEqual([...rules].sort());
    expect(result.changes.every((ch) => ch.allowed)).toBe(expected.length === 0);
  });

  it("names the way out: retire a published version instead of deleting it; keep an owner", async () => {
    const deleted = await scenario.check({ actor: "carol", change: { [CV1]: null } });
    expect(deleted.diagnostics.find((d) => d.code === "pr/immutable-version")?.hint).toContain("releases[].deprecated");
    const demoted = await scenario.check({
      actor: "alice",
      change: { [ORG]: edit(ORG, "  - user: alice\n    role: owner\n", "") },
    });
    expect(demoted.diagnostics.map((d) => d.hint).join("\n")).toContain("add the new owner in one pull request");
  });
});

describe("a published tag never comes back with other bytes", () => {
  let scenario: PrScenario;
  beforeAll(() => {
    scenario = new PrScenario(BASE);
    // Deleted on main before deletions were refused (or by a push around the gate): the tag's history remains.
    scenario.commitToMain({ [CV1]: null }, "delete train 1.0.0");
  });
  afterAll(() => scenario.remove());

  it("refuses the tag re-added with other content, naming the commit that deleted it", async () => {
    const result = await scenario.check({
      actor: "alice",
      change: { [CV1]: onBase(CV1).replace("python:3.12", "python:3.13") },
    });
    expect(errorsOf(result)).toEqual([immutable(CV1)]);
    const message = result.diagnostics.find((d) => d.code === "pr/immutable-version")!.message;
    expect(message).toMatch(/1\.0\.0 was published before \(deleted in commit [0-9a-f]{12}\)/);
  });

  it("allows the tag restored with the bytes it had", async () => {
    const result = await scenario.check({ actor: "bob", change: { [CV1]: onBase(CV1) } });
    expect(errorsOf(result)).toEqual([]);
  });

  it("allows a tag the history never had", async () => {
    const result = await scenario.check({
      actor: "bob",
      change: { "orgs/acme/components/train/versions/1.0.1.yaml": onBase(CV1).replace("python:3.12", "python:3.13") },
    });
    // Main itself is broken since 1.0.0 went (its references fail validation); the pull request's own change is allowed.
    expect(result.changes.map((c) => [c.path, c.allowed])).toEqual([
      ["catalog/orgs/acme/components/train/versions/1.0.1.yaml", true],
    ]);
  });
});
