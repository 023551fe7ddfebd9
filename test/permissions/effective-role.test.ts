import { describe, expect, it } from "vitest";
import type { Role } from "../../src/model/types.js";
import { Authority } from "../../src/permissions/authority.js";
import { resolveRole, type Scope } from "../../src/permissions/effective-role.js";
import { atLeast, higherRole } from "../../src/permissions/roles.js";
import { ACTION_IDS, ACTIONS, lowestRole } from "../../src/permissions/actions.js";
import { loadFiles } from "../helpers/catalog.js";
import { PR_BASE } from "../helpers/pr-catalog.js";

const ORG = "orgs/acme/organization.yaml";
const authority = (overrides: Record<string, string> = {}) =>
  new Authority(loadFiles({ ...PR_BASE, ...overrides }).catalog);

const churn: Scope = { org: "acme", area: "projects", entity: { kind: "Project", key: "acme/churn", name: "churn" } };
const forecast: Scope = {
  org: "acme",
  area: "projects",
  entity: { kind: "Project", key: "acme/forecast", name: "forecast" },
};
const train: Scope = { org: "acme", area: "hub", entity: { kind: "Component", key: "acme/train", name: "train" } };
const model: Scope = {
  org: "acme",
  area: "registry",
  entity: { kind: "Model", key: "acme/churn-model", name: "churn-model" },
};

describe("roles", () => {
  it("orders owner > manager > admin > member > viewer", () => {
    expect((["owner", "manager", "admin", "member", "viewer"] as Role[]).map((r) => atLeast(r, "admin"))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([higherRole("member", "admin"), higherRole(undefined, "viewer"), higherRole("owner", undefined)]).toEqual([
      "admin",
      "viewer",
      "owner",
    ]);
    expect(atLeast(undefined, "viewer")).toBe(false);
  });

  it("keeps DESIGN.md's action table", () => {
    expect(ACTION_IDS.map((id) => [id, "lowest" in ACTIONS[id] ? ACTIONS[id].lowest : ACTIONS[id].holders])).toEqual([
      ["org-owners", "owner"],
      ["org-settings", "manager"],
      ["entity-manage", "admin"],
      ["child-delete", "admin"],
      ["child-write", "member"],
      ["production-approve", "production-approvers"],
    ]);
    expect(lowestRole("child-write")).toBe("member");
  });
});

describe("resolveRole", () => {
  it.each<[string, Record<string, string>, string, Scope, Role | undefined]>([
    ["the organization role applies", {}, "carol", { org: "acme" }, "admin"],
    ["no membership, no role", {}, "frank", { org: "acme" }, undefined],
    ["a project's members list raises a viewer", {}, "dave", forecast, "member"],
    [
      "a team's project role applies where higher",
      {
        "orgs/acme/teams/ml.yaml":
          "name: ml\nmembers:\n  - user: dave\n    role: member\nprojects:\n  - project: churn\n    role: admin\n",
      },
      "dave",
      churn,
      "admin",
    ],
    [
      "a team's project role does not lower",
      {
        "orgs/acme/teams/ml.yaml":
          "name: ml\nmembers:\n  - user: carol\n    role: member\nprojects:\n  - project: churn\n    role: viewer\n",
      },
      "carol",
      churn,
      "admin",
    ],
    [
      "a project's teams list gives its role to the team's members",
      {
        "orgs/acme/projects/forecast/project.yaml":
          "name: forecast\nowner: carol\nteams:\n  - team: ml\n    role: admin\n",
      },
      "bob",
      forecast,
      "admin",
    ],
    [
      "a project's members list lowers an org admin there",
      {
        "orgs/acme/projects/forecast/project.yaml":
          "name: forecast\nowner: alice\nmembers:\n  - user: carol\n    role: viewer\n",
      },
      "carol",
      forecast,
      "viewer",
    ],
    [
      "but never an org manager",
      {
        "orgs/acme/projects/forecast/project.yaml":
          "name: forecast\nowner: alice\nmembers:\n  - user: erin\n    role: viewer\n",
      },
      "erin",
      forecast,
      "manager",
    ],
    ["the recorded owner is admin there", {}, "carol", forecast, "admin"],
    [
      "a component's maintainer is at least member",
      { "orgs/acme/components/train/component.yaml": "name: train\nowner: alice\nmaintainers: [dave]\n" },
      "dave",
      train,
      "member",
    ],
    [
      "a delegated area caps other org admins to member",
      { [ORG]: `${PR_BASE[ORG]}delegations:\n  - area: registry\n    to: [alice]\n` },
      "carol",
      model,
      "member",
    ],
    [
      "a delegated area leaves the named admin admin",
      { [ORG]: `${PR_BASE[ORG]}delegations:\n  - area: registry\n    to: [carol]\n` },
      "carol",
      model,
      "admin",
    ],
    [
      "a delegation of another area changes nothing here",
      { [ORG]: `${PR_BASE[ORG]}delegations:\n  - area: hub\n    to: [alice]\n` },
      "carol",
      model,
      "admin",
    ],
    [
      "malformed delegations (not a list) delegate every area, to nobody",
      { [ORG]: `${PR_BASE[ORG]}delegations: { area: hub, to: [carol] }\n` },
      "carol",
      model,
      "member",
    ],
    [
      "a malformed delegation entry delegates every area, to nobody",
      { [ORG]: `${PR_BASE[ORG]}delegations:\n  - registry\n` },
      "carol",
      model,
      "member",
    ],
    [
      "an entity that does not exist yet: the org role",
      {},
      "bob",
      { org: "acme", area: "projects", entity: { kind: "Project", key: "acme/new", name: "new" } },
      "member",
    ],
    [
      "a malformed role grants nothing",
      { [ORG]: "name: acme\nvisibility: public\nmembers:\n  - user: bob\n    role: superuser\n" },
      "bob",
      { org: "acme" },
      undefined,
    ],
  ])("%s", (_name, overrides, user, scope, expected) => {
    expect(resolveRole(authority(overrides), user, scope).role).toBe(expected);
  });

  it("explains itself step by step", () => {
    const files = {
      "orgs/acme/projects/forecast/project.yaml":
        "name: forecast\nowner: carol\nteams:\n  - team: ml\n    role: admin\n",
    };
    expect(resolveRole(authority(files), "bob", forecast).chain).toMatchInlineSnapshot(`
      [
        "bob is a member of organization acme",
        "bob is in team ml; project acme/forecast gives team ml admin, higher than before",
        "bob's effective role on project acme/forecast: admin",
      ]
    `);
  });
});
