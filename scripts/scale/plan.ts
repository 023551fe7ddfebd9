/** How many entities of each kind a synthetic catalog of about N entities has. */

/** Entity counts beyond the people: what the remaining budget is split into. */
export interface WorkCounts {
  projects: number;
  projectComponents: number;
  experiments: number;
  components: number;
  componentVersions: number;
  models: number;
  modelVersions: number;
}

/** Organizations for `entities` entities: about one per thousand. */
export function planOrgs(entities: number): number {
  return Math.max(1, Math.round(entities / 1000));
}

/** Users for `entities` entities: about 6 %. */
export function planUsers(entities: number): number {
  return Math.max(2, Math.round(entities * 0.06));
}

/**
 * Split `budget` entities (what remains after the catalog file, users,
 * organizations, teams and connections) into projects, experiments, hub
 * components and models with their versions. The counts add up to `budget`
 * exactly when it is at least 7 (one of each); below that, to 7.
 */
export function planWork(budget: number): WorkCounts {
  const r = Math.max(7, budget);
  const projects = Math.max(1, Math.round(r * 0.04));
  const projectComponents = Math.max(1, Math.round(r * 0.015));
  const components = Math.max(1, Math.round(r * 0.05));
  const componentVersions = Math.max(components, Math.round(r * 0.17));
  const models = Math.max(1, Math.round(r * 0.05));
  const modelVersions = Math.max(models, Math.round(r * 0.25));
  const experiments = Math.max(
    1,
    r - projects - projectComponents - components - componentVersions - models - modelVersions,
  );
  return { projects, projectComponents, experiments, components, componentVersions, models, modelVersions };
}

/** Split `total` items over `slots` slots, each getting at least `min`, the rest at random. */
export function spread(total: number, slots: number, min: number, next: () => number): number[] {
  const out = Array.from({ length: slots }, () => min);
  for (let left = total - min * slots; left > 0; left--) out[Math.floor(next() * slots)]!++;
  return out;
}
