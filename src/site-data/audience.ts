/**
 * Who sees what. The internal audience sees the whole catalog; the public one
 * sees a copy of the catalog with every non-public entity removed and every
 * reference to one redacted from the data that is left, so no page, API file,
 * search record or sitemap entry can name, link or count it.
 */
import { stringify } from "yaml";
import { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";
import { parseRef } from "../model/refs.js";
import type {
  ComponentData,
  DataInputData,
  EvaluationData,
  ExperimentData,
  ModelData,
  ModelVersionData,
  TeamData,
  UserData,
  Visibility,
} from "../model/types.js";
import { HiddenNames } from "./hidden-names.js";
import type { Audience } from "./types.js";

/** The visibility an entity has in effect: its own, narrowed by its organization's and its parent's. */
export function effectiveVisibility(catalog: Catalog, entity: Entity): Visibility {
  if (entity.kind === "Catalog" || entity.kind === "User") return "public";
  const org = entity.org === undefined ? undefined : catalog.get("Organization", entity.org);
  const orgVisibility: Visibility = org?.data.visibility === "public" ? "public" : "private";
  if (orgVisibility === "private") return "private";
  const own = (e: Entity | undefined): Visibility => {
    const v = (e?.data as { visibility?: Visibility } | undefined)?.visibility;
    return e === undefined ? "private" : (v ?? orgVisibility);
  };
  switch (entity.kind) {
    case "Organization":
    case "Team":
    case "Connection":
      return orgVisibility;
    case "Project":
    case "Component":
    case "Model":
      return own(entity);
    case "ProjectComponent":
    case "Operation":
    case "Experiment":
      return own(catalog.get("Project", `${entity.org}/${entity.project}`));
    case "ComponentVersion":
      return own(catalog.get("Component", `${entity.org}/${entity.parent}`));
    case "ModelVersion":
      return own(catalog.get("Model", `${entity.org}/${entity.parent}`));
  }
}

/**
 * The catalog an audience sees. `internal`: the catalog itself. `public`: a
 * new catalog of the public entities (and the users with a public presence),
 * their data redacted of references to anything left out.
 */
export function selectAudience(catalog: Catalog, audience: Audience): Catalog {
  if (audience === "internal") return catalog;
  const { view, hidden } = publicView(catalog);
  const out = new Catalog(catalog.root);
  for (const e of view.entities()) out.add(redactEntity(e, view, hidden));
  return out;
}

/** The public entities and users of `catalog` (unredacted), and the names of everything left out. */
function publicView(catalog: Catalog): { view: Catalog; hidden: HiddenNames } {
  const kept = catalog.entities().filter((e) => e.kind !== "User" && effectiveVisibility(catalog, e) === "public");
  const view = new Catalog(catalog.root, kept);
  const present = publicUsers(view);
  for (const user of catalog.all("User")) if (present.has(user.key)) view.add(user);
  // What names something public is no secret, even where something private shares it.
  const shown = new Set<string>();
  for (const e of view.entities()) {
    shown.add(e.name.toLowerCase());
    shown.add(e.key.toLowerCase());
    const login = e.kind === "User" ? (e.data as UserData).github?.login : undefined;
    if (login) shown.add(login.toLowerCase());
  }
  const names: string[] = [];
  for (const org of catalog.all("Organization")) if (!view.has("Organization", org.key)) names.push(org.name);
  for (const kind of ["Project", "Component", "Model"] as const) {
    for (const e of catalog.all(kind)) if (!view.has(kind, e.key)) names.push(e.key);
  }
  for (const user of catalog.all("User")) {
    if (view.has("User", user.key)) continue;
    names.push(user.name);
    const login = (user.data as UserData).github?.login;
    if (login) names.push(login);
  }
  return { view, hidden: new HiddenNames(names.filter((n) => !shown.has(n.toLowerCase()))) };
}

/**
 * What a public site must not contain: private organizations, the `org/name` of
 * private projects, components and models in public ones, and the usernames and
 * GitHub logins of users with no public presence (less names that also name
 * something public). The public audience redacts them from all text it keeps;
 * the build's leak scan looks for them in every file it writes.
 */
export function hiddenNames(catalog: Catalog): HiddenNames {
  return publicView(catalog).hidden;
}

/** Users who appear in public entities: catalog admins, members of public organizations, owners of public things. */
function publicUsers(view: Catalog): Set<string> {
  const users = new Set<string>(view.settings()?.admins ?? []);
  for (const org of view.all("Organization")) for (const m of org.data.members ?? []) users.add(m.user);
  for (const kind of ["Project", "Component", "Model"] as const) {
    for (const e of view.all(kind)) {
      const d = e.data as { owner?: string; maintainers?: string[] };
      if (d.owner) users.add(d.owner);
      for (const m of d.maintainers ?? []) users.add(m);
    }
  }
  return users;
}

/** A copy of `entity` whose data and README name nothing missing from `view`. */
function redactEntity(entity: Entity, view: Catalog, hidden: HiddenNames): Entity {
  const data = structuredClone(entity.data) as unknown as Record<string, unknown>;
  const org = entity.org ?? "";
  const person = (name: unknown) => typeof name === "string" && view.has("User", name);
  switch (entity.kind) {
    case "User":
      delete data.email;
      break;
    case "Team": {
      const d = data as unknown as TeamData;
      if (d.projects) d.projects = d.projects.filter((p) => view.has("Project", `${org}/${p.project}`));
      break;
    }
    case "Component": {
      const d = data as unknown as ComponentData;
      for (const r of d.releases ?? []) {
        if (r.source && !projectVisible(view, org, r.source.project)) delete r.source;
        // A replacement is a tag of this component or another component's version: a reference like any other.
        const replacement = r.deprecated?.replacement;
        if (
          replacement !== undefined &&
          !view.has("ComponentVersion", replacement.includes(":") ? replacement : `${entity.key}:${replacement}`)
        )
          delete r.deprecated!.replacement;
      }
      break;
    }
    case "Model": {
      // A base model in the catalog is a reference like any other; a Hugging Face id or URL names nothing of it.
      const d = data as unknown as ModelData;
      const base = d.baseModel !== undefined ? parseRef(d.baseModel) : undefined;
      if (base?.tag !== undefined && !view.has("ModelVersion", d.baseModel!)) delete d.baseModel;
      break;
    }
    case "Experiment": {
      const d = data as unknown as ExperimentData;
      if (!componentRefVisible(view, org, entity.project, d.component)) delete (d as Partial<ExperimentData>).component;
      if (d.createdBy !== undefined && !person(d.createdBy)) delete d.createdBy;
      redactRuns(view, org, d.evaluation, d.inputs);
      break;
    }
    case "ModelVersion": {
      const d = data as unknown as ModelVersionData;
      if (d.createdBy !== undefined && !person(d.createdBy)) delete d.createdBy;
      // The history keeps its entries (stages and dates are the model's); who moved it is left out when not public.
      for (const entry of d.stageHistory ?? []) if (!person(entry.by)) delete (entry as Partial<typeof entry>).by;
      const lineage = d.lineage;
      if (lineage) {
        const project = lineage.project;
        if (project !== undefined && !projectVisible(view, org, project)) {
          delete lineage.project;
          delete lineage.experiment;
        }
        const projectName = lineage.project?.includes("/") ? lineage.project.split("/")[1] : lineage.project;
        if (lineage.component !== undefined && !componentRefVisible(view, org, projectName, lineage.component))
          delete lineage.component;
      }
      // A serving component left out takes its params with it (they are its inputs).
      if (d.serving && !componentRefVisible(view, org, undefined, d.serving.component)) delete d.serving;
      redactRuns(view, org, d.evaluation, d.lineage?.inputs);
      break;
    }
    default:
      break;
  }
  redactHubRefs(data, view);
  // Free text too (descriptions, notes, reasons, READMEs): a private name typed into it is replaced.
  const redacted = hidden.empty ? data : (redactStrings(data, hidden) as Record<string, unknown>);
  // The source text is rewritten from the redacted data: comments and refs in the original may name what was left out.
  const text = stringify(redacted, { lineWidth: 0 });
  const readme =
    entity.readme && !hidden.empty ? { ...entity.readme, text: hidden.redact(entity.readme.text) } : entity.readme;
  return {
    ...entity,
    data: redacted as unknown as Entity["data"],
    source: { ...entity.source, text },
    ...(readme && { readme }),
  };
}

/** Evaluation results and data inputs keep their data, not the runs (`<project>/<experiment>`) of projects left out. */
function redactRuns(
  view: Catalog,
  org: string,
  evaluation: EvaluationData[] | undefined,
  inputs: DataInputData[] | undefined,
): void {
  const hiddenRun = (run: string | undefined) => run !== undefined && !projectVisible(view, org, run.split("/")[0]!);
  for (const result of evaluation ?? []) if (hiddenRun(result.experiment)) delete result.experiment;
  for (const input of inputs ?? []) {
    if (!hiddenRun(input.experiment)) continue;
    delete input.experiment;
    delete input.artifact;
  }
}

/** `value` with every string in it (not the keys) redacted of `hidden`. */
function redactStrings(value: unknown, hidden: HiddenNames): unknown {
  if (typeof value === "string") return hidden.redact(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, hidden));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactStrings(v, hidden);
  return out;
}

function projectVisible(view: Catalog, org: string, project: string): boolean {
  return view.has("Project", project.includes("/") ? project : `${org}/${project}`);
}

/** Whether a component reference (`org/name:tag` or a project component's name) points at something kept. */
export function componentRefVisible(
  view: Catalog,
  org: string,
  project: string | undefined,
  ref: string | undefined,
): boolean {
  if (ref === undefined) return true;
  const parsed = parseRef(ref);
  if (parsed)
    return parsed.tag === undefined
      ? view.has("Component", `${parsed.org}/${parsed.name}`)
      : view.has("ComponentVersion", ref);
  return project !== undefined && view.has("ProjectComponent", `${org}/${project}/${ref}`);
}

/** Remove every `hubRef` (Polyaxon DAG operations) that points to a component left out. */
function redactHubRefs(value: unknown, view: Catalog): void {
  if (Array.isArray(value)) {
    for (const v of value) redactHubRefs(v, view);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (k === "hubRef" && typeof v === "string") {
      const ref = parseRef(v);
      const key = ref ? `${ref.org}/${ref.name}` : "";
      if (!view.has("Component", key)) delete obj[k];
    } else redactHubRefs(v, view);
  }
}

/** Kinds that carry their own `visibility`. */
export const VISIBILITY_KINDS: readonly Kind[] = ["Organization", "Project", "Component", "Model"];
