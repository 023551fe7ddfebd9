/**
 * Who holds which role, read from ONE catalog: the base revision's for a pull
 * request (never the head's), the working tree's for `mlcat explain`.
 */
import type { Catalog } from "../model/catalog.js";
import { STAGE_REQUIREMENTS, STAGES, type Role, type Stage, type StageRequirement } from "../model/types.js";
import { AREAS, type Area } from "./actions.js";
import { asRecord, rolesAt, stringAt, stringsAt } from "./read-data.js";

/** The catalog's policy settings, with defaults filled in. */
export interface Policy {
  /** Pull requests changing more files fail closed (default 500). */
  maxChangedFiles: number;
  /** Who may move a model version to production (default `registry-admins`). */
  productionApprovers: "registry-admins" | "owners";
  /** Service accounts that may record others as `createdBy` (default none). */
  recordOnBehalf: string[];
  /** What a model version must carry in each stage (`policy.stages`; default nothing). */
  stageRequirements: Partial<Record<Stage, StageRequirement[]>>;
  /** Model aliases that mean production (default `[production]`). */
  productionAliases: string[];
}

/** The defaults of `policy` in catalog.yaml. */
export const DEFAULT_POLICY: Policy = {
  maxChangedFiles: 500,
  productionApprovers: "registry-admins",
  recordOnBehalf: [],
  stageRequirements: {},
  productionAliases: ["production"],
};

/** A named role holder (a user, or a team on an entity). */
export interface Grant {
  name: string;
  role: Role;
}

/** A team of an organization, as permissions read it. */
export interface TeamGrants {
  name: string;
  members: Grant[];
  /** Roles the team's members get on projects (`projects[]` of the team file). */
  projects: Grant[];
}

/** A user file's GitHub identity. */
export interface UserIdentity {
  name: string;
  login?: string;
  id?: number;
}

/** Read access to roles, delegations and policy of one catalog. */
export class Authority {
  constructor(readonly catalog: Catalog) {}

  /** The policy of catalog.yaml. A value that is not understood tightens to the strictest setting. */
  policy(): Policy {
    const policy = asRecord(asRecord(this.catalog.get("Catalog", "catalog")?.data)?.policy);
    const cap = policy?.maxChangedFiles;
    const approvers = policy?.productionApprovers;
    return {
      maxChangedFiles:
        typeof cap === "number" && Number.isInteger(cap) && cap > 0 ? cap : DEFAULT_POLICY.maxChangedFiles,
      productionApprovers: approvers === undefined || approvers === "registry-admins" ? "registry-admins" : "owners",
      recordOnBehalf: stringsAt(policy, "recordOnBehalf"),
      stageRequirements: readStageRequirements(asRecord(policy?.stages)),
      productionAliases: Array.isArray(policy?.productionAliases)
        ? stringsAt(policy, "productionAliases")
        : DEFAULT_POLICY.productionAliases,
    };
  }

  /** Usernames of the catalog admins (catalog.yaml `admins`). */
  catalogAdmins(): string[] {
    return stringsAt(this.catalog.get("Catalog", "catalog")?.data, "admins");
  }

  /** Whether the organization exists here. */
  hasOrg(org: string): boolean {
    return this.catalog.has("Organization", org);
  }

  /** The members of `org` with their roles. */
  orgMembers(org: string): Grant[] {
    return rolesAt(this.catalog.get("Organization", org)?.data, "members", "user");
  }

  /** `user`'s role in `org` (the first entry counts when listed twice), if any. */
  orgRole(user: string, org: string): Role | undefined {
    return this.orgMembers(org).find((m) => m.name === user)?.role;
  }

  /**
   * The admins `area` is delegated to in `org`, or undefined when it is not delegated.
   * Delegations restrict, so a malformed one (not a list, an entry without a known
   * area) restricts every area: delegated to nobody.
   */
  delegates(org: string, area: Area): string[] | undefined {
    const entries = asRecord(this.catalog.get("Organization", org)?.data)?.delegations;
    if (entries === undefined || entries === null) return undefined;
    if (!Array.isArray(entries) || entries.some((d) => !AREAS.includes(stringAt(d, "area") as Area))) return [];
    const matching = entries.filter((d) => stringAt(d, "area") === area);
    return matching.length === 0 ? undefined : matching.flatMap((d) => stringsAt(d, "to"));
  }

  /** The teams of `org`. */
  teams(org: string): TeamGrants[] {
    return this.catalog.inOrg("Team", org).map((t) => ({
      name: t.name,
      members: rolesAt(t.data, "members", "user"),
      projects: rolesAt(t.data, "projects", "project"),
    }));
  }

  /** The teams of `org` that list `user` as a member. */
  teamsOf(user: string, org: string): TeamGrants[] {
    return this.teams(org).filter((t) => t.members.some((m) => m.name === user));
  }

  /** The data of a project, hub component or model, if it exists here. */
  entityData(kind: "Project" | "Component" | "Model", key: string): unknown {
    return this.catalog.get(kind, key)?.data;
  }

  /**
   * Where this catalog gives `user` a role or names them to hold one (catalog
   * admins, organization members and delegations, team members, and the owner,
   * members and maintainers of projects, hub components and models), e.g.
   * `owner of organization acme`. Whoever registers that username gets them all.
   */
  rolesNaming(user: string): string[] {
    return this.roleHolders().get(user) ?? [];
  }

  /**
   * Every username this catalog gives a role or names to hold one, with where
   * (as `rolesNaming` says it): every place roles are granted, read once.
   * The policy's `productionApprovers` names roles, not users.
   */
  roleHolders(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const add = (user: string, where: string) => out.set(user, [...(out.get(user) ?? []), where]);
    for (const admin of new Set(this.catalogAdmins())) add(admin, "catalog admin");
    for (const org of this.catalog.all("Organization")) {
      for (const m of this.orgMembers(org.key)) add(m.name, `${m.role} of organization ${org.key}`);
      const delegated = new Map<string, Area[]>();
      for (const area of AREAS)
        for (const user of new Set(this.delegates(org.key, area) ?? []))
          delegated.set(user, [...(delegated.get(user) ?? []), area]);
      for (const [user, areas] of delegated) add(user, `delegate for ${areas.join(", ")} in ${org.key}`);
    }
    for (const team of this.catalog.all("Team")) {
      for (const m of rolesAt(team.data, "members", "user")) add(m.name, `${m.role} of team ${team.key}`);
    }
    for (const kind of ["Project", "Component", "Model"] as const) {
      for (const e of this.catalog.all(kind)) {
        const label = `${kind === "Component" ? "hub component" : kind === "Model" ? "registry model" : "project"} ${e.key}`;
        const owner = stringAt(e.data, "owner");
        if (owner !== undefined) add(owner, `owner of ${label}`);
        for (const m of rolesAt(e.data, "members", "user")) add(m.name, `${m.role} of ${label}`);
        if (kind === "Component")
          for (const user of new Set(stringsAt(e.data, "maintainers"))) add(user, `maintainer of ${label}`);
      }
    }
    return out;
  }

  /** The GitHub identity of every user file. */
  users(): UserIdentity[] {
    return this.catalog.all("User").map((u) => {
      const github = asRecord(asRecord(u.data)?.github);
      const login = typeof github?.login === "string" ? github.login : undefined;
      const id = typeof github?.id === "number" && Number.isInteger(github.id) ? github.id : undefined;
      return { name: u.name, ...(login !== undefined && { login }), ...(id !== undefined && { id }) };
    });
  }
}

/** `policy.stages`, keeping the requirement names mlcat knows (the schema refuses others). */
function readStageRequirements(
  stages: Record<string, unknown> | undefined,
): Partial<Record<Stage, StageRequirement[]>> {
  const out: Partial<Record<Stage, StageRequirement[]>> = {};
  for (const stage of STAGES) {
    const require = stringsAt(asRecord(stages?.[stage]), "require").filter((r): r is StageRequirement =>
      (STAGE_REQUIREMENTS as readonly string[]).includes(r),
    );
    if (require.length > 0) out[stage] = require;
  }
  return out;
}
