/**
 * The registry's policy on pull requests: staging a version (or adding one in
 * a stage) without what catalog.yaml `policy.stages` requires is denied with
 * the missing fields named; moving an alias is judged like a stage change, a
 * production alias by the production approvers. Real branches of one
 * temporary repository.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveStage, PR_BASE, PR_TIME } from "../helpers/pr-catalog.js";
import type { FileMap } from "../helpers/catalog.js";
import { errorsOf, PrScenario, type PrCase } from "../helpers/pr-repo.js";

const MODEL = "orgs/acme/models/churn-model/model.yaml";
const MV1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const MV3 = "orgs/acme/models/churn-model/versions/3.0.0.yaml";

const COMPLETE = `artifacts:
  - {name: model, uri: s3://m/model.onnx, size: 10, sha256: ${"a".repeat(64)}}
flavors:
  - {name: onnx, artifact: model, format: onnx, requirements: [onnxruntime==1.18.0]}
signature:
  inputs: [{name: x, type: float32}]
`;

const BASE: FileMap = {
  ...PR_BASE,
  "catalog.yaml": `title: Test catalog
admins: [alice]
policy:
  maxChangedFiles: 10
  productionAliases: [champion]
  stages:
    production:
      require: [checksums, flavor, signature]
`,
  [MODEL]: `${PR_BASE[MODEL]!}aliases:\n  champion: "1.0.0"\n  challenger: "2.0.0"\n`,
  // The champion carries what production requires, as validate asks of the base.
  [MV1]: PR_BASE[MV1]! + COMPLETE,
};

const withModel = (aliases: string) => BASE[MODEL]!.replace(/aliases:\n(  .*\n)+/, aliases);
const toProduction = (extra: string) => moveStage(BASE[MV2]!, "production", "erin", "go live") + extra;
const newInProduction = (extra: string) =>
  PR_BASE[MV1]!.replace("name: 1.0.0", "name: 3.0.0")
    .replace('at: "2025-12-10T12:00:00Z"\n    by: alice', `at: "${PR_TIME}"\n    by: erin`)
    .replace(/stage: testing/g, "stage: production") + extra;

type Row = [name: string, c: PrCase, expected: Array<{ code: string; file: string; line?: number }>];

const TABLE: Row[] = [
  [
    "a manager moves a complete version to production",
    { actor: "erin", change: { [MV2]: toProduction(COMPLETE) } },
    [],
  ],
  [
    "a manager moves a version without checksums, flavor or signature to production",
    { actor: "erin", change: { [MV2]: toProduction("") } },
    [{ code: "policy/stage-requirements", file: MV2, line: 3 }],
  ],
  [
    "a manager adds a version straight to production without a flavor",
    { actor: "erin", change: { [MV3]: newInProduction(COMPLETE.replace(/flavors:\n.*\n/, "")) } },
    [{ code: "policy/stage-requirements", file: MV3, line: 2 }],
  ],
  [
    "a member moves the challenger alias",
    { actor: "bob", change: { [MODEL]: withModel('aliases:\n  champion: "1.0.0"\n  challenger: "1.0.0"\n') } },
    [{ code: "pr/permission-denied", file: MODEL }],
  ],
  [
    "an org admin moves the challenger alias",
    { actor: "carol", change: { [MODEL]: withModel('aliases:\n  champion: "1.0.0"\n  challenger: "1.0.0"\n') } },
    [],
  ],
  [
    "an org admin adds a new alias",
    {
      actor: "carol",
      change: { [MODEL]: withModel('aliases:\n  champion: "1.0.0"\n  challenger: "2.0.0"\n  shadow: "2.0.0"\n') },
    },
    [],
  ],
  [
    "a member removes the challenger alias",
    { actor: "bob", change: { [MODEL]: withModel('aliases:\n  champion: "1.0.0"\n') } },
    [{ code: "pr/permission-denied", file: MODEL }],
  ],
  [
    "a manager moves the champion (production) alias",
    {
      actor: "erin",
      change: {
        [MODEL]: withModel('aliases:\n  champion: "2.0.0"\n  challenger: "2.0.0"\n'),
        [MV2]: BASE[MV2]! + COMPLETE,
      },
    },
    [],
  ],
];

describe("mlcat check: the registry's stage policy and aliases", () => {
  let scenario: PrScenario;
  beforeAll(() => {
    scenario = new PrScenario(BASE);
  });
  afterAll(() => scenario.remove());

  it.each(TABLE)("%s", async (_name, c, expected) => {
    const result = await scenario.check(c);
    expect(errorsOf(result)).toMatchObject(expected);
  });

  it("names the missing fields in the denial's hint", async () => {
    const result = await scenario.check({ actor: "erin", change: { [MV2]: toProduction("") } });
    const denial = result.diagnostics.find(
      (d) => d.code === "policy/stage-requirements" && /denied|policy/.test(d.message),
    );
    expect(denial?.hint).toContain("artifacts, each with sha256 and size, flavors (at least one) and signature");
  });

  it("lets an org admin move the champion alias only as a production approver would", async () => {
    // With productionApprovers: owners, an org admin is no production approver.
    const owners = new PrScenario({
      ...BASE,
      "catalog.yaml": BASE["catalog.yaml"]!.replace("policy:\n", "policy:\n  productionApprovers: owners\n"),
    });
    try {
      const change = {
        [MODEL]: withModel('aliases:\n  champion: "2.0.0"\n  challenger: "2.0.0"\n'),
        [MV2]: BASE[MV2]! + COMPLETE,
      };
      const denied = await owners.check({ actor: "carol", change });
      expect(errorsOf(denied)).toMatchObject([{ code: "pr/permission-denied", file: MODEL, line: 6 }]);
      expect(denied.diagnostics[0]!.message).toContain("Moving alias champion");
      expect(errorsOf(await owners.check({ actor: "alice", change }))).toEqual([]);
    } finally {
      owners.remove();
    }
  });
});
