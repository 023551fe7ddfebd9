/**
 * Import a Polyaxon hub checkout (`<component>/<tag>.yaml`) into an
 * organization's component hub: one hub entry per component folder, each spec
 * copied byte for byte as a version, the folder's README.md beside the entry.
 * Existing files are never overwritten unless `force` is set.
 */
import { lstat, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { ExitError } from "../diagnostics/diagnostic.js";
import { isDnsLabel } from "../model/names.js";
import type { CatalogData, OrganizationData } from "../model/types.js";
import { parseYamlFile } from "../yaml/parse.js";
import { KIND_SHAPES } from "../authoring/key-order.js";
import { editYamlText } from "../yaml-writer/edit.js";
import { buildHubEntry, renderHubEntry, specTags, type ParsedVersion } from "./hub-entry.js";
import { readHubSource, type ImportProblem } from "./hub-source.js";

export type { ImportProblem } from "./hub-source.js";

/** Options of `importPolyaxonHub`. */
export interface ImportPolyaxonHubOptions {
  /** The hub checkout folder. */
  source: string;
  /** The organization that receives the components; `orgs/<org>/organization.yaml` must exist. */
  org: string;
  /** The catalog folder (default `catalog`). */
  catalogDir?: string;
  /** Owner of the new hub entries; default: the organization's first owner. */
  owner?: string;
  /** Overwrite existing files. */
  force?: boolean;
  /** Add the specs' tags the catalog's vocabulary lacks to vocabularies.tags in catalog.yaml, instead of leaving them out. */
  extendVocabulary?: boolean;
}

/** What an import did. Paths are the catalog folder joined with catalog-relative paths. */
export interface ImportPolyaxonHubResult {
  /** Names of the components imported (written or skipped). */
  components: string[];
  written: string[];
  /** Files that exist and were left alone (no `force`). */
  skipped: string[];
  /** Source entries that were not imported, with why and how to fix it. */
  problems: ImportProblem[];
  /** Source entries left out on purpose (top-level README.md, LICENSE, dot-folders...). */
  ignored: string[];
  /** Things to finish by hand in what was imported (e.g. a hub entry with no description). */
  notes: string[];
  /** Spec tags outside the catalog's tag vocabulary: left out of the hub entries, or added to the vocabulary with `extendVocabulary`. */
  unknownTags: string[];
}

/**
 * Import the hub checkout `source` into `catalogDir/orgs/<org>/components/`.
 * Throws `ExitError(2)` when the source folder or the organization is missing,
 * or when no owner is given and the organization lists none.
 */
export async function importPolyaxonHub(options: ImportPolyaxonHubOptions): Promise<ImportPolyaxonHubResult> {
  const catalogDir = options.catalogDir ?? "catalog";
  if (!(await isDir(options.source)))
    throw new ExitError(
      2,
      `hub checkout ${options.source} does not exist or is not a folder: pass the folder that holds <component>/<tag>.yaml files`,
    );
  if (!isDnsLabel(options.org))
    throw new ExitError(
      2,
      `--org "${options.org}" is not a lowercase DNS label: pass the name of an organization of the catalog`,
    );
  const firstOwner = await readFirstOwner(catalogDir, options.org);
  const owner = options.owner ?? firstOwner;
  if (owner === undefined)
    throw new ExitError(
      2,
      `organization "${options.org}" lists no owner, so the hub entries have no default owner: pass --owner <user>`,
    );
  if (!isDnsLabel(owner))
    throw new ExitError(2, `--owner "${owner}" is not a valid user name: pass the name of a user of the catalog`);

  const hub = await readHubSource(options.source);
  const result: ImportPolyaxonHubResult = {
    components: [],
    written: [],
    skipped: [],
    problems: hub.problems,
    ignored: hub.ignored,
    notes: [],
    unknownTags: [],
  };
  const vocabulary = await readTagVocabulary(catalogDir);
  const unknown = new Set<string>();
  for (const component of hub.components) {
    const base = posix.join("orgs", options.org, "components", component.name);
    const versions: ParsedVersion[] = [];
    for (const version of component.versions) {
      const bytes = await readFile(version.file);
      const parsed = parseYamlFile({ file: version.relPath, relPath: version.relPath, bytes });
      versions.push({ tag: version.tag, spec: parsed.value });
      await place(catalogDir, posix.join(base, "versions", `${version.tag}.yaml`), bytes, options.force, result);
    }
    for (const tag of specTags(versions)) if (vocabulary && !vocabulary.tags.has(tag)) unknown.add(tag);
    const data = buildHubEntry({
      name: component.name,
      owner,
      versions,
      ...(vocabulary && !options.extendVocabulary && { vocabulary: vocabulary.tags }),
    });
    const written = await place(
      catalogDir,
      posix.join(base, "component.yaml"),
      Buffer.from(renderHubEntry(data), "utf8"),
      options.force,
      result,
    );
    if (written && data.description === undefined)
      result.notes.push(
        `no spec of ${component.name} has a description: add one to ${shownPath(catalogDir, posix.join(base, "component.yaml"))}`,
      );
    if (component.readme)
      await place(catalogDir, posix.join(base, "README.md"), await readFile(component.readme), options.force, result);
    result.components.push(component.name);
  }
  result.unknownTags = [...unknown].sort();
  if (vocabulary && result.unknownTags.length > 0) {
    if (options.extendVocabulary) {
      await writeFile(vocabulary.file, extendTagVocabulary(vocabulary.text, result.unknownTags));
      result.notes.push(
        `added ${result.unknownTags.join(", ")} to vocabularies.tags in ${shownPath(catalogDir, "catalog.yaml")}`,
      );
    } else {
      result.notes.push(
        `left out spec tags the catalog's tag vocabulary lacks: ${result.unknownTags.join(", ")}; add them to vocabularies.tags in ${shownPath(catalogDir, "catalog.yaml")} (or import with --extend-vocabulary) to keep them`,
      );
    }
  }
  return result;
}

/** catalog.yaml's tag vocabulary, when it has one. */
async function readTagVocabulary(
  catalogDir: string,
): Promise<{ file: string; text: string; tags: Set<string> } | undefined> {
  const file = join(catalogDir, "catalog.yaml");
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const data = parseYamlFile({ file, relPath: "catalog.yaml", bytes }).value as Partial<CatalogData> | undefined;
  const tags = data?.vocabularies?.tags;
  return Array.isArray(tags)
    ? {
        file,
        text: Buffer.from(bytes).toString("utf8"),
        tags: new Set(tags.filter((t): t is string => typeof t === "string")),
      }
    : undefined;
}

/** catalog.yaml's text with `tags` added to vocabularies.tags, comments and formatting kept. */
function extendTagVocabulary(text: string, tags: readonly string[]): string {
  return editYamlText(
    text,
    tags.map((t) => ({ op: "append", path: ["vocabularies", "tags"], value: t })),
    { shape: KIND_SHAPES.Catalog },
  );
}

/** Write `bytes` at `relPath` under the catalog, unless the file exists and `force` is not set; whether it was written. */
async function place(
  catalogDir: string,
  relPath: string,
  bytes: Uint8Array,
  force: boolean | undefined,
  result: ImportPolyaxonHubResult,
): Promise<boolean> {
  const target = join(catalogDir, ...relPath.split("/"));
  const shown = shownPath(catalogDir, relPath);
  await mkdir(dirname(target), { recursive: true });
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    result.problems.push({
      path: shown,
      message: `${shown} exists and is not a regular file (a symlink or folder): not written`,
      hint: "remove it, then import again",
    });
    return false;
  }
  try {
    await writeFile(target, bytes, { flag: force ? "w" : "wx" });
    result.written.push(shown);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    result.skipped.push(shown);
    return false;
  }
}

/** The first member with role `owner` of `orgs/<org>/organization.yaml`; throws `ExitError(2)` when the file is missing. */
async function readFirstOwner(catalogDir: string, org: string): Promise<string | undefined> {
  const file = join(catalogDir, "orgs", org, "organization.yaml");
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ExitError(
      2,
      `organization "${org}" does not exist: ${file} is missing. Create the organization first, or pass --org with an existing one (and --catalog if the catalog folder is not ./catalog)`,
    );
  }
  const data = parseYamlFile({ file, relPath: file, bytes }).value as Partial<OrganizationData> | undefined;
  const owner = Array.isArray(data?.members) ? data.members.find((m) => m?.role === "owner")?.user : undefined;
  return typeof owner === "string" ? owner : undefined;
}

/** A catalog file's path as shown to the user: the catalog folder as given, then the catalog-relative path. */
function shownPath(catalogDir: string, relPath: string): string {
  return posix.join(catalogDir.split("\\").join("/"), relPath);
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}
