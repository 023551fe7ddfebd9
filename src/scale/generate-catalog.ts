/**
 * A deterministic, realistic synthetic catalog of about N entities: users,
 * organizations, teams, connections, projects with their components and
 * experiments, hub components with several versions, registry models with
 * versions in every stage, READMEs; valid under mlcat, with a known number
 * of defects on request. The same options always give the same bytes.
 */
import { emitYaml } from "./emit-yaml.js";
import { GenContext, type GenEvent, type GenUser } from "./gen-context.js";
import { generateComponent } from "./gen-hub.js";
import { generateOrgs, generateUsers, organizationFile, teamFiles } from "./gen-people.js";
import { generateExperiments, generateProject } from "./gen-projects.js";
import { generateModel, type Promotion } from "./gen-registry.js";
import { sprinkleDefects, type Defect } from "./defects.js";
import { NamePool } from "./name-pool.js";
import { planOrgs, planUsers, planWork, spread } from "./plan.js";
import { Random } from "./random.js";
import { TAG_VOCABULARY } from "./words.js";

/** What to generate. */
export interface GenerateOptions {
  /** About how many entities (files that are catalog entities, READMEs not counted). */
  entities: number;
  /** Seed of the randomness (default 1). */
  seed?: number;
  /** How many defects to sprinkle, each causing exactly one error (default 0). */
  defects?: number;
}

/** A generated catalog: the final files and the events that wrote them, oldest first. */
export interface GeneratedCatalog {
  /** Catalog-relative path -> text, in path order. */
  files: Map<string, string>;
  events: GenEvent[];
  users: GenUser[];
  defects: Defect[];
}

const START = Date.parse("2024-01-08T09:00:00Z");
const END = Date.parse("2026-06-30T17:00:00Z");

/** Generate a catalog. */
export function generateCatalog(options: GenerateOptions): GeneratedCatalog {
  const entities = Math.max(20, Math.floor(options.entities));
  const random = new Random(options.seed ?? 1);
  const ctx = new GenContext(random, { start: START, end: END, expectedEvents: Math.round(entities * 0.75) });

  const foundation: Record<string, string> = {};
  Object.assign(foundation, generateUsers(ctx, planUsers(entities)));
  foundation["catalog.yaml"] = catalogFile(ctx.users);
  Object.assign(foundation, generateOrgs(ctx, planOrgs(entities)));
  ctx.emit(ctx.users[0]!.name, "Start the catalog: users, organizations, teams and connections", foundation);

  const people = Object.keys(foundation).filter((p) => !p.endsWith("README.md")).length;
  const work = planWork(entities - people);
  const orgs = ctx.orgs;
  const next = () => random.next();

  const componentsPerOrg = spread(work.components, orgs.length, work.components >= orgs.length ? 1 : 0, next);
  const versionsPerComponent = spread(work.componentVersions, work.components, 1, next);
  const projectsPerOrg = spread(work.projects, orgs.length, work.projects >= orgs.length ? 1 : 0, next);
  const componentsPerProject = spread(work.projectComponents, work.projects, 0, next);
  const experimentsPerProject = spread(work.experiments, work.projects, 0, next);
  const modelsPerOrg = spread(work.models, orgs.length, work.models >= orgs.length ? 1 : 0, next);
  const versionsPerModel = spread(work.modelVersions, work.models, 1, next);

  let c = 0;
  orgs.forEach((org, o) => {
    const pool = new NamePool();
    for (let i = 0; i < componentsPerOrg[o]!; i++) generateComponent(ctx, org, pool, versionsPerComponent[c++]!);
  });
  let p = 0;
  const projects = orgs.flatMap((org, o) => {
    const pool = new NamePool();
    return Array.from({ length: projectsPerOrg[o]! }, () => {
      const i = p++;
      const ownComponents =
        componentsPerProject[i]! + (org.components.length === 0 && componentsPerProject[i] === 0 ? 1 : 0);
      return { org, project: generateProject(ctx, org, pool, ownComponents), experiments: experimentsPerProject[i]! };
    });
  });
  for (const { org, project, experiments } of random.shuffle(projects))
    generateExperiments(ctx, org, project, experiments);
  // A version's promotion is written once the clock has passed it: registrations and promotions interleave.
  let pending: Promotion[] = [];
  const flush = (all: boolean) => {
    pending.sort((a, b) => a.at - b.at || (a.path < b.path ? -1 : 1));
    while (pending.length > 0 && (all || pending[0]!.at <= ctx.time)) {
      const promotion = pending.shift()!;
      ctx.tick();
      ctx.emit(promotion.author, promotion.message, { [promotion.path]: promotion.text });
    }
  };
  let m = 0;
  orgs.forEach((org, o) => {
    const pool = new NamePool();
    for (let i = 0; i < modelsPerOrg[o]!; i++) {
      pending = [...pending, ...generateModel(ctx, org, pool, versionsPerModel[m++]!)];
      flush(false);
    }
  });
  flush(true);
  for (const org of orgs) {
    ctx.tick();
    const owner = ctx.membersOf(org, ["owner"])[0] ?? ctx.users[0]!.name;
    ctx.emit(owner, `Set the quotas and project access of ${org.name}'s teams`, {
      [`orgs/${org.name}/organization.yaml`]: organizationFile(ctx, org, true),
      ...teamFiles(ctx, org, true),
    });
  }

  const files = new Map<string, string>();
  for (const event of ctx.events) for (const [path, text] of Object.entries(event.files)) files.set(path, text);
  let defects: Defect[] = [];
  if ((options.defects ?? 0) > 0) {
    const sprinkled = sprinkleDefects(files, options.defects!, random.fork());
    defects = sprinkled.defects;
    ctx.tick();
    ctx.emit(
      ctx.users[ctx.users.length - 1]!.name,
      `Edit ${defects.length} files (with known defects)`,
      sprinkled.edited,
    );
  }
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, events: ctx.events, users: ctx.users, defects };
}

function catalogFile(users: readonly GenUser[]): string {
  return emitYaml(
    {
      title: "Synthetic ML Catalog",
      description: "A generated catalog for benchmarks: realistic shapes, fictional people.",
      siteUrl: "https://catalog.example.com",
      repository: { url: "https://github.com/example/ml-catalog", branch: "main" },
      admins: users.slice(0, 2).map((u) => u.name),
      vocabularies: { tags: [...TAG_VOCABULARY], licenses: "spdx" },
      policy: {
        maxChangedFiles: 500,
        productionApprovers: "registry-admins",
        requireStageReason: true,
        productionAliases: ["champion", "production"],
        stages: {
          staging: { require: ["checksums", "flavor"] },
          production: { require: ["checksums", "flavor", "signature", "evaluation", "inputExample"] },
        },
      },
    },
    ["The catalog's settings. Generated by scripts/gen-catalog.ts: deterministic for a given seed."],
  );
}
