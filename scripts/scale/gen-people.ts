/** Synthetic users, organizations (members, delegations, quotas), teams and connections. */
import { entityPath } from "../../dist/model/kinds.js";
import type { Role } from "../../dist/model/types.js";
import { dataYaml } from "../../dist/yaml-writer/build.js";
import { GenContext, type GenOrg, type GenUser } from "./gen-context.ts";
import { NamePool } from "./name-pool.ts";
import { DOMAINS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, SENTENCES, TEAM_WORDS } from "./words.ts";

/** Make `count` users; returns their files. */
export function generateUsers(ctx: GenContext, count: number): Record<string, string> {
  const pool = new NamePool();
  const files: Record<string, string> = {};
  const { random } = ctx;
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = pool.take(`${first}-${last}`);
    const user: GenUser = {
      name,
      displayName: `${cap(first)} ${cap(last)}`,
      email: `${name.replace(/-/g, ".")}@example.com`,
      login: `${name.replace(/-/g, "")}-gh`,
      id: 1_000_000 + i * 7919,
    };
    ctx.users.push(user);
    files[entityPath("User", { name })] = dataYaml({
      name,
      displayName: user.displayName,
      github: { login: user.login, id: user.id },
      email: user.email,
      ...(random.chance(0.6) && {
        bio: `${random.pick(["Data scientist", "ML engineer", "Research engineer", "Analyst", "Platform engineer"])} working on ${random.pick(DOMAINS)}.`,
      }),
    });
  }
  return files;
}

/** Roles of an organization's members: one owner, a few managers and admins, mostly members, some viewers. */
function assignRoles(ctx: GenContext, users: string[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  users.forEach((u, i) => {
    const r = ctx.random.next();
    roles.set(u, i === 0 ? "owner" : i === 1 ? "manager" : r < 0.15 ? "admin" : r < 0.9 ? "member" : "viewer");
  });
  return roles;
}

/** Make `count` organizations over the existing users, each with teams and connections; returns their files. */
export function generateOrgs(ctx: GenContext, count: number): Record<string, string> {
  const { random } = ctx;
  const pool = new NamePool();
  const names = Array.from({ length: count }, (_, i) => pool.take(ORG_WORDS[i % ORG_WORDS.length]!));
  const homes: string[][] = names.map(() => []);
  ctx.users.forEach((u, i) => {
    const home = i % count;
    homes[home]!.push(u.name);
    if (count > 1 && random.chance(0.15)) homes[(home + random.int(1, count - 1)) % count]!.push(u.name);
  });
  const files: Record<string, string> = {};
  names.forEach((name, i) => {
    const members = assignRoles(ctx, homes[i]!.length > 0 ? homes[i]! : [ctx.users[0]!.name]);
    const org: GenOrg = {
      name,
      members,
      teams: [],
      connections: {
        data: "s3-datalake",
        artifacts: "s3-ml-artifacts",
        repo: "ml-monorepo",
        registry: "docker-registry",
        all: [],
      },
      projects: [],
      components: [],
      models: [],
      owned: new Map(),
    };
    ctx.orgs.push(org);
    nameTeams(ctx, org);
    Object.assign(
      files,
      { [entityPath("Organization", { org: name })]: organizationFile(ctx, org, false) },
      connectionFiles(ctx, org),
      teamFiles(ctx, org, false),
    );
  });
  return files;
}

/** The organization file; with `final`, the quotas too (once the projects, components and models are known). */
export function organizationFile(ctx: GenContext, org: GenOrg, final: boolean): string {
  const { random } = ctx;
  const admins = ctx.membersOf(org, ["owner", "manager", "admin"]);
  const counts = { projects: org.projects.length, components: org.components.length, models: org.models.length };
  const delegations = (["projects", "hub", "registry"] as const)
    .map((area) => ({ area, to: random.sample(admins, random.int(1, 2)) }))
    .filter((d) => d.to.length > 0);
  return dataYaml(
    {
      name: org.name,
      displayName: `${org.name.split("-").map(cap).join(" ")} ML`,
      description: `Machine learning at ${cap(org.name)}: ${random.sample(DOMAINS, 3).join(", ")}. ${random.pick(SENTENCES)}`,
      visibility: random.chance(0.7) ? "public" : "private",
      website: `https://ml.${org.name}.example.com`,
      members: [...org.members].map(([user, role]) => ({ user, role })),
      delegations,
      ...(final &&
        random.chance(0.5) && {
          quotas: {
            projects: counts.projects + random.int(2, 10),
            models: counts.models + random.int(2, 10),
            components: counts.components + random.int(2, 10),
          },
        }),
    },
    ["An organization: the unit of membership, visibility and delegation."],
  );
}

function connectionFiles(ctx: GenContext, org: GenOrg): Record<string, string> {
  const c = org.connections;
  const specs = [
    {
      name: c.data,
      kind: "s3",
      description: "Read-only access to the curated zone of the data lake.",
      tags: ["cloud"],
      schema: { bucket: `s3://${org.name}-datalake` },
      secret: { name: "aws-datalake-readonly" },
    },
    {
      name: c.artifacts,
      kind: "s3",
      description: "Run outputs and registered model artifacts.",
      tags: ["cloud"],
      schema: { bucket: `s3://${org.name}-ml-artifacts` },
      secret: { name: "aws-ml-artifacts" },
    },
    {
      name: c.repo,
      kind: "git",
      description: "The ML monorepo, cloned into runs that need code.",
      tags: ["git"],
      schema: { url: `https://github.com/${org.name}/ml-monorepo` },
      secret: { name: "github-deploy-key" },
    },
    {
      name: c.registry,
      kind: "registry",
      description: "The container registry for training and serving images.",
      tags: ["docker"],
      schema: { url: `ghcr.io/${org.name}` },
      secret: { name: "ghcr-pull" },
    },
  ];
  const files: Record<string, string> = {};
  for (const spec of specs) {
    c.all.push(spec.name);
    files[entityPath("Connection", { org: org.name, name: spec.name })] = dataYaml(spec);
  }
  return files;
}

function nameTeams(ctx: GenContext, org: GenOrg): void {
  const { random } = ctx;
  const members = ctx.membersOf(org);
  const count = Math.max(1, Math.round(members.length / 10));
  const pool = new NamePool();
  for (let i = 0; i < count; i++) {
    const team = pool.take(
      i < TEAM_WORDS.length ? TEAM_WORDS[i]! : `${random.pick(DOMAINS)}-${random.pick(TEAM_WORDS)}`,
    );
    org.teams.push(team);
    org.owned.set(team, { projects: 0, components: 0, models: 0 });
  }
}

/** Team files; with `final`, their projects and quotas too (once what they own is known). */
export function teamFiles(ctx: GenContext, org: GenOrg, final: boolean): Record<string, string> {
  const { random } = ctx;
  const members = ctx.membersOf(org);
  const files: Record<string, string> = {};
  for (const team of org.teams) {
    const owned = org.owned.get(team)!;
    const teamProjects = org.projects
      .filter((p) => final && p.team === team)
      .map((p) => ({ project: p.name, role: random.pick(["admin", "member"] as const) }));
    files[entityPath("Team", { org: org.name, name: team })] = dataYaml({
      name: team,
      description: `The ${team} team of ${org.name}: ${random.pick(SENTENCES)}`,
      members: random
        .sample(members, random.int(2, 8))
        .map((user) => ({ user, role: random.pick(["admin", "member", "member", "viewer"] as const) })),
      ...(teamProjects.length > 0 && { projects: teamProjects }),
      ...(final && {
        quotas: {
          projects: owned.projects + random.int(0, 3),
          models: owned.models + random.int(0, 3),
          components: owned.components + random.int(0, 3),
          resources: { cpu: String(random.pick([16, 32, 48, 64])), memory: `${random.pick([64, 128, 256])}Gi` },
        },
      }),
    });
  }
  return files;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
