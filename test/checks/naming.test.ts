import { describe, expect, it } from "vitest";
import { namingCheck } from "../../src/checks/naming.js";
import { collisionKeys, explainCollision, foldName, skeletonOf } from "../../src/checks/naming-skeleton.js";
import { BASE, where, type FileMap } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

const user = (name: string) => `name: ${name}\ndisplayName: Someone\n`;
const model = (name: string) => `name: ${name}\nowner: alice\n`;
const team = (name: string) => `name: ${name}\nmembers: []\n`;
const modelVersion = (name: string) => `name: ${name}
stage: testing
stageHistory:
  - { stage: testing, at: "2026-01-10T12:00:00Z", by: alice }
`;
const spec = (name?: string) => `version: 1.1
kind: component
${name === undefined ? "" : `name: ${name}\n`}run:
  kind: job
  container: { image: "python:3.12" }
`;

interface Case {
  name: string;
  files: FileMap;
  expected: Array<{ code: string; file: string; line: number; column: number }>;
}

const CASES: Case[] = [
  {
    name: "a user name that differs from its file name",
    files: { "users/bob.yaml": user("robert") },
    expected: [{ code: "name/mismatch", file: "catalog/users/bob.yaml", line: 1, column: 7 }],
  },
  {
    name: "an upper-case user name",
    files: { "users/bob.yaml": user("Bob") },
    expected: [{ code: "name/invalid", file: "catalog/users/bob.yaml", line: 1, column: 7 }],
  },
  {
    name: "a name with an underscore, on line 1 after a comment",
    files: { "orgs/acme/teams/ml.yaml": `# the ML team\nname: m_l\nmembers: []\n` },
    expected: [{ code: "name/invalid", file: "catalog/orgs/acme/teams/ml.yaml", line: 2, column: 7 }],
  },
  {
    name: "an organization name that differs from its folder name",
    files: { "orgs/acme/organization.yaml": `visibility: public\nname: acme-corp\nmembers: []\n` },
    expected: [{ code: "name/mismatch", file: "catalog/orgs/acme/organization.yaml", line: 2, column: 7 }],
  },
  {
    name: "a model version whose name differs from its file's tag",
    files: { "orgs/acme/models/churn-model/versions/1.0.0.yaml": modelVersion("1.0.1") },
    expected: [
      { code: "name/mismatch", file: "catalog/orgs/acme/models/churn-model/versions/1.0.0.yaml", line: 1, column: 7 },
    ],
  },
  {
    name: "a model version name that is not a version tag",
    files: { "orgs/acme/models/churn-model/versions/1.0.0.yaml": modelVersion("1.0.0_rc1") },
    expected: [
      { code: "name/invalid", file: "catalog/orgs/acme/models/churn-model/versions/1.0.0.yaml", line: 1, column: 7 },
    ],
  },
  {
    name: "a component version file name that is not a version tag",
    files: { "orgs/acme/components/train/versions/V2.yaml": spec("train") },
    expected: [
      { code: "name/invalid", file: "catalog/orgs/acme/components/train/versions/V2.yaml", line: 1, column: 1 },
    ],
  },
  {
    name: "a component version's spec name (the component's name) is not compared with its tag",
    files: { "orgs/acme/components/train/versions/latest.yaml": spec("notebook") },
    expected: [],
  },
  {
    name: "a project component whose spec name differs from its file name (a warning)",
    files: { "orgs/acme/projects/churn/components/prep.yaml": spec("preprocess") },
    expected: [
      { code: "name/mismatch", file: "catalog/orgs/acme/projects/churn/components/prep.yaml", line: 3, column: 7 },
    ],
  },
  {
    name: "a project component without a spec name",
    files: { "orgs/acme/projects/churn/components/prep.yaml": spec() },
    expected: [],
  },
  {
    name: "two user files that differ only in case",
    files: { "users/Alice.yaml": user("alice") },
    expected: [
      { code: "name/mismatch", file: "catalog/users/Alice.yaml", line: 1, column: 7 },
      { code: "name/collision", file: "catalog/users/alice.yaml", line: 1, column: 7 },
    ],
  },
  {
    name: "a user file with a Cyrillic а beside alice",
    files: { "users/аlice.yaml": user("аlice") },
    expected: [
      { code: "name/collision", file: "catalog/users/аlice.yaml", line: 1, column: 7 },
      { code: "name/invalid", file: "catalog/users/аlice.yaml", line: 1, column: 7 },
    ],
  },
  {
    name: "names equal after NFKC (the ﬁ ligature)",
    files: { "users/fiona.yaml": user("fiona"), "users/ﬁona.yaml": user("fiona") },
    expected: [
      { code: "name/collision", file: "catalog/users/ﬁona.yaml", line: 1, column: 7 },
      { code: "name/mismatch", file: "catalog/users/ﬁona.yaml", line: 1, column: 7 },
    ],
  },
  {
    name: "a model name with a zero for an o",
    files: { "orgs/acme/models/churn-m0del/model.yaml": model("churn-m0del") },
    expected: [{ code: "name/collision", file: "catalog/orgs/acme/models/churn-model/model.yaml", line: 1, column: 7 }],
  },
  {
    name: "a team name where rn reads as m",
    files: { "orgs/acme/teams/rnl.yaml": team("rnl") },
    expected: [{ code: "name/collision", file: "catalog/orgs/acme/teams/rnl.yaml", line: 1, column: 7 }],
  },
  {
    name: "a version tag with the letter l for the digit 1",
    files: { "orgs/acme/components/train/versions/l.0.0.yaml": spec("train") },
    expected: [
      { code: "name/collision", file: "catalog/orgs/acme/components/train/versions/l.0.0.yaml", line: 1, column: 1 },
    ],
  },
  {
    name: "the same name in different scopes: a team and a project, two organizations, two components",
    files: {
      "orgs/acme/teams/churn.yaml": team("churn"),
      "orgs/beta/organization.yaml": `name: beta\nvisibility: public\nmembers: []\n`,
      "orgs/beta/teams/ml.yaml": team("ml"),
      "orgs/acme/components/eval/component.yaml": `name: eval\nowner: alice\n`,
      "orgs/acme/components/eval/versions/1.0.0.yaml": spec("eval"),
    },
    expected: [],
  },
];

describe("naming check", () => {
  it("reports nothing on the base catalog", () => {
    expect(runRule(namingCheck, BASE)).toEqual([]);
  });

  it.each(CASES)("$name", ({ files, expected }) => {
    const got = where(runRule(namingCheck, { ...BASE, ...files }));
    expect(got).toEqual(expected);
  });

  it("says which files clash, and why", () => {
    const [d] = runRule(namingCheck, { ...BASE, "users/аlice.yaml": user("alice") }).filter(
      (x) => x.code === "name/collision",
    );
    expect(d!.message).toMatchInlineSnapshot(
      `"user name "аlice" (users/аlice.yaml) collides with "alice" (users/alice.yaml): they differ only by look-alike characters"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"rename one of them: readers cannot tell them apart, which invites mistakes and spoofing"`,
    );
  });

  it("offers both ways out of a mismatch, or only the rename when the file name is invalid", () => {
    const [mismatch] = runRule(namingCheck, {
      ...BASE,
      "orgs/acme/organization.yaml": `name: acme-corp\nvisibility: public\nmembers: []\n`,
    });
    expect(mismatch!.message).toMatchInlineSnapshot(
      `"organization name "acme-corp" differs from its folder name "acme" (orgs/acme/)"`,
    );
    expect(mismatch!.hint).toMatchInlineSnapshot(`"rename orgs/acme/ to orgs/acme-corp/, or change name to "acme""`);
    const { ["users/bob.yaml"]: _bob, ...withoutBob } = BASE;
    const [invalidPath] = runRule(namingCheck, { ...withoutBob, "users/Bob.yaml": user("bob") });
    expect(invalidPath!.hint).toMatchInlineSnapshot(`"rename users/Bob.yaml to users/bob.yaml"`);
  });

  it("warns (not errors) about a project component's spec name", () => {
    const [d] = runRule(namingCheck, { ...BASE, "orgs/acme/projects/churn/components/prep.yaml": spec("preprocess") });
    expect(d!.severity).toBe("warning");
  });
});

describe("name folding and skeletons", () => {
  it.each([
    ["Alice", "alice", "case"],
    ["ﬁona", "fiona", "NFKC"],
    ["ａcme", "acme", "NFKC"],
    ["аcme", "acme", "look-alike"],
    ["αcme", "acme", "look-alike"],
    ["model-0", "model-o", "look-alike"],
    ["model-1", "model-l", "look-alike"],
    ["Ian", "lan", "look-alike"],
    ["vvorker", "worker", "look-alike"],
    ["team‐a", "team-a", "look-alike"],
  ] as const)("%s and %s collide by %s", (a, b, reason) => {
    expect(explainCollision(a, b)).toBe(reason);
    expect(collisionKeys(a).some((k) => collisionKeys(b).includes(k))).toBe(true);
  });

  it.each([
    ["mail", "mall"],
    ["acme", "acne"],
    ["train", "trains"],
    ["alice", "alice"],
  ])("%s and %s do not collide", (a, b) => {
    expect(explainCollision(a, b)).toBeUndefined();
  });

  it("folds and skeletonizes as documented", () => {
    expect(foldName("ＡＣＭＥ")).toBe("acme");
    expect(skeletonOf("Мodel-1")).toBe("model-l");
  });
});
