/** Scaffolds for projects, connections and project components. */
import type { ConnectionKind, Visibility } from "../model/types.js";
import { parseNameParts } from "./arg-names.js";
import { connectionPath, projectComponentPath, projectDir, teamPath } from "./catalog-paths.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { createChange, type Plan } from "./plan.js";
import { projectReadme } from "./readme-templates.js";
import { modelineOf, requireOrg, requireProject, type ScaffoldContext } from "./scaffold-context.js";
import { buildSpec } from "./spec-template.js";
import { buildYaml } from "../yaml-writer/build.js";

/** The values of a new project. */
export interface NewProject {
  /** `org/project`. */
  ref: string;
  owner: string;
  team?: string;
  description?: string;
  tags?: string[];
  visibility?: Visibility;
  connections?: string[];
  /** Write the team `team` names when it does not exist yet, in the same plan (the owner its admin). Without it, a team that does not exist is refused with a hint. */
  createMissing?: boolean;
  /** The team is written by the same plan (a new team naming this project): not checked, not written again. */
  teamInPlan?: boolean;
}

/** Plan `orgs/<org>/projects/<p>/project.yaml` and its README.md. */
export function scaffoldProject(ctx: ScaffoldContext, input: NewProject): Outcome<Plan> {
  const parts = parseNameParts(input.ref, 2, "project", "<org>/<project>");
  if (!parts.ok) return parts;
  const [org, project] = parts.value as [string, string];
  const orgOk = requireOrg(ctx, org);
  if (!orgOk.ok) return orgOk;
  const newTeam =
    input.team !== undefined && !input.teamInPlan && !ctx.ws.catalog.has("Team", `${org}/${input.team}`)
      ? input.team
      : undefined;
  if (newTeam !== undefined && !input.createMissing) {
    return refuse(
      `team "${org}/${newTeam}" does not exist yet`,
      `add --create-missing to write it in the same command (with ${input.owner} as its admin), or create it first: mlcat new team ${org}/${newTeam} --member ${input.owner}:admin`,
    );
  }
  const relPath = `${projectDir(org, project)}/project.yaml`;
  const text = buildYaml(
    "A project groups experiments, project components and the models they\nproduce. Its README.md is shown on the project page.",
    [
      { key: "name", value: project },
      { key: "description", value: input.description, example: "description: What the project is for." },
      { key: "tags", value: input.tags?.length ? input.tags : undefined, example: "tags: [tabular, classification]" },
      {
        key: "visibility",
        value: input.visibility,
        comment: "Defaults to the organization's visibility.",
        example: "visibility: private",
      },
      { key: "owner", value: input.owner, comment: "The owning user: a member of the organization." },
      {
        key: "team",
        value: input.team,
        comment: "The owning team: the project counts against its project quota.",
        example: "team: ml",
      },
      {
        key: "members",
        value: undefined,
        comment: "Roles here override the organization role inside this project:",
        example: "members:\n  - user: bob\n    role: admin",
      },
      {
        key: "connections",
        value: input.connections?.length ? input.connections : undefined,
        comment: "Only these organization connections may be used by this project's runs.",
        example: "connections: [s3-data]",
      },
    ],
    { modeline: modelineOf(ctx, "Project", relPath) },
  );
  const plan: Plan = {
    changes: [
      createChange(relPath, text),
      createChange(`${projectDir(org, project)}/README.md`, projectReadme(org, project, input.description)),
    ],
    notes: [],
  };
  if (newTeam !== undefined) {
    // The team the project names, in the same plan: team and project name each other.
    const teamRel = teamPath(org, newTeam);
    const teamText = buildYaml(
      "A team: members with team roles, the projects they work on, and quotas.",
      [
        { key: "name", value: newTeam },
        { key: "description", value: undefined, example: "description: What the team works on." },
        {
          key: "members",
          value: [{ user: input.owner, role: "admin" }],
          comment: "Every member must be a member of the organization.",
        },
        {
          key: "projects",
          value: [{ project, role: "member" }],
          comment: "Roles the team's members get on these projects (where higher than their own).",
        },
      ],
      { modeline: modelineOf(ctx, "Team", teamRel) },
    );
    plan.changes.push(createChange(teamRel, teamText));
    plan.notes.push(
      `created team ${org}/${newTeam} (admin ${input.owner}) because the project names it; add its other members in the file`,
    );
  }
  return succeed(plan);
}

/** The values of a new connection. */
export interface NewConnection {
  /** `org/connection`. */
  ref: string;
  kind: ConnectionKind;
  description?: string;
  tags?: string[];
  /** Kind-specific settings, e.g. `{bucket: "s3://data"}`. */
  schema?: Record<string, string>;
  /** Name of the Kubernetes secret holding the credentials (never the secret itself). */
  secret?: string;
}

/** Plan `orgs/<org>/connections/<conn>.yaml`. */
export function scaffoldConnection(ctx: ScaffoldContext, input: NewConnection): Outcome<Plan> {
  const parts = parseNameParts(input.ref, 2, "connection", "<org>/<connection>");
  if (!parts.ok) return parts;
  const [org, name] = parts.value as [string, string];
  const orgOk = requireOrg(ctx, org);
  if (!orgOk.ok) return orgOk;
  const relPath = connectionPath(org, name);
  const schema = input.schema && Object.keys(input.schema).length ? input.schema : undefined;
  const text = buildYaml(
    "A connection: how runs reach a bucket, volume, repository or registry.\nOnly the *name* of the Kubernetes secret is recorded here, never its value.",
    [
      { key: "name", value: name },
      { key: "kind", value: input.kind },
      { key: "description", value: input.description, example: "description: What the connection gives access to." },
      { key: "tags", value: input.tags?.length ? input.tags : undefined },
      {
        key: "schema",
        value: schema,
        comment: "Kind-specific settings (bucket, url, mountPath...).",
        example: 'schema: {bucket: "s3://my-bucket"}',
      },
      {
        key: "secret",
        value: input.secret === undefined ? undefined : { name: input.secret },
        example: "secret: {name: my-credentials}",
      },
    ],
    { modeline: modelineOf(ctx, "Connection", relPath) },
  );
  return succeed({ changes: [createChange(relPath, text)], notes: [] });
}

/** The values of a new project component. */
export interface NewProjectComponent {
  /** `org/project/component`. */
  ref: string;
  description?: string;
  tags?: string[];
  image: string;
  command?: string[];
}

/** Plan `orgs/<org>/projects/<p>/components/<c>.yaml`: a Polyaxon component spec. */
export function scaffoldProjectComponent(ctx: ScaffoldContext, input: NewProjectComponent): Outcome<Plan> {
  const parts = parseNameParts(input.ref, 3, "project component", "<org>/<project>/<component>");
  if (!parts.ok) return parts;
  const [org, project, name] = parts.value as [string, string, string];
  const projectOk = requireProject(ctx, org, project);
  if (!projectOk.ok) return projectOk;
  const relPath = projectComponentPath(org, project, name);
  const modeline = modelineOf(ctx, "ProjectComponent", relPath);
  const text = buildSpec({ name, image: input.image, ...optional(input), ...(modeline !== undefined && { modeline }) });
  return succeed({
    changes: [createChange(relPath, text)],
    notes: [`when it is ready to share: mlcat promote component ${input.ref} --to ${org}/${name}:1.0.0`],
  });
}

function optional(input: { description?: string; tags?: string[]; command?: string[] }): Partial<typeof input> {
  return {
    ...(input.description !== undefined && { description: input.description }),
    ...(input.tags !== undefined && { tags: input.tags }),
    ...(input.command !== undefined && { command: input.command }),
  };
}
