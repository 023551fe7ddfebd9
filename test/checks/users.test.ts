import { describe, expect, it } from "vitest";
import { CHECKS } from "../../src/checks/index.js";
import { usersCheck } from "../../src/checks/users.js";
import { BASE, validateFiles, where, type FileMap } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

/** carol: a GitHub login but no numeric id (the file predates github.id). */
const CAROL = { "users/carol.yaml": "name: carol\ngithub: { login: carol-gh }\n" };
const CAROL_AT = { code: "user/missing-github-id", file: "catalog/users/carol.yaml", line: 2, column: 1 };

const ORG_WITH = (extra: string) => `name: acme
visibility: public
members:
  - user: alice
    role: owner
  - user: bob
    role: member
${extra}`;
const CAROL_MEMBER = ORG_WITH("  - user: carol\n    role: admin\n");

interface Case {
  name: string;
  files: FileMap;
  expected: Array<{ code: string; file: string; line: number; column: number }>;
}

const CASES: Case[] = [
  // --- every place that grants a role needs the holder's id ----------------------------
  {
    name: "a catalog admin",
    files: { ...CAROL, "catalog.yaml": "title: T\nadmins: [alice, carol]\n" },
    expected: [CAROL_AT],
  },
  {
    name: "an organization member",
    files: { ...CAROL, "orgs/acme/organization.yaml": CAROL_MEMBER },
    expected: [CAROL_AT],
  },
  {
    name: "a delegate (named only in a delegation)",
    files: { ...CAROL, "orgs/acme/organization.yaml": ORG_WITH("delegations:\n  - area: registry\n    to: [carol]\n") },
    expected: [CAROL_AT],
  },
  {
    name: "a team member",
    files: { ...CAROL, "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - user: carol\n    role: member\n" },
    expected: [CAROL_AT],
  },
  {
    name: "a project owner",
    files: {
      ...CAROL,
      "orgs/acme/projects/churn/project.yaml": "name: churn\ndescription: Predict churn.\nowner: carol\n",
    },
    expected: [CAROL_AT],
  },
  {
    name: "a project member role",
    files: {
      ...CAROL,
      "orgs/acme/projects/churn/project.yaml":
        "name: churn\ndescription: Predict churn.\nowner: alice\nmembers:\n  - user: carol\n    role: viewer\n",
    },
    expected: [CAROL_AT],
  },
  {
    name: "a hub component maintainer",
    files: {
      ...CAROL,
      "orgs/acme/components/train/component.yaml":
        'name: train\ndescription: Train.\nowner: alice\nmaintainers: [carol]\nreleases:\n  - tag: "1.0.0"\n',
    },
    expected: [CAROL_AT],
  },
  {
    name: "a registry model owner",
    files: {
      ...CAROL,
      "orgs/acme/models/churn-model/model.yaml":
        "name: churn-model\ndescription: Churn.\nlicense: Apache-2.0\nowner: carol\n",
    },
    expected: [CAROL_AT],
  },
  {
    name: "a user file with no GitHub account at all, named as a member (reported at the file's start)",
    files: { "users/carol.yaml": "name: carol\ndisplayName: Carol\n", "orgs/acme/organization.yaml": CAROL_MEMBER },
    expected: [{ code: "user/missing-github-id", file: "catalog/users/carol.yaml", line: 1, column: 1 }],
  },
  // --- no role, or an id: nothing to say -------------------------------------------------
  { name: "a user without an id whom no role names", files: { ...CAROL }, expected: [] },
  {
    name: "a user without an id named only as an experiment's creator (no role)",
    files: {
      ...CAROL,
      "orgs/acme/projects/churn/experiments/run-1.yaml":
        "name: run-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\ncreatedBy: carol\n",
    },
    expected: [],
  },
  {
    name: "a member with an id",
    files: {
      "users/carol.yaml": "name: carol\ngithub: { login: carol-gh, id: 3003 }\n",
      "orgs/acme/organization.yaml": CAROL_MEMBER,
    },
    expected: [],
  },
  // --- one GitHub account, one user file -------------------------------------------------
  {
    name: "two user files with one id (reported at the second in key order)",
    files: { "users/carol.yaml": "name: carol\ngithub: { login: carol-gh, id: 1001 }\n" },
    expected: [{ code: "user/duplicate-github-id", file: "catalog/users/carol.yaml", line: 2, column: 32 }],
  },
  {
    name: "two user files with one login, in another case",
    files: { "users/carol.yaml": "name: carol\ngithub:\n  login: Alice\n  id: 3003\n" },
    expected: [{ code: "user/duplicate-github-login", file: "catalog/users/carol.yaml", line: 3, column: 10 }],
  },
  {
    name: "one person's file twice: same id and same login",
    files: { "users/zz-alice.yaml": "name: zz-alice\ngithub: { login: alice, id: 1001 }\n" },
    expected: [
      { code: "user/duplicate-github-login", file: "catalog/users/zz-alice.yaml", line: 2, column: 18 },
      { code: "user/duplicate-github-id", file: "catalog/users/zz-alice.yaml", line: 2, column: 29 },
    ],
  },
];

describe("users: the GitHub identities of user files", () => {
  it("runs with the other checks", () => {
    expect(CHECKS).toContain(usersCheck);
  });

  it.each(CASES)("$name", ({ files, expected }) => {
    expect(where(runRule(usersCheck, { ...BASE, ...files }))).toEqual(expected);
  });

  it("says which roles are at stake and where to find one's numeric id", () => {
    const [d] = runRule(usersCheck, {
      ...BASE,
      ...CAROL,
      "catalog.yaml": "title: T\nadmins: [alice, carol]\n",
      "orgs/acme/organization.yaml": CAROL_MEMBER,
    });
    expect(d!.message).toMatchInlineSnapshot(
      `"user "carol" holds roles (catalog admin, admin of organization acme) but has no github.id: matched by login alone, they would go to whoever holds the GitHub login "carol-gh" (logins can be renamed and registered again)"`,
    );
    expect(d!.hint).toMatchInlineSnapshot(
      `"add github.id to users/carol.yaml: the numeric id is the "id" field of https://api.github.com/users/carol-gh (it stays when the login is renamed)"`,
    );
  });

  it("names the first file of a duplicate", () => {
    const [d] = runRule(usersCheck, {
      ...BASE,
      "users/carol.yaml": "name: carol\ngithub: { login: carol-gh, id: 1001 }\n",
    });
    expect(d!.message).toMatchInlineSnapshot(
      `"user "carol" has github.id 1001, as user "alice" (users/alice.yaml) has: one GitHub account, two user files"`,
    );
  });

  it("validate reports them with every other check: a role given to a file without an id fails validation", () => {
    const ds = validateFiles({ ...BASE, ...CAROL, "orgs/acme/organization.yaml": CAROL_MEMBER });
    expect(where(ds.filter((d) => d.severity === "error"))).toEqual([CAROL_AT]);
  });
});
