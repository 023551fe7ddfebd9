/**
 * Properties of the pull-request decision:
 *  - removing a role from anyone never turns a denial into an approval;
 *  - adding an unrelated file never changes another change's verdict;
 *  - renaming a file and its name consistently is judged as a delete plus an add.
 * Many runs in memory (pr-in-memory.ts), a few on real git repositories.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileMap } from "../helpers/catalog.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { PrScenario } from "../helpers/pr-repo.js";
import { ACTORS, CHANGES } from "./change-pool.js";
import { parse } from "yaml";
import {
  applyChange,
  editData,
  grantSites,
  judgeInMemory,
  removeGrant,
  type Change,
  type GrantSite,
} from "./pr-in-memory.js";

const NAMES = Object.keys(CHANGES);
const actor = fc.constantFrom(...ACTORS);
const changeName = fc.constantFrom(...NAMES);

/**
 * PR_BASE with every kind of grant: a registry delegation, project members
 * (one of them a restriction: carol, an org admin, is only a viewer on churn),
 * entity teams, component maintainers and model members.
 */
const GRANTS_BASE: FileMap = applyChange(PR_BASE, (files) => ({
  ...editData(
    "orgs/acme/organization.yaml",
    (d) => void (d.delegations = [{ area: "registry", to: ["carol"] }]),
  )(files),
  ...editData(
    "orgs/acme/projects/churn/project.yaml",
    (d) =>
      void (d.members = [
        { user: "carol", role: "viewer" },
        { user: "frank", role: "member" },
      ]),
  )(files),
  ...editData(
    "orgs/acme/projects/forecast/project.yaml",
    (d) => void (d.teams = [{ team: "ml", role: "admin" }]),
  )(files),
  ...editData("orgs/acme/components/train/component.yaml", (d) => void (d.maintainers = ["bob"]))(files),
  ...editData(
    "orgs/acme/models/churn-model/model.yaml",
    (d) => void (d.members = [{ user: "dave", role: "admin" }]),
  )(files),
}));
const SITES = grantSites(GRANTS_BASE);
const ORG_ROLES = new Map(
  ["alice:owner", "erin:manager", "carol:admin", "bob:member", "dave:viewer"].map(
    (s) => s.split(":") as [string, string],
  ),
);
const RANK = ["viewer", "member", "admin", "manager", "owner"];

/** A project, component or model `members` entry that sets its user BELOW their organization role: a restriction, not a grant. */
function isRestriction(files: FileMap, site: GrantSite): boolean {
  if (!/\/(project|component|model)\.yaml$/.test(site.path) || site.at[0] !== "members") return false;
  const entry = (parse(files[site.path]!) as { members: Array<{ user: string; role: string }> }).members[
    site.at[1] as number
  ]!;
  const orgRole = ORG_ROLES.get(entry.user);
  return orgRole !== undefined && RANK.indexOf(entry.role) < RANK.indexOf(orgRole);
}

const judge = (base: FileMap, change: Change, who: string) =>
  judgeInMemory(base, applyChange(base, change), { login: who });
const allowed = (verdicts: Record<string, boolean>) => Object.values(verdicts).every(Boolean);

describe("removing a role never turns a denial into an approval", () => {
  it("has grant sites to remove (admins, members, delegates, owners, team grants)", () => {
    expect(SITES.map((s) => s.label.split(" (")[0])).toEqual(
      expect.arrayContaining([
        "catalog.yaml admins.0",
        "orgs/acme/organization.yaml delegations.0.to.0",
        "orgs/acme/organization.yaml members.4",
        "orgs/acme/teams/ml.yaml projects.0",
        "orgs/acme/projects/forecast/project.yaml teams.0",
        "orgs/acme/components/train/component.yaml maintainers.0",
        "orgs/acme/models/churn-model/model.yaml owner",
      ]),
    );
    expect(SITES.length).toBeGreaterThanOrEqual(19);
  });

  it("for every change, author and removed grant (in memory)", () => {
    fc.assert(
      fc.property(changeName, actor, fc.constantFrom(...SITES), (name, who, site) => {
        const before = judge(GRANTS_BASE, CHANGES[name]!, who);
        fc.pre(Object.keys(before).length > 0 && !allowed(before));
        // Removing a restriction (a lower role set on one project) gives its holder back their organization role, by design.
        fc.pre(!isRestriction(GRANTS_BASE, site));
        const after = judge(removeGrant(GRANTS_BASE, site), CHANGES[name]!, who);
        expect(allowed(after), `${who}: "${name}" became allowed once ${site.label} was removed`).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("removing a restriction gives back only the organization role it capped (the one exception, by design)", () => {
    const site = SITES.find((s) => isRestriction(GRANTS_BASE, s))!;
    expect(site.label).toContain("carol");
    expect(allowed(judge(GRANTS_BASE, CHANGES["delete experiment run-2"]!, "carol"))).toBe(false);
    expect(allowed(judge(removeGrant(GRANTS_BASE, site), CHANGES["delete experiment run-2"]!, "carol"))).toBe(true);
  });
});

describe("an unrelated change never changes another change's verdict", () => {
  it("for every pair of changes on different files (in memory)", () => {
    fc.assert(
      fc.property(changeName, changeName, actor, (a, b, who) => {
        const alone = judge(PR_BASE, CHANGES[a]!, who);
        const other = CHANGES[b]!(PR_BASE);
        fc.pre(Object.keys(other).every((p) => !(p in alone)));
        const together = judgeInMemory(PR_BASE, applyChange(applyChange(PR_BASE, CHANGES[a]!), CHANGES[b]!), {
          login: who,
        });
        for (const [path, verdict] of Object.entries(alone))
          expect(together[path], `${who}: ${path} of "${a}" next to "${b}"`).toBe(verdict);
      }),
      { numRuns: 150 },
    );
  });
});

/** Renames of a file together with its name field. */
const RENAMES: Record<string, { from: string; to: string; name: string }> = {
  "an experiment": {
    from: "orgs/acme/projects/churn/experiments/run-2.yaml",
    to: "orgs/acme/projects/churn/experiments/run-7.yaml",
    name: "run-7",
  },
  "a user": { from: "users/frank.yaml", to: "users/franklin.yaml", name: "franklin" },
  "a team": { from: "orgs/acme/teams/ml.yaml", to: "orgs/acme/teams/ml-platform.yaml", name: "ml-platform" },
  "a model version": {
    from: "orgs/acme/models/churn-model/versions/2.0.0.yaml",
    to: "orgs/acme/models/churn-model/versions/2.0.1.yaml",
    name: "2.0.1",
  },
  "a connection": {
    from: "orgs/acme/connections/s3-data.yaml",
    to: "orgs/acme/connections/s3-raw.yaml",
    name: "s3-raw",
  },
};
const renameChange =
  ({ from, to, name }: (typeof RENAMES)[string]): Change =>
  (files) => ({ [from]: null, [to]: files[from]!.replace(/^name: .*$/m, `name: ${name}`) });
const deleteChange =
  ({ from }: (typeof RENAMES)[string]): Change =>
  () => ({ [from]: null });
const addChange =
  (r: (typeof RENAMES)[string]): Change =>
  (files) => ({ [r.to]: renameChange(r)(files)[r.to]! });

describe("a rename is judged as a delete plus an add", () => {
  it("for every renamed kind and author (in memory)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(RENAMES)), actor, (kind, who) => {
        const r = RENAMES[kind]!;
        const renamed = judge(PR_BASE, renameChange(r), who);
        expect(renamed).toEqual({ ...judge(PR_BASE, deleteChange(r), who), ...judge(PR_BASE, addChange(r), who) });
      }),
      { numRuns: 40 },
    );
  });
});

describe("the same properties on real repositories (mlcat check itself)", () => {
  let scenario: PrScenario;
  beforeAll(() => {
    scenario = new PrScenario();
  });
  afterAll(() => scenario.remove());

  /** Per changed catalog path: allowed, and the pr/* codes reported at it. */
  const checkVerdicts = async (change: Change, who: string) => {
    const result = await scenario.check({ actor: who, change: change(PR_BASE) });
    const out: Record<string, { allowed: boolean; codes: string[] }> = {};
    for (const c of result.changes) {
      out[c.path] = {
        allowed: c.allowed,
        codes: result.diagnostics
          .filter((d) => d.file === c.path && d.code.startsWith("pr/"))
          .map((d) => d.code)
          .sort(),
      };
    }
    return out;
  };

  it("an unrelated change leaves another change's verdict as it was", async () => {
    await fc.assert(
      fc.asyncProperty(changeName, changeName, actor, async (a, b, who) => {
        const alone = await checkVerdicts(CHANGES[a]!, who);
        const other = CHANGES[b]!(PR_BASE);
        fc.pre(Object.keys(other).every((p) => !(`catalog/${p}` in alone)));
        const together = await checkVerdicts((files) => ({ ...CHANGES[a]!(files), ...other }), who);
        for (const [path, verdict] of Object.entries(alone))
          expect(together[path], `${who}: ${path} of "${a}" next to "${b}"`).toEqual(verdict);
        expect(judgeInMemory(PR_BASE, applyChange(PR_BASE, CHANGES[a]!), { login: who })).toEqual(
          Object.fromEntries(Object.entries(alone).map(([p, v]) => [p.replace(/^catalog\//, ""), v.allowed])),
        );
      }),
      { numRuns: 3 },
    );
  });

  it("a rename (git mv plus the name field) is a delete plus an add", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(RENAMES)), actor, async (kind, who) => {
        const r = RENAMES[kind]!;
        const renamed = await checkVerdicts(renameChange(r), who);
        expect(renamed).toEqual({
          ...(await checkVerdicts(deleteChange(r), who)),
          ...(await checkVerdicts(addChange(r), who)),
        });
      }),
      { numRuns: 2 },
    );
  });
});
