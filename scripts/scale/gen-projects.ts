/** Synthetic projects (access, connections, README), their own components, and experiments (run records). */
import { entityFolder, entityPath } from "../../dist/model/kinds.js";
import { dataYaml } from "../../dist/yaml-writer/build.js";
import {
  isoTime,
  type GenContext,
  type GenComponent,
  type GenExperiment,
  type GenOrg,
  type GenProject,
} from "./gen-context.ts";
import { inputsOf, paramsFor, specYaml } from "./gen-specs.ts";
import { NamePool } from "./name-pool.ts";
import { COMPONENT_ACTIONS, DOMAINS, EXPERIMENT_WORDS, SENTENCES, TAG_VOCABULARY } from "./words.ts";

/** Make one project of `org` with `componentCount` project components; records one event for it. */
export function generateProject(ctx: GenContext, org: GenOrg, pool: NamePool, componentCount: number): GenProject {
  const { random } = ctx;
  const members = ctx.membersOf(org);
  const name = pool.take(
    `${random.pick(DOMAINS)}-${random.pick(["detection", "forecasting", "ranking", "scoring", "insights", "models", "pipeline", "research"])}`,
  );
  const owner = random.pick(members);
  const team = random.chance(0.85) ? random.pick(org.teams) : undefined;
  if (team) org.owned.get(team)!.projects++;
  const project: GenProject = {
    org: org.name,
    name,
    ...(team !== undefined && { team }),
    components: [],
    experiments: [],
  };
  const dir = entityFolder("Project", { org: org.name, project: name });
  const otherTeams = random.sample(
    org.teams.filter((t) => t !== team),
    random.int(0, 2),
  );
  const others = random.sample(
    members.filter((m) => m !== owner),
    random.int(0, 3),
  );
  const files: Record<string, string> = {
    [entityPath("Project", { org: org.name, project: name })]: dataYaml(
      {
        name,
        description: `${cap(name.replace(/-/g, " "))}. ${random.pick(SENTENCES)}`,
        tags: random.sample(TAG_VOCABULARY, random.int(1, 3)),
        ...(random.chance(0.3) && { visibility: "private" }),
        owner,
        ...(team !== undefined && { team }),
        ...(otherTeams.length > 0 && {
          teams: otherTeams.map((t) => ({ team: t, role: random.pick(["viewer", "member"] as const) })),
        }),
        ...(others.length > 0 && {
          members: others.map((user) => ({ user, role: random.pick(["admin", "member", "viewer"] as const) })),
        }),
        connections: [org.connections.data, org.connections.artifacts, org.connections.repo],
      },
      ["A project groups experiments, project components and the models they produce."],
    ),
  };
  if (random.chance(0.7))
    files[`${dir}/README.md`] =
      `# ${name}\n\n${random.pick(SENTENCES)}\n\n## Data\n\nReads from \`${org.connections.data}\`.\n`;
  const componentPool = new NamePool();
  for (let i = 0; i < componentCount; i++) {
    const cname = componentPool.take(`${random.pick(COMPONENT_ACTIONS)}-step`);
    const inputs = inputsOf(random.int(0, 3), random.int(0, 11));
    const component: GenComponent = { org: org.name, name: cname, versions: [], inputs: new Map([["", inputs]]) };
    files[entityPath("ProjectComponent", { org: org.name, project: name, name: cname })] = specYaml({
      name: cname,
      description: `The ${name} project's own ${cname.replace(/-/g, " ")}.`,
      tags: random.sample(TAG_VOCABULARY, 1),
      inputs,
      image: `ghcr.io/${org.name}/${name}:${random.hex(7)}`,
      module: `projects.${name.replace(/-/g, "_")}.${cname.replace(/-/g, "_")}`,
    });
    project.components.push(component);
  }
  ctx.tick();
  ctx.emit(owner, `Add project ${org.name}/${name}`, files);
  org.projects.push(project);
  return project;
}

const STATUSES = ["succeeded", "succeeded", "succeeded", "succeeded", "failed", "stopped", "running"] as const;

/** Make `count` experiments in `project`, a few per event (a batch of runs recorded together). */
export function generateExperiments(ctx: GenContext, org: GenOrg, project: GenProject, count: number): void {
  const { random } = ctx;
  const pool = new NamePool();
  const members = ctx.membersOf(org);
  let batch: Record<string, string> = {};
  let author = random.pick(members);
  for (let i = 0; i < count; i++) {
    const useHub = org.components.length > 0 && (project.components.length === 0 || random.chance(0.75));
    let ref: string;
    let inputs;
    if (useHub) {
      const c = random.pick(org.components);
      const tag = random.pick(c.versions);
      ref = `${org.name}/${c.name}:${tag}`;
      inputs = c.inputs.get(tag)!;
    } else {
      const c = random.pick(project.components);
      ref = c.name;
      inputs = c.inputs.get("")!;
    }
    const name = pool.take(`${random.pick(EXPERIMENT_WORDS)}-${random.pick(EXPERIMENT_WORDS)}`);
    const at = ctx.tick();
    const status = random.pick(STATUSES);
    const params = paramsFor(
      inputs,
      random,
      `s3://${org.name}-datalake/${project.name}/${random.pick(["v6", "v7", "v8"])}/`,
    );
    const metrics =
      status !== "running"
        ? { auc: random.float(0.6, 0.99), loss: random.float(0.05, 0.7), best_iteration: random.int(10, 900) }
        : undefined;
    const commit = random.hex(40);
    const experiment: GenExperiment = { name, component: ref, params, at, status, commit };
    project.experiments.push(experiment);
    batch[entityPath("Experiment", { org: org.name, project: project.name, name })] = dataYaml({
      name,
      description: `${cap(name.replace(/-/g, " "))} run of ${project.name}.`,
      component: ref,
      params,
      ...(metrics && { metrics }),
      ...(status === "succeeded" && {
        artifacts: [
          {
            name: "model",
            uri: `s3://${org.name}-ml-artifacts/${project.name}/${name}/model.bin`,
            kind: "model",
            connection: org.connections.artifacts,
          },
        ],
      }),
      code: { repo: `https://github.com/${org.name}/ml-monorepo`, commit, branch: "main" },
      status,
      startedAt: isoTime(at - random.int(30, 600) * 60_000),
      ...(status !== "running" && { finishedAt: isoTime(at) }),
      createdBy: author,
      ...(random.chance(0.3) && { tags: random.sample(TAG_VOCABULARY, 1) }),
    });
    // The project's first run is also kept as an operation file, to run again as it was.
    if (i === 0)
      batch[entityPath("Operation", { org: org.name, project: project.name, name: `${name}-again` })] = operationOf(
        `${name}-again`,
        ref,
        params,
      );
    if (i === count - 1 || random.chance(0.35)) {
      ctx.emit(
        author,
        `Record ${Object.keys(batch).length} run${Object.keys(batch).length === 1 ? "" : "s"} of ${org.name}/${project.name}`,
        batch,
      );
      batch = {};
      author = random.pick(members);
    }
  }
}

/** A Polyaxon operation running `ref` (a hub version `org/name:tag`, or a project component's name) with `params`. */
function operationOf(name: string, ref: string, params: Record<string, unknown>): string {
  const component = ref.includes("/") ? { hubRef: ref } : { pathRef: `../components/${ref}.yaml` };
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { value: v }]));
  return dataYaml({ version: 1.1, kind: "operation", name, ...component, params: values });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
