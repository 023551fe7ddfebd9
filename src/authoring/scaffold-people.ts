/** Scaffolds for users, organizations and teams. */
import type { MemberRole, Role, Visibility } from "../model/types.js";
import { byRoleDescending } from "../permissions/roles.js";
import { checkName, parseNameParts } from "./arg-names.js";
import { organizationPath, teamPath, userPath } from "./catalog-paths.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { createChange, type Plan } from "./plan.js";
import { modelineOf, requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { scaffoldProject } from "./scaffold-project.js";
import { buildYaml } from "./yaml-build.js";

/** The values of a new user file. */
export interface NewUser {
  name: string;
  displayName?: string;
  githubLogin?: string;
  githubId?: number;
  email?: string;
  bio?: string;
}

/** Plan `users/<name>.yaml`. */
export function scaffoldUser(ctx: ScaffoldContext, input: NewUser): Outcome<Plan> {
  const name = checkName(input.name, "user name");
  if (!name.ok) return name;
  const relPath = userPath(input.name);
  const github =
    input.githubLogin === undefined
      ? undefined
      : { login: input.githubLogin, ...(input.githubId !== undefined && { id: input.githubId }) };
  const text = buildYaml(
    "One file per person. The file name is the username and must equal `name`.",
    [
      { key: "name", value: input.name },
      { key: "displayName", value: input.displayName, example: "displayName: Alice Example" },
      {
        key: "github",
        value: github,
        comment:
          "mlcat identifies a pull-request author by GitHub numeric id (stable across\nlogin renames), so keep `github.id` accurate.",
        example: "github: {login: alice-gh, id: 1234567}",
      },
      { key: "email", value: input.email, example: "email: alice@example.com" },
      { key: "bio", value: input.bio, example: "bio: What you work on, in a sentence or two." },
    ],
    { modeline: modelineOf(ctx, "User", relPath) },
  );
  return succeed({ changes: [createChange(relPath, text)], notes: [] });
}

/** The values of a new organization file. */
export interface NewOrganization {
  name: string;
  /** The first member, with role `owner`. */
  owner: string;
  displayName?: string;
  description?: string;
  visibility?: Visibility;
  website?: string;
}

/** Plan `orgs/<name>/organization.yaml`. */
export function scaffoldOrganization(ctx: ScaffoldContext, input: NewOrganization): Outcome<Plan> {
  const name = checkName(input.name, "organization name");
  if (!name.ok) return name;
  const relPath = organizationPath(input.name);
  const text = buildYaml(
    "An organization: the unit of membership, visibility and delegation.\nRoles, highest first: owner > manager > admin > member > viewer.",
    [
      { key: "name", value: input.name },
      { key: "displayName", value: input.displayName, example: "displayName: Acme Machine Learning" },
      { key: "description", value: input.description, example: "description: What the organization works on." },
      {
        key: "visibility",
        value: input.visibility ?? "private",
        comment: "`private` shows the organization's entities to its members only.",
      },
      { key: "website", value: input.website, example: "website: https://ml.example.com" },
      {
        key: "members",
        value: [{ user: input.owner, role: "owner" }],
        comment: "Add members with `user` and `role` (owner, manager, admin, member, viewer).",
      },
    ],
    { modeline: modelineOf(ctx, "Organization", relPath) },
  );
  return succeed({ changes: [createChange(relPath, text)], notes: [] });
}

/** The values of a new team file. */
export interface NewTeam {
  /** `org/team`. */
  ref: string;
  description?: string;
  members: MemberRole[];
  projects?: Array<{ project: string; role: Role }>;
  /**
   * Write the projects `projects` names that do not exist yet, in the same
   * plan (owned by `owner`, default the team's first member of the highest
   * role; the team as their team). Without it, a project that does not exist
   * is refused with a hint.
   */
  createMissing?: { owner?: string };
}

/** Plan `orgs/<org>/teams/<team>.yaml`. */
export function scaffoldTeam(ctx: ScaffoldContext, input: NewTeam): Outcome<Plan> {
  const parts = parseNameParts(input.ref, 2, "team", "<org>/<team>");
  if (!parts.ok) return parts;
  const [org, team] = parts.value as [string, string];
  const orgOk = requireOrg(ctx, org);
  if (!orgOk.ok) return orgOk;
  if (input.members.length === 0)
    return refuse(`team "${input.ref}" has no members`, "give at least one member: --member <user>[:<role>]");
  const missing = (input.projects ?? [])
    .map((p) => p.project)
    .filter((p) => !ctx.ws.catalog.has("Project", `${org}/${p}`));
  const owner =
    input.createMissing?.owner ?? [...input.members].sort((a, b) => byRoleDescending(a.role, b.role))[0]!.user;
  if (missing.length > 0 && !input.createMissing) {
    return refuse(
      `team "${input.ref}" names project${missing.length === 1 ? "" : "s"} ${missing.map((p) => `"${org}/${p}"`).join(", ")}, which do${missing.length === 1 ? "es" : ""} not exist yet`,
      `add --create-missing to write ${missing.length === 1 ? "it" : "them"} in the same command (owner ${owner}, team ${team}), or create ${missing.length === 1 ? "it" : "them"} first: mlcat new project ${org}/${missing[0]} --owner ${owner} --team ${team} --create-missing`,
    );
  }
  const relPath = teamPath(org, team);
  const text = buildYaml(
    "A team: members with team roles, the projects they work on, and quotas.",
    [
      { key: "name", value: team },
      { key: "description", value: input.description, example: "description: What the team works on." },
      { key: "members", value: input.members, comment: "Every member must be a member of the organization." },
      {
        key: "projects",
        value: input.projects?.length ? input.projects : undefined,
        comment: "Roles the team's members get on these projects (where higher than their own).",
        example: "projects:\n  - project: churn\n    role: member",
      },
      {
        key: "quotas",
        value: undefined,
        comment: "Count and resource quotas (Kubernetes units):",
        example: 'quotas:\n  projects: 3\n  resources: {cpu: "32", memory: 128Gi}',
      },
    ],
    { modeline: modelineOf(ctx, "Team", relPath) },
  );
  const plan: Plan = { changes: [createChange(relPath, text)], notes: [] };
  // The projects it names that do not exist yet, in the same plan: team and project name each other.
  for (const project of missing) {
    const written = scaffoldProject(ctx, { ref: `${org}/${project}`, owner, team, teamInPlan: true });
    if (!written.ok) return written;
    plan.changes.push(...written.value.changes);
    plan.notes.push(
      `created project ${org}/${project} (owner ${owner}, team ${team}) because the team names it; describe it in its README.md`,
    );
  }
  return succeed(plan);
}
