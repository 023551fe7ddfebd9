import { describe, expect, it } from "vitest";
import { quotasCheck } from "../../src/checks/quotas.js";
import { BASE, where, type FileMap } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

const ORG_QUOTAS = (quotas: string) => `name: acme
visibility: public
members:
  - { user: alice, role: owner }
  - { user: bob, role: member }
quotas:
${quotas}`;

const TEAM_QUOTAS = (quotas: string) => `name: ml
members:
  - { user: bob, role: member }
quotas:
${quotas}`;

const project = (name: string, team?: string) => `name: ${name}\nowner: alice\n${team ? `team: ${team}\n` : ""}`;

/** `n` extra projects of acme, named p1..pn, owned by `team` when given. */
function projects(n: number, team?: string): FileMap {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`orgs/acme/projects/p${i + 1}/project.yaml`, project(`p${i + 1}`, team)]),
  );
}

const ORG = "catalog/orgs/acme/organization.yaml";
const TEAM = "catalog/orgs/acme/teams/ml.yaml";

const CASES: Array<{
  name: string;
  files: FileMap;
  expected: Array<{ code: string; file: string; line: number; column: number }>;
}> = [
  {
    name: "an organization with more projects than its quota",
    files: { "orgs/acme/organization.yaml": ORG_QUOTAS("  projects: 1\n"), ...projects(1) },
    expected: [{ code: "quota/exceeded", file: ORG, line: 7, column: 13 }],
  },
  {
    name: "an organization exactly at its quotas",
    files: {
      "orgs/acme/organization.yaml": ORG_QUOTAS("  projects: 2\n  models: 1\n  components: 1\n"),
      ...projects(1),
    },
    expected: [],
  },
  {
    name: "an organization over its model and hub component quotas",
    files: { "orgs/acme/organization.yaml": ORG_QUOTAS("  models: 0\n  components: 0\n") },
    expected: [
      { code: "quota/exceeded", file: ORG, line: 7, column: 11 },
      { code: "quota/exceeded", file: ORG, line: 8, column: 15 },
    ],
  },
  {
    name: "a team over its project quota: only projects whose team is that team count",
    files: { "orgs/acme/teams/ml.yaml": TEAM_QUOTAS("  projects: 1\n"), ...projects(1, "ml") },
    expected: [{ code: "quota/exceeded", file: TEAM, line: 5, column: 13 }],
  },
  {
    name: "a team whose quota counts none of the organization's other projects",
    files: { "orgs/acme/teams/ml.yaml": TEAM_QUOTAS("  projects: 1\n"), ...projects(3) },
    expected: [],
  },
  {
    name: "a team over its model and component quotas",
    files: {
      "orgs/acme/teams/ml.yaml": TEAM_QUOTAS("  models: 0\n  components: 0\n"),
      "orgs/acme/models/churn-model/model.yaml": "name: churn-model\nowner: alice\nteam: ml\n",
      "orgs/acme/components/train/component.yaml": "name: train\nowner: alice\nteam: ml\n",
    },
    expected: [
      { code: "quota/exceeded", file: TEAM, line: 5, column: 11 },
      { code: "quota/exceeded", file: TEAM, line: 6, column: 15 },
    ],
  },
  {
    name: "resource quotas in Kubernetes units are not counts",
    files: {
      "orgs/acme/organization.yaml": ORG_QUOTAS('  resources: { cpu: "0", memory: 0Gi, nvidia.com/gpu: 0 }\n'),
      "orgs/acme/teams/ml.yaml": TEAM_QUOTAS('  resources: { cpu: "1", projects: 0 }\n'),
      ...projects(2, "ml"),
    },
    expected: [],
  },
];

describe("quotas check", () => {
  it("reports nothing on the base catalog", () => {
    expect(runRule(quotasCheck, BASE)).toEqual([]);
  });

  it.each(CASES)("$name", ({ files, expected }) => {
    expect(where(runRule(quotasCheck, { ...BASE, ...files }))).toEqual(expected);
  });

  it("says how many count against the quota and lists them, truncated", () => {
    const [d] = runRule(quotasCheck, {
      ...BASE,
      "orgs/acme/organization.yaml": ORG_QUOTAS("  projects: 2\n"),
      ...projects(6),
    });
    expect(d!.message).toMatchInlineSnapshot(
      `"organization "acme" has 7 projects, over its quota of 2: churn, p1, p2, p3, p4 and 2 more"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"raise quotas.projects in orgs/acme/organization.yaml, or remove 5 projects"`,
    );
  });

  it("tells a team to move what is over its quota", () => {
    const [d] = runRule(quotasCheck, { ...BASE, "orgs/acme/teams/ml.yaml": TEAM_QUOTAS("  projects: 0\n") });
    expect(d!.message).toMatchInlineSnapshot(`"team "acme/ml" has 1 project, over its quota of 0: churn"`);
    expect(d!.hint).toMatchInlineSnapshot(
      `"raise quotas.projects in orgs/acme/teams/ml.yaml, or move 1 project to another team"`,
    );
  });
});
