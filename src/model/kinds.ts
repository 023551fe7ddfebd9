/**
 * The kinds of entity in a catalog, as the rest of mlcat reads them: the tables and functions derived
 * from the descriptors (`kind-descriptors.ts`). The one place that maps a file's path (relative to the
 * catalog folder, POSIX separators) to its kind and identity, and back.
 */

import { fromDescriptors, KIND_DESCRIPTORS, type Kind, type KindWhere, type PathVar } from "./kind-descriptors.js";
import {
  compilePath,
  fillTemplate,
  positionalFiller,
  segmentMatcher,
  templateReader,
  templateVariables,
  type SegmentMatcher,
  type TemplateSegment,
} from "./path-template.js";

export type { Kind } from "./kind-descriptors.js";

/** All kinds, in the order summaries list them. */
export const KINDS: readonly Kind[] = Object.keys(KIND_DESCRIPTORS) as Kind[];

/** How messages name each kind ("user", "hub component", ...). */
export const KIND_LABEL: Record<Kind, string> = fromDescriptors((d) => d.label);

/** The JSON Schema file (under `schemas/`) that describes each kind. */
export const SCHEMA_FILE: Record<Kind, string> = fromDescriptors((d) => d.schema);

/** Where a path sits in the catalog: its kind and the names its path gives it. */
export interface PathInfo {
  kind: Kind;
  /** Canonical key, unique within the kind (see `entityKey`). */
  key: string;
  /** The name the path gives (file or folder name); must equal `name` inside. */
  name: string;
  org?: string;
  project?: string;
  /** Component or model name, for versions. */
  parent?: string;
}

interface CompiledKind {
  kind: Kind;
  matcher: SegmentMatcher;
  key: (values: readonly string[]) => string;
  name: (values: readonly string[]) => string;
  /** Where `org`, `project` and `parent` are among the matcher's values (-1: not in the path). */
  orgAt: number;
  projectAt: number;
  parentAt: number;
}

/** Every kind's path template, by its number of segments (a path is tried only against templates of its length). */
const BY_LENGTH: ReadonlyMap<number, readonly CompiledKind[]> = (() => {
  const out = new Map<number, CompiledKind[]>();
  for (const kind of KINDS) {
    const d = KIND_DESCRIPTORS[kind];
    const segments = compilePath(d.path);
    const matcher = segmentMatcher(segments);
    const { variables } = matcher;
    const list = out.get(segments.length) ?? [];
    list.push({
      kind,
      matcher,
      key: positionalFiller(d.key, variables),
      name: positionalFiller(d.name, variables),
      orgAt: variables.indexOf("org"),
      projectAt: variables.indexOf("project"),
      parentAt: variables.indexOf("parent"),
    });
    out.set(segments.length, list);
  }
  return out;
})();

/** The identity a path's variables give an entity of its kind. */
function identity(compiled: CompiledKind, values: readonly string[]): PathInfo {
  const info: PathInfo = { kind: compiled.kind, key: compiled.key(values), name: compiled.name(values) };
  if (compiled.orgAt >= 0) info.org = values[compiled.orgAt]!;
  if (compiled.projectAt >= 0) info.project = values[compiled.projectAt]!;
  if (compiled.parentAt >= 0) info.parent = values[compiled.parentAt]!;
  return info;
}

/**
 * The kind and identity of a catalog-relative path, or `undefined` if it maps to no kind. Computed on every call:
 * splitting a path costs less than looking it up in a memo of the catalog's paths (measured).
 */
export function classifyPath(relPath: string): Readonly<PathInfo> | undefined {
  const s = relPath.split("/");
  if (s.some((seg) => seg === "")) return undefined;
  for (const compiled of BY_LENGTH.get(s.length) ?? []) {
    const values = compiled.matcher.match(s);
    if (values !== undefined) return identity(compiled, values);
  }
  return undefined;
}

/** The variables of a path: what `entityPath` needs to build the path of an entity of `kind`. */
export type PathIds = Partial<Record<PathVar, string>>;

/**
 * The catalog-relative path of the entity of `kind` with these variables: the inverse of `classifyPath`
 * (`entityPath("Team", {org: "acme", name: "ml"})` is `orgs/acme/teams/ml.yaml`).
 */
export function entityPath(kind: Kind, ids: PathIds): string {
  return fillTemplate(KIND_DESCRIPTORS[kind].path, ids);
}

/** The folder of an entity named by its folder (`orgs/acme/projects/churn`); its file for any other kind. */
export function entityFolder(kind: Kind, ids: PathIds): string {
  const path = entityPath(kind, ids);
  return isNamedByFolder(kind) ? path.slice(0, path.lastIndexOf("/")) : path;
}

/**
 * The variables of a kind's path other than its own name, in path order: the scope its name is unique in
 * (`[]` catalog-wide, `["org"]` per organization, `["org", "project"]` per project, `["org", "parent"]` per component or model).
 */
export function nameScopeOf(kind: Kind): ReadonlyArray<Exclude<PathVar, "name">> {
  return NAME_SCOPES[kind];
}

const NAME_SCOPES = fromDescriptors((d) => {
  const own = templateVariables(d.name);
  return templateVariables(d.path).filter((v): v is Exclude<PathVar, "name"> => v !== "name" && !own.includes(v));
});

/** Whether an entity of `kind` takes its name from a folder (`orgs/<org>/organization.yaml`) rather than its file. */
export function isNamedByFolder(kind: Kind): boolean {
  return NAMED_BY_FOLDER[kind];
}

const NAMED_BY_FOLDER = fromDescriptors((d) => {
  const segments = compilePath(d.path);
  return segments.length > 1 && "literal" in segments[segments.length - 1]!;
});

/** The kinds a README.md beside their file belongs to. */
export type ReadmeKind = KindWhere<"readme", true>;

/** A README.md that belongs to a project, hub component or model. */
export interface ReadmeInfo {
  ownerKind: ReadmeKind;
  ownerKey: string;
}

/** Each README owner's README path, as a template: its folder, then `README.md`. */
const README_TEMPLATES: ReadonlyArray<{
  kind: ReadmeKind;
  matcher: SegmentMatcher;
  key: (values: readonly string[]) => string;
}> = KINDS.filter((kind): kind is ReadmeKind => KIND_DESCRIPTORS[kind].readme).map((kind) => {
  const d = KIND_DESCRIPTORS[kind];
  const segments: TemplateSegment[] = [...compilePath(d.path).slice(0, -1), { literal: "README.md" }];
  const matcher = segmentMatcher(segments);
  return { kind, matcher, key: positionalFiller(d.key, matcher.variables) };
});

/** The owner of a catalog-relative README path, or `undefined` if it is not a README the catalog knows. */
export function classifyReadme(relPath: string): ReadmeInfo | undefined {
  if (!relPath.endsWith("/README.md")) return undefined;
  const s = relPath.split("/");
  if (s.some((seg) => seg === "")) return undefined;
  for (const t of README_TEMPLATES) {
    const values = t.matcher.match(s);
    if (values !== undefined) return { ownerKind: t.kind, ownerKey: t.key(values) };
  }
  return undefined;
}

/** The catalog-relative path of the file a README belongs to (`orgs/acme/projects/churn/project.yaml`). */
export function readmeOwnerPath(readme: ReadmeInfo): string {
  const read = templateReader(KIND_DESCRIPTORS[readme.ownerKind].key);
  return entityPath(readme.ownerKind, read(readme.ownerKey) ?? {});
}

/** The catalog layout, for hints: where each kind of file goes (a README owner's folder lists what it holds). */
export const LAYOUT_HINT = `catalog files go in ${layoutText()}`;

function layoutText(): string {
  const shown = (template: string) => template.replace(/\{([a-z]+)\}/g, "<$1>");
  const folders = KINDS.filter((kind) => KIND_DESCRIPTORS[kind].readme).map((kind) => {
    const path = KIND_DESCRIPTORS[kind].path;
    return { kind, folder: path.slice(0, path.lastIndexOf("/") + 1) };
  });
  const glob = (template: string) => template.replace(/\{[a-z]+\}/g, "*");
  const inside = new Map<Kind, string[]>(folders.map((f) => [f.kind, ["README.md"]]));
  const top: Kind[] = [];
  for (const kind of KINDS) {
    const path = KIND_DESCRIPTORS[kind].path;
    const owner = folders.find((f) => f.kind !== kind && glob(path).startsWith(glob(f.folder)));
    if (owner === undefined) top.push(kind);
    else
      inside.get(owner.kind)!.push(
        shown(
          path
            .split("/")
            .slice(owner.folder.split("/").length - 1)
            .join("/"),
        ),
      );
  }
  return top
    .map((kind) => {
      const more = inside.get(kind);
      return shown(KIND_DESCRIPTORS[kind].path) + (more ? ` (+ ${more.join(", ")})` : "");
    })
    .join(", ");
}
