/**
 * The search index's records, made from the site data the pages are made
 * from (not by reading the rendered pages again): one per entity page, with
 * what the page says in words (names, descriptions, READMEs, inputs,
 * versions, who and what it links to) as sentences, so excerpts read well.
 * Like the pages' own index markup they leave out source YAML, snippets,
 * history, dates and metric values: words nobody searches for, which made
 * most of the index's distinct entries and of Pagefind's time.
 */
import {
  recordHtml,
  fact,
  joined,
  listFact,
  type SearchRecord,
  type SearchRecordSpec,
  type SearchSection,
} from "./search-html.js";
import { versionAnchor } from "./anchors.js";
import type {
  ArtifactRow,
  ComponentPage,
  ComponentVersionPage,
  ConnectionPage,
  ExperimentPage,
  IoRow,
  Link,
  EvaluationRow,
  FlavorView,
  ModelPage,
  ModelVersionPage,
  ReproduceView,
  ServingView,
  NameValue,
  OrgPage,
  OperationPage,
  ProjectComponentPage,
  ProjectPage,
  SiteData,
  TeamPage,
  UserPage,
  UserRef,
} from "./types.js";

/**
 * How much a version's words count against its component's or model's own: the entity is found through
 * a version's words, and ranks by its own.
 */
export const VERSION_WEIGHT = 0.5;

/** What parts a line's facts (`Owner: Alice · Team: ml`). */
const PART = " · ";

/** Every fact a record's lines state, each line's parts apart: what a version's section need not say again. */
function factsOf(spec: SearchRecordSpec): Set<string> {
  const lines = [...spec.lead, ...spec.sections.flatMap((s) => s.lines ?? [])];
  return new Set(lines.flatMap((l) => (l ? [l, ...l.split(PART)] : [])));
}

/** The lines, each without the parts `seen` holds (a line left with none is left out). */
function unseen(seen: ReadonlySet<string>, lines: ReadonlyArray<string | undefined | false>): string[] {
  return lines.flatMap((l) => {
    if (!l || seen.has(l)) return [];
    const rest = joined(l.split(PART).filter((part) => !seen.has(part)));
    return rest ? [rest] : [];
  });
}

/** The entity's record with a section for each of its versions (their pages have no record of their own). */
function withVersions<V>(
  spec: SearchRecordSpec,
  versions: readonly V[],
  section: (version: V, seen: ReadonlySet<string>) => SearchSection,
): SearchRecordSpec {
  const seen = factsOf(spec);
  return { ...spec, sections: [...spec.sections, ...versions.map((v) => section(v, seen))] };
}

const labels = (links: readonly Link[]) => links.map((l) => l.label);
/** A person as member tables show them: their name, and the GitHub login to request review from. */
const person = (u: UserRef | undefined) =>
  u ? joined([u.label, u.login ? `@${u.login}` : undefined], " ") : undefined;

/** A value worth indexing: words, not a number (metric values, sizes, counts only add distinct entries). */
function wordy(value: string | undefined): string | undefined {
  return value === undefined || /^[-+]?[\d.,:eE+-]*$/.test(value.trim()) ? undefined : value;
}

/** An inputs or outputs row as one sentence: `lr (float, optional, default 0.01): Learning rate.`. */
function ioLine(r: IoRow): string {
  const type = r.list ? `List[${r.type}]` : r.type;
  const traits = joined(
    [
      type,
      r.flag && "flag",
      r.optional ? "optional" : "required",
      r.default !== undefined && wordy(r.default) && `default ${r.default}`,
    ],
    ", ",
  );
  const extra = joined([r.connection && `connection ${r.connection}`, r.toEnv && `env ${r.toEnv}`], ", ");
  return `${r.name} (${traits})${r.description ? `: ${r.description}` : ""}${extra ? ` (${extra})` : ""}`;
}

function artifactLine(a: ArtifactRow): string {
  return joined([a.name, a.kind, a.uri, a.connection && `connection ${a.connection.label}`], " · ");
}

function nameValueLine(r: NameValue): string {
  return wordy(r.value) ? `${r.name}: ${r.value}` : r.name;
}

/**
 * Parameters as sentences: one with words for a value says it (`optimizer: adam`); those with
 * numbers (left out, see wordy) are named in one list (`Parameters: max_depth, learning_rate`),
 * not as a run of bare keys.
 */
function paramLines(params: readonly NameValue[]): string[] {
  const worded = params.filter((r) => wordy(r.value)).map(nameValueLine);
  const named = listFact(
    "Parameters",
    params.filter((r) => !wordy(r.value)).map((r) => r.name),
  );
  return named ? [...worded, named] : worded;
}

/** A commit as pages show it: a full hash shortened to its first 7 characters (a 40-character word breaks a phone's line). */
function shortCommit(commit: string | undefined): string | undefined {
  return commit !== undefined && /^[0-9a-f]{40}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

/** What a flavor says (its load snippet is code, left out like every code block). */
function flavorLine(f: FlavorView): string {
  return joined(
    [
      f.name,
      f.format,
      joined([f.framework, f.frameworkVersion], " "),
      `artifact ${f.artifact}`,
      f.uri,
      listFact("Requirements", f.requirements),
      f.image && `image ${f.image}`,
    ],
    " · ",
  );
}

/** How to load a version: its flavors, and what serves it with which params. */
function deployLines(flavors: readonly FlavorView[], serving: ServingView | undefined): string[] {
  return [
    ...flavors.map(flavorLine),
    ...(serving ? [`Served by ${serving.component}`, ...paramLines(serving.params)] : []),
  ];
}

/** The reproduce command, and what is missing when there is nothing to run. */
function reproduceLines(r: ReproduceView): string[] {
  return r.ok ? [r.cli, r.command] : [r.cli, ...r.missing];
}

function evaluationLine(e: Omit<EvaluationRow, "value">): string {
  return joined([e.task, e.dataset, e.datasetVersion, e.split, e.metric, e.experiment?.label], " · ");
}

const aliasWords = (aliases: readonly string[]) => aliases.map((a) => `@${a}`);

function componentRecord(p: ComponentPage): SearchRecordSpec {
  const cur = p.current;
  return {
    url: p.url,
    title: p.key,
    filters: {
      kind: "Component",
      organization: p.org,
      tags: p.tags,
      stages: [p.stage, ...p.releases.map((r) => r.stage)].filter((st) => st !== undefined),
    },
    names: [p.key, p.name],
    lead: [
      joined(["Hub component", p.stage, p.visibility === "private" && "private"], " · "),
      p.description,
      joined([
        fact("Owner", person(p.owner)),
        fact("Team", p.team?.label),
        fact("Version", cur?.tag),
        fact("Run kind", cur?.runKind),
      ]),
      listFact("Tags", p.tags),
      joined([
        fact("Organization", p.organization.label),
        listFact(
          "Maintainers",
          p.maintainers.map((m) => person(m) ?? ""),
        ),
        fact("Image", cur?.image),
      ]),
    ],
    sections: [
      { id: "readme-title", heading: "README", ...(p.readmeHtml !== undefined && { html: p.readmeHtml }) },
      ...(cur ? specSections(cur, "component") : []),
      {
        id: "used-title",
        heading: "Used by",
        lines: [
          listFact("Projects", labels(p.usedBy.projects)),
          listFact("Experiments", labels(p.usedBy.experiments)),
          listFact("Model versions", labels(p.usedBy.models)),
        ],
      },
    ],
  };
}

function specSections(spec: { inputs: IoRow[]; outputs: IoRow[] }, prefix: string) {
  return [
    { id: `${prefix}-inputs`, heading: "Inputs", lines: spec.inputs.map(ioLine) },
    { id: `${prefix}-outputs`, heading: "Outputs", lines: spec.outputs.map(ioLine) },
  ];
}

/**
 * What a component version's page says beyond its component's: its stage, notes, deprecation, and
 * its description, image, inputs, outputs and users where they differ (`seen` holds the lines the
 * entity's own record says; each version is compared with those alone, not with other versions).
 */
function componentVersionSection(p: ComponentVersionPage, seen: ReadonlySet<string>): SearchSection {
  const r = p.release;
  return {
    id: versionAnchor(p.tag),
    heading: joined([`Version ${p.tag}`, r?.stage, r?.mutable && "mutable tag", r?.deprecated && "deprecated"], " · "),
    weight: VERSION_WEIGHT,
    named: true,
    lines: unseen(seen, [
      p.description,
      joined([fact("Run kind", p.runKind), fact("Image", p.image)]),
      r?.deprecated &&
        `Deprecated: ${r.deprecated.reason}${r.deprecated.replacement ? ` Use ${r.deprecated.replacement.label} instead.` : ""}`,
      r?.notes && `Release notes: ${r.notes}`,
      listFact("Used by experiments", labels(p.usedBy.experiments)),
      listFact("Used by model versions", labels(p.usedBy.models)),
    ]).concat(
      // An input or output the component's current version has too is said there, once.
      unseen(seen, p.inputs.map(ioLine)).map((l) => `Input ${l}`),
      unseen(seen, p.outputs.map(ioLine)).map((l) => `Output ${l}`),
    ),
  };
}

function modelRecord(p: ModelPage): SearchRecordSpec {
  return {
    url: p.url,
    title: p.key,
    filters: { kind: "Model", organization: p.org, tags: p.tags, stages: p.stages },
    names: [p.key, p.name],
    lead: [
      joined(["Registered model", p.stage, p.visibility === "private" && "private"], " · "),
      p.description,
      listFact(
        "Aliases",
        p.aliases.map((a) => `@${a.name} ${a.tag}`),
      ),
      fact("Base model", p.baseModel?.text),
      listFact("Datasets", p.datasets),
      joined([
        fact("Owner", person(p.owner)),
        fact("Team", p.team?.label),
        fact("Task", p.task),
        fact("Framework", p.framework),
        fact("License", p.license),
      ]),
      listFact("Tags", p.tags),
      fact("Organization", p.organization.label),
    ],
    sections: [
      {
        id: "use-title",
        heading: "Use this model",
        lines: p.use.flatMap((e) => [
          joined([e.version.tag, e.version.stage, ...aliasWords(e.version.aliases)], " · "),
          ...e.artifacts.map(artifactLine),
          ...deployLines(e.flavors, e.serving),
          ...reproduceLines(e.reproduce),
        ]),
      },
      { id: "versions-title", heading: "Versions", lines: [listFact("Metrics", p.metricNames)] },
      ...(p.evaluation.rows.length > 0
        ? [
            {
              id: "evaluation-title",
              heading: "Evaluation across versions",
              lines: p.evaluation.rows.map(evaluationLine),
            },
          ]
        : []),
      { id: "card-title", heading: "Model card", ...(p.cardHtml !== undefined && { html: p.cardHtml }) },
    ],
  };
}

/**
 * What a model version's page says beyond its model's: its tags, lineage, metrics' names, how to
 * reproduce and load it, evaluation, params, artifacts, signature and stage history (`seen` as above).
 */
function modelVersionSection(p: ModelVersionPage, seen: ReadonlySet<string>): SearchSection {
  const l = p.lineage;
  return {
    id: versionAnchor(p.tag),
    heading: joined([`Version ${p.tag}`, p.stage, ...aliasWords(p.aliases)], " · "),
    weight: VERSION_WEIGHT,
    named: true,
    lines: unseen(seen, [
      listFact("Tags", p.tags),
      p.description,
      fact("By", person(p.createdBy)),
      joined([
        fact("Project", l.project?.label),
        fact("Experiment", l.experiment?.label),
        fact("Component", l.component?.label ?? l.componentText),
      ]),
      l.code && joined([fact("Commit", shortCommit(l.code.commit)), fact("Repository", l.code.repo)]),
      listFact("Metrics", Object.keys(p.metrics)),
      ...reproduceLines(p.reproduce),
      ...deployLines(p.flavors, p.serving),
      ...p.evaluation.map(evaluationLine),
      p.inputExample && "artifact" in p.inputExample ? `Input example: artifact ${p.inputExample.artifact}` : undefined,
      listFact("Parameters", l.params.map(nameValueLine)),
      ...p.artifacts.map(artifactLine),
      listFact(
        "Signature inputs",
        p.signature.inputs.map((s) => `${s.name} ${s.value}`),
      ),
      listFact(
        "Signature outputs",
        p.signature.outputs.map((s) => `${s.name} ${s.value}`),
      ),
      ...p.stageHistory.map((s) => joined([`Stage ${s.stage}`, person(s.by), s.reason], " · ")),
    ]),
  };
}

function orgRecord(p: OrgPage): SearchRecordSpec {
  return {
    url: p.url,
    title: p.displayName,
    filters: { kind: "Organization", organization: p.name },
    names: [p.displayName, p.name],
    lead: ["Organization", p.name, p.description, p.website, p.visibility === "private" ? "private" : undefined],
    sections: [
      {
        id: "projects-title",
        heading: "Projects",
        lines: p.projects.map((x) => joined([x.name, x.description, fact("Owner", person(x.owner))], " · ")),
      },
      { id: "members-title", heading: "Members", lines: p.members.map((m) => joined([person(m.user), m.role], " · ")) },
      {
        id: "teams-title",
        heading: "Teams",
        lines: [
          ...p.teams.map((t) => joined([t.name, t.description], " · ")),
          ...p.delegations.map((d) => `Delegated management of ${d.area}: ${d.to.map((u) => person(u)).join(", ")}`),
          listFact(
            "Quotas",
            p.quotas.map((q) => q.what),
          ),
        ],
      },
      {
        id: "perm-title",
        heading: "Permissions",
        lines: p.matrix.actions.map((a) => `${a.label} (${a.lowest} and above)`),
      },
      {
        id: "conn-title",
        heading: "Connections",
        lines: p.connections.map((c) => joined([c.name, c.kind, c.description], " · ")),
      },
    ],
  };
}

function teamRecord(p: TeamPage): SearchRecordSpec {
  return {
    url: p.url,
    title: `${p.name} · ${p.org}`,
    filters: { kind: "Team", organization: p.org },
    names: [p.name, p.key],
    lead: ["Team", p.description, fact("Organization", p.organization.label)],
    sections: [
      { id: "members-title", heading: "Members", lines: p.members.map((m) => joined([person(m.user), m.role], " · ")) },
      {
        id: "quota-title",
        heading: "Quotas and usage",
        lines: [
          listFact(
            "Quotas",
            p.quotas.map((q) => q.what),
          ),
        ],
      },
      { id: "projects-title", heading: "Project roles", lines: p.projects.map((x) => `${x.project.label}: ${x.role}`) },
      {
        id: "named-title",
        heading: "Named by",
        lines: [
          listFact("Projects", labels(p.namedBy.projects)),
          listFact("Components", labels(p.namedBy.components)),
          listFact("Models", labels(p.namedBy.models)),
        ],
      },
    ],
  };
}

function projectRecord(p: ProjectPage): SearchRecordSpec {
  return {
    url: p.url,
    title: p.key,
    filters: { kind: "Project", organization: p.org, tags: p.tags },
    names: [p.key, p.name],
    lead: [
      joined(["Project", p.visibility === "private" && "private"], " · "),
      p.description,
      joined([fact("Owner", person(p.owner)), fact("Team", p.team?.label)]),
      listFact("Tags", p.tags),
    ],
    sections: [
      { id: "readme-title", heading: "README", ...(p.readmeHtml !== undefined && { html: p.readmeHtml }) },
      {
        id: "exp-title",
        heading: "Experiments",
        lines: p.experiments.map((e) => joined([e.name, e.status, e.component?.label ?? e.componentText], " · ")),
      },
      { id: "models-title", heading: "Model versions", lines: [labels(p.models).join(", ")] },
      { id: "hubc-title", heading: "Hub components used", lines: [labels(p.hubComponents).join(", ")] },
      { id: "pc-title", heading: "Project components", lines: [labels(p.components).join(", ")] },
      { id: "ops-title", heading: "Operations", lines: [labels(p.operations).join(", ")] },
      { id: "conn-title", heading: "Connections", lines: [labels(p.connections).join(", ")] },
      {
        id: "access-title",
        heading: "Access",
        lines: [
          ...p.teams.map((t) => `team ${t.team.label}: ${t.role}`),
          ...p.members.map((m) => joined([person(m.user), m.role], " · ")),
        ],
      },
    ],
  };
}

function projectComponentRecord(p: ProjectComponentPage): SearchRecordSpec {
  return {
    url: p.url,
    title: `${p.name} · ${p.project.label}`,
    filters: { kind: "Project component", organization: p.org },
    names: [p.name],
    lead: [
      "Project component",
      p.description,
      joined([fact("Project", p.project.label), fact("Run kind", p.runKind), fact("Image", p.image)]),
    ],
    sections: [
      ...specSections(p, "pc"),
      { id: "used-title", heading: "Experiments that ran it", lines: [labels(p.usedBy).join(", ")] },
    ],
  };
}

function operationRecord(p: OperationPage): SearchRecordSpec {
  return {
    url: p.url,
    title: `${p.name} · ${p.project.label}`,
    filters: { kind: "Operation", organization: p.org, tags: p.tags },
    names: [p.name],
    lead: [
      "Operation",
      p.description,
      joined([
        fact("Project", p.project.label),
        fact("Runs", `${p.runs.by} ${p.runs.text}`),
        fact("Run kind", p.runKind),
      ]),
    ],
    sections: [
      // An inline component's inputs and outputs, under the page's own headings.
      ...(p.inline
        ? [
            { id: "component-inputs", heading: "Inputs", lines: p.inline.inputs.map(ioLine) },
            { id: "component-outputs", heading: "Outputs", lines: p.inline.outputs.map(ioLine) },
          ]
        : []),
      { id: "params-title", heading: "Parameters", lines: paramLines(p.params) },
    ],
  };
}

function experimentRecord(p: ExperimentPage): SearchRecordSpec {
  return {
    url: p.url,
    title: `${p.name} · ${p.project.label}`,
    filters: { kind: "Experiment", organization: p.org, tags: p.tags },
    names: [p.name],
    lead: [
      joined(["Experiment", p.status], " · "),
      p.description,
      joined([
        fact("Project", p.project.label),
        fact("Component", p.component?.label ?? p.componentText),
        fact("By", person(p.createdBy)),
      ]),
      listFact("Tags", p.tags),
    ],
    sections: [
      { id: "params-title", heading: "Parameters", lines: paramLines(p.params) },
      { id: "metrics-title", heading: "Metrics", lines: [listFact("Metrics", Object.keys(p.metrics))] },
      ...(p.code
        ? [
            {
              id: "code-title",
              heading: "Code",
              lines: [
                joined([
                  fact("Commit", shortCommit(p.code.commit)),
                  fact("Branch", p.code.branch),
                  fact("Repository", p.code.repo),
                ]),
              ],
            },
          ]
        : []),
      { id: "models-title", heading: "Model versions it produced", lines: [labels(p.models).join(", ")] },
      { id: "artifacts-title", heading: "Artifacts", lines: p.artifacts.map(artifactLine) },
    ],
  };
}

function connectionRecord(p: ConnectionPage): SearchRecordSpec {
  return {
    url: p.url,
    title: `${p.name} · ${p.org}`,
    filters: { kind: "Connection", organization: p.org, tags: p.tags },
    names: [p.name],
    lead: [
      joined(["Connection", p.kind], " · "),
      p.description,
      fact("Organization", p.organization.label),
      listFact("Tags", p.tags),
    ],
    sections: [
      { id: "schema-title", heading: "Settings", lines: p.schema.map(nameValueLine) },
      {
        id: "secret-title",
        heading: "Secret",
        lines: [
          p.secretName &&
            joined([`Kubernetes secret ${p.secretName}`, p.mountPath && `mounted at ${p.mountPath}`], " "),
        ],
      },
      { heading: "Projects that may use it", lines: [labels(p.usedBy).join(", ")] },
    ],
  };
}

function userRecord(p: UserPage): SearchRecordSpec {
  return {
    url: p.url,
    title: p.label,
    filters: { kind: "User" },
    names: [p.label, p.name, ...(p.github ? [p.github.login] : [])],
    lead: [
      joined(["Person", p.catalogAdmin && "catalog admin"], " · "),
      p.bio,
      joined([p.name, p.github && `GitHub @${p.github.login}`, p.email]),
    ],
    sections: [
      {
        id: "orgs-title",
        heading: "Organizations",
        lines: [
          ...p.orgs.map((o) => `${o.org.label}: ${o.role}`),
          ...p.teams.map((t) => `team ${t.team.label}: ${t.role}`),
        ],
      },
      {
        id: "owns-title",
        heading: "Owns",
        lines: [
          listFact("Projects", labels(p.owns.projects)),
          listFact("Hub components", labels(p.owns.components)),
          listFact("Models", labels(p.owns.models)),
        ],
      },
    ],
  };
}

/** Versions by their component's or model's key, in the order given. */
function byParent<V>(versions: readonly V[], parent: (v: V) => string): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const v of versions) {
    const list = out.get(parent(v));
    if (list) list.push(v);
    else out.set(parent(v), [v]);
  }
  return out;
}

/**
 * Every entity page's record specification, in the order of `SiteData`'s lists. A component's or
 * model's versions are sections of its record (each pointing at the version's row on its page), not
 * records of their own: a query finds the entity once, its matching versions under it.
 */
export function searchRecordSpecs(data: Omit<SiteData, "files">): SearchRecordSpec[] {
  const componentVersions = byParent(data.componentVersions, (v) => v.component.label);
  const modelVersions = byParent(data.modelVersions, (v) => v.model.label);
  return [
    ...data.components.map((c) =>
      withVersions(componentRecord(c), componentVersions.get(c.key) ?? [], componentVersionSection),
    ),
    ...data.models.map((m) => withVersions(modelRecord(m), modelVersions.get(m.key) ?? [], modelVersionSection)),
    ...data.orgs.map(orgRecord),
    ...data.teams.map(teamRecord),
    ...data.projects.map(projectRecord),
    ...data.projectComponents.map(projectComponentRecord),
    ...data.operations.map(operationRecord),
    ...data.experiments.map(experimentRecord),
    ...data.connections.map(connectionRecord),
    ...data.users.map(userRecord),
  ];
}

/** Compare record URLs as Pagefind's own directory walk would order pages: by code unit. */
const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * The records of the pages `include` keeps (all by default; it sees each
 * page's URL), sorted by URL: a whole build and the joined parts of a
 * sharded one add the same records in the same order, so their indexes are
 * the same bytes. Record URLs are relative to the site's root (`/hub/x/`
 * under any base path): the search page gives Pagefind the base path.
 */
export function searchRecords(
  data: Omit<SiteData, "files">,
  include: (url: string) => boolean = () => true,
): SearchRecord[] {
  const base = data.meta.basePath;
  return searchRecordSpecs(data)
    .filter((s) => include(s.url))
    .map((s) => ({ url: s.url.startsWith(base) ? `/${s.url.slice(base.length)}` : s.url, html: recordHtml(s) }))
    .sort(byUrl);
}
