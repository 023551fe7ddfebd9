/**
 * The catalog builder: classify each raw file by its path, parse the YAML
 * entity files (with a pluggable parse step: plain here, or one of src/accel/),
 * index the entities, attach the READMEs.
 */
import { posix } from "node:path";
import { DiagnosticCollector } from "../report/collector.js";
import { InternalError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Catalog, type CatalogFile } from "../model/catalog.js";
import type { Entity, Readme, SourceFile } from "../model/entity.js";
import { classifyPath, classifyReadme, LAYOUT_HINT, type PathInfo } from "../model/kinds.js";
import { parseYamlFile, type YamlLimits } from "../yaml/parse.js";
import { decodeUtf8, notUtf8Hint } from "../yaml/utf8.js";
import { decodeFileText } from "../text/file-text.js";
import type { RawFile } from "../model/raw-file.js";
import { displayPath } from "./display-path.js";

/** A loaded catalog and the problems found while loading it. */
export interface LoadResult {
  catalog: Catalog;
  diagnostics: Diagnostic[];
  /** Number of files read (including rejected ones). */
  files: number;
  /** Every file's git blob id (or a marker for entries that are not readable files), when the load computed them. */
  oids?: Map<string, string>;
}

/**
 * A YAML entity file's parse: its source and data when accepted (with
 * `schemaValid` when its schema was checked already), or the problems that
 * rejected it.
 */
export interface ParsedFile {
  source?: SourceFile;
  value?: unknown;
  /** Whether the data passed its kind's JSON Schema already (the schema check then does not validate it again). */
  schemaValid?: boolean;
  /**
   * Set instead of `value` by a parse step that builds the entity itself (its
   * data decoded on first use): given the fields its path gives and its source.
   */
  entity?: (identity: EntityIdentity, source: SourceFile) => Entity;
  diagnostics: Diagnostic[];
}

/** How the builder gets a YAML entity file parsed. */
export type ParseStep = (raw: RawFile, file: string, info: PathInfo) => ParsedFile;

/** The plain parse: the hardened loader, in the loop, keeping the document it built. */
export function plainParseStep(limits: YamlLimits): ParseStep {
  return (raw, file) => parseYamlFile({ file, relPath: raw.relPath, bytes: raw.bytes, size: raw.size, limits });
}

/** Classify each raw file, parse the YAML entity files with `parse`, index the entities, attach the READMEs. */
export function buildCatalog(
  files: readonly RawFile[],
  root: string,
  limits: YamlLimits,
  parse: ParseStep,
): LoadResult {
  const catalog = new Catalog(root);
  const report = new DiagnosticCollector();
  const readmes: Array<{ ownerKind: "Project" | "Component" | "Model"; ownerKey: string; readme: Readme }> = [];
  const shared = new Set<Entity>();

  for (const raw of files) {
    const file = displayPath(root, raw.relPath);
    // Every file is recorded (the secret scan reads every path, and the text of files no entity or README holds).
    if (raw.type !== "file") {
      catalog.addFile({ file, relPath: raw.relPath });
      report.atFile(
        file,
        "file/not-regular",
        `${file} is a ${raw.type}, not a regular file`,
        "replace it with a regular file: symlinks and submodules are refused under the catalog folder",
      );
      continue;
    }
    if (raw.error !== undefined) {
      catalog.addFile({ file, relPath: raw.relPath });
      report.atFile(
        file,
        "file/unreadable",
        `${file} could not be read: ${raw.error}`,
        "check the file's permissions and try again",
      );
      continue;
    }
    if (raw.built) {
      catalog.addFile({ file, relPath: raw.relPath });
      catalog.add(raw.built.entity);
      if (raw.built.shared) shared.add(raw.built.entity);
      continue;
    }
    const readmeInfo = classifyReadme(raw.relPath);
    if (readmeInfo) {
      if (raw.size > limits.maxFileBytes) {
        catalog.addFile({ file, relPath: raw.relPath });
        report.atFile(
          file,
          "file/too-large",
          `${file} is ${raw.size} bytes, over the cap of ${limits.maxFileBytes}`,
          "shorten the README or move large content elsewhere",
        );
        continue;
      }
      // Left unread: an earlier run found this README within the cap and valid UTF-8.
      if (raw.deferredText) {
        readmes.push({ ...readmeInfo, readme: deferredReadme(file, raw.relPath, raw.deferredText) });
        continue;
      }
      const decoded = decodeUtf8(raw.bytes);
      if (!decoded.ok) {
        catalog.addFile(unloaded(raw, file));
        report.atFile(
          file,
          "file/invalid-utf8",
          `${file} is not valid UTF-8 (byte ${decoded.offset})`,
          notUtf8Hint(raw.bytes, "save the file as UTF-8"),
          decoded.position,
        );
        continue;
      }
      readmes.push({ ...readmeInfo, readme: { file, relPath: raw.relPath, text: decoded.text } });
      continue;
    }
    const info = classifyPath(raw.relPath);
    if (!info) {
      catalog.addFile(unloaded(raw, file));
      report.atFile(
        file,
        "file/unknown-path",
        `${file} maps to no kind of catalog entity`,
        `move or remove it: ${LAYOUT_HINT}`,
      );
      continue;
    }
    const parsed = parse(raw, file, info);
    for (const d of parsed.diagnostics) report.push(d);
    if (!parsed.source) {
      catalog.addFile(unloaded(raw, file));
      catalog.addRejected(info.kind, info.key);
      continue;
    }
    catalog.addFile({ file, relPath: raw.relPath });
    if (parsed.entity) {
      catalog.add(parsed.entity(identity(info), parsed.source));
      continue;
    }
    catalog.add({
      ...identity(info),
      data: parsed.value as Entity["data"],
      source: parsed.source,
      schemaValid: parsed.schemaValid === true,
    });
  }

  for (const { ownerKind, ownerKey, readme } of readmes) {
    const owner = catalog.get(ownerKind, ownerKey);
    // An entity shared with another load is that load's too: giving it this load's README would change the other catalog.
    if (owner && shared.has(owner))
      throw new InternalError(`${readme.file} would be attached to an entity shared with another load`);
    catalog.addFile({ file: readme.file, relPath: readme.relPath, ...(!owner && { unloadedText: () => readme.text }) });
    if (owner) owner.readme = readme;
    else
      report.atFile(
        readme.file,
        "file/unknown-path",
        `${readme.file} belongs to no ${ownerKind.toLowerCase()}: ${ownerKey} has no ${ownerKind === "Project" ? "project" : ownerKind === "Component" ? "component" : "model"}.yaml`,
        `add the ${ownerKind.toLowerCase()} file beside the README, or remove the README`,
      );
  }

  if (!catalog.has("Catalog", "catalog")) {
    report.atFile(
      posix.join(root, "catalog.yaml"),
      "file/missing-catalog",
      `${posix.join(root, "catalog.yaml")} is missing`,
      "create catalog.yaml with a title and the catalog admins (mlcat new catalog, or copy the sample's)",
    );
  }
  return { catalog, diagnostics: report.diagnostics, files: files.length };
}

/** The fields of an entity its path gives. */
export type EntityIdentity = Pick<Entity, "kind" | "key" | "name" | "org" | "project" | "parent">;

function identity(info: PathInfo): EntityIdentity {
  return {
    kind: info.kind,
    key: info.key,
    name: info.name,
    ...(info.org !== undefined && { org: info.org }),
    ...(info.project !== undefined && { project: info.project }),
    ...(info.parent !== undefined && { parent: info.parent }),
  };
}

/** The record of a file that became no entity and no README: its text is decoded for the secret scan when read (none for a file over the size cap, left unread). */
function unloaded(raw: RawFile, file: string): CatalogFile {
  const complete = raw.deferredText !== undefined || raw.bytes.length === raw.size;
  const text = raw.deferredText ?? (() => decodeFileText(raw.bytes));
  return { file, relPath: raw.relPath, ...(complete && { unloadedText: text }) };
}

/** A README whose text is read on first use. */
function deferredReadme(file: string, relPath: string, read: () => string): Readme {
  let text: string | undefined;
  return {
    file,
    relPath,
    get text() {
      return (text ??= read());
    },
  };
}
