import { describe, expect, it } from "vitest";
import { resolveActor } from "../../src/permissions/actor.js";
import { Authority, DEFAULT_POLICY } from "../../src/permissions/authority.js";
import { allOf, anyOf } from "../../src/permissions/decision.js";
import {
  requireCatalogAdmin,
  requireProductionApprover,
  requireAction,
  requireTeamRights,
} from "../../src/permissions/requirements.js";
import { loadFiles } from "../helpers/catalog.js";
import { PR_BASE } from "../helpers/pr-catalog.js";

const authority = (overrides: Record<string, string> = {}) =>
  new Authority(loadFiles({ ...PR_BASE, ...overrides }).catalog);
const ctxOf = (login: string, overrides: Record<string, string> = {}, id?: number) => {
  const a = authority(overrides);
  return { authority: a, actor: resolveActor(a, { login, ...(id !== undefined && { id }) }) };
};

describe("resolveActor", () => {
  it.each<[string, Record<string, string>, string, number | undefined, { user?: string; ambiguous?: string[] }]>([
    ["by login", {}, "bob", undefined, { user: "bob" }],
    ["logins compare case-insensitively", {}, "BoB", undefined, { user: "bob" }],
    ["by numeric id, whatever the login", {}, "robert", 1002, { user: "bob" }],
    ["a login whose recorded id differs is not a match", {}, "bob", 4242, {}],
    [
      "a login with no recorded id does not match when CI gives an id",
      { "users/zed.yaml": "name: zed\ngithub: { login: zed }\n" },
      "zed",
      77,
      {},
    ],
    [
      "a login with no recorded id matches when CI gives none (local runs)",
      { "users/zed.yaml": "name: zed\ngithub: { login: zed }\n" },
      "zed",
      undefined,
      { user: "zed" },
    ],
    ["nobody", {}, "mallory", undefined, {}],
    [
      "two files with one login",
      { "users/bob2.yaml": "name: bob2\ngithub: { login: bob }\n" },
      "bob",
      undefined,
      { ambiguous: ["bob", "bob2"] },
    ],
  ])("%s", (_name, overrides, login, id, expected) => {
    const actor = resolveActor(authority(overrides), { login, ...(id !== undefined && { id }) });
    expect({ user: actor.user, ambiguous: actor.ambiguous }).toEqual({
      user: expected.user,
      ambiguous: expected.ambiguous,
    });
  });

  it("never looks at anything but the login and id it is given", () => {
    expect(resolveActor(authority(), { login: "mallory" }).chain).toEqual([
      "GitHub user mallory has no user file (no users/*.yaml has github.login mallory): no roles",
    ]);
  });

  it("says why a file with the author's login is not them when CI gives an id", () => {
    const zed = { "users/zed.yaml": "name: zed\ngithub: { login: zed }\n" };
    expect(resolveActor(authority(zed), { login: "Zed", id: 77 }).chain).toEqual([
      "GitHub user Zed (id 77) has no user file (no users/*.yaml has github.id 77; users/zed.yaml has github.login zed but no github.id, and is not matched by login when the id is known): no roles",
    ]);
    expect(resolveActor(authority(), { login: "bob", id: 4242 }).chain[0]).toContain(
      "users/bob.yaml has github.login bob but github.id 1002",
    );
  });
});

describe("requirements", () => {
  const churn = {
    org: "acme",
    area: "projects" as const,
    entity: { kind: "Project" as const, key: "acme/churn", name: "churn" },
  };

  it("lists who could approve a denied action", () => {
    const d = requireAction(ctxOf("bob"), {
      rule: "experiment-delete",
      scope: churn,
      action: "child-delete",
      doing: "deleting experiment acme/churn/run-2",
    });
    expect(d).toMatchObject({ allowed: false, rule: "experiment-delete", approvers: ["alice", "carol", "erin"] });
    expect(d.reason).toMatchInlineSnapshot(
      `"deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; bob is a member there"`,
    );
  });

  it("says when the actor has no role at all", () => {
    const d = requireAction(ctxOf("frank"), {
      rule: "experiment-write",
      scope: churn,
      action: "child-write",
      doing: "adding experiment acme/churn/run-9",
    });
    expect(d.reason).toBe(
      "adding experiment acme/churn/run-9 needs member or higher on project acme/churn; frank has no role there",
    );
  });

  it("catalog admins come from catalog.yaml", () => {
    expect(requireCatalogAdmin(ctxOf("alice"), { rule: "org-create", doing: "creating x" }).allowed).toBe(true);
    expect(requireCatalogAdmin(ctxOf("erin"), { rule: "org-create", doing: "creating x" })).toMatchObject({
      allowed: false,
      approvers: ["alice"],
    });
  });

  it("team rights: org managers and the team's own admins", () => {
    const team = { "orgs/acme/teams/ml.yaml": "name: ml\nmembers:\n  - user: bob\n    role: admin\n" };
    expect(
      requireTeamRights(ctxOf("bob", team), { rule: "owner-change", org: "acme", team: "ml", doing: "x" }).allowed,
    ).toBe(true);
    expect(
      requireTeamRights(ctxOf("erin", team), { rule: "owner-change", org: "acme", team: "ml", doing: "x" }).allowed,
    ).toBe(true);
    expect(
      requireTeamRights(ctxOf("carol", team), { rule: "owner-change", org: "acme", team: "ml", doing: "x" }),
    ).toMatchObject({ allowed: false, approvers: ["alice", "bob", "erin"] });
  });

  it.each<[string, Record<string, string>, string, boolean]>([
    ["default: an org admin", {}, "carol", true],
    ["default: a member is not", {}, "bob", false],
    [
      "registry delegated: an admin not named is not",
      {
        "orgs/acme/organization.yaml": `${PR_BASE["orgs/acme/organization.yaml"]}delegations:\n  - area: registry\n    to: [alice]\n`,
      },
      "carol",
      false,
    ],
    [
      "registry delegated: managers still are",
      {
        "orgs/acme/organization.yaml": `${PR_BASE["orgs/acme/organization.yaml"]}delegations:\n  - area: registry\n    to: [alice]\n`,
      },
      "erin",
      true,
    ],
    [
      "owners policy: a manager is not",
      { "catalog.yaml": "title: T\nadmins: [alice]\npolicy: { productionApprovers: owners }\n" },
      "erin",
      false,
    ],
    [
      "an unknown policy value tightens to owners",
      { "catalog.yaml": "title: T\nadmins: [alice]\npolicy: { productionApprovers: everyone }\n" },
      "carol",
      false,
    ],
  ])("production approvers: %s", (_name, overrides, login, allowed) => {
    expect(
      requireProductionApprover(ctxOf(login, overrides), { rule: "stage-production", org: "acme", doing: "x" }).allowed,
    ).toBe(allowed);
  });

  it("anyOf passes with one alternative and otherwise joins the approvers; allOf needs every one", () => {
    const ctx = ctxOf("bob");
    const no = requireCatalogAdmin(ctx, { rule: "user-edit", doing: "x" });
    const yes = requireAction(ctx, { rule: "experiment-write", scope: churn, action: "child-write", doing: "y" });
    const alsoNo = requireAction(ctx, { rule: "experiment-delete", scope: churn, action: "child-delete", doing: "z" });
    expect(anyOf(no, yes)).toBe(yes);
    expect(anyOf(no, alsoNo)).toMatchObject({
      allowed: false,
      rule: "user-edit or experiment-delete",
      approvers: ["alice", "carol", "erin"],
    });
    expect(allOf(yes, alsoNo)).toBe(alsoNo);
    expect(allOf(yes, yes).allowed).toBe(true);
  });

  it("policy defaults and caps", () => {
    expect(authority().policy()).toEqual({ ...DEFAULT_POLICY, maxChangedFiles: 10 });
    expect(authority({ "catalog.yaml": "title: T\nadmins: []\npolicy: { maxChangedFiles: -3 }\n" }).policy()).toEqual(
      DEFAULT_POLICY,
    );
  });
});
