/** Build the in-memory catalog from raw files: classify each path, parse it, index it. */
import { posix } from "node:path";
import { DiagnosticCollector } from "../checks/context.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Catalog } from "../model/catalog.js";
import type { Entity, Readme } from "../model/entity.js";
import { classifyPath, classifyReadme, LAYOUT_HINT } from "../model/kinds.js";
import { DEFAULT_LIMITS, parseYamlFile, type YamlLimits } from "../yaml/parse.js";
import { decodeUtf8 } from "../yaml/utf8.js";
import { isCatalogDir, readCatalogDir } from "./read-dir.js";
import type { RawFile } from "./raw-file.js";

/** Options of `loadCatalogFromFiles`. */
export interface LoadFilesOptions {
  /** Display path of the catalog folder, prefixed to every file in diagnostics (default `catalog`). */
  root?: string;
  limits?: Partial<YamlLimits>;
}

/** A loaded catalog and the problems found while loading it. */
export interface LoadResult {
  catalog: Catalog;
  diagnostics: Diagnostic[];
  /** Number of files read (including rejected ones). */
  files: number;
}

/** Load a catalog from raw files (from a folder or from git objects). */
export function loadCatalogFromFiles(files: readonly RawFile[], options: LoadFilesOptions = {}): LoadResult {
  const root = options.root ?? "catalog";
  const limits: YamlLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const catalog = new Catalog(root);
  const report = new DiagnosticCollector();
  const readmes: Array<{ ownerKind: "Project" | "Component" | "Model"; ownerKey: string; readme: Readme }> = [];

  for (const raw of files) {
    const file = posix.join(root, raw.relPath);
    if (raw.type !== "file") {
      report.atFile(
        file,
        "file/not-regular",
        `${file} is a ${raw.type}, not a regular file`,
        "replace it with a regular file: symlinks and submodules are refused under the catalog folder",
      );
      continue;
    }
    if (raw.error !== undefined) {
      report.atFile(file, "file/unreadable", `${file} could not be read: ${raw.error}`, "check the file's permissions and try again");
      continue;
    }
    const readmeInfo = classifyReadme(raw.relPath);
    if (readmeInfo) {
      if (raw.size > limits.maxFileBytes) {
        report.atFile(file, "file/too-large", `${file} is ${raw.size} bytes, over the cap of ${limits.maxFileBytes}`, "shorten the README or move large content elsewhere");
        continue;
      }
      const decoded = decodeUtf8(raw.bytes);
      if (!decoded.ok) {
        report.atFile(file, "file/invalid-utf8", `${file} is not valid UTF-8 (byte ${decoded.offset})`, "save the file as UTF-8", decoded.position);
        continue;
      }
      readmes.push({ ...readmeInfo, readme: { file, relPath: raw.relPath, text: decoded.text } });
      continue;
    }
    const info = classifyPath(raw.relPath);
    if (!info) {
      report.atFile(file, "file/unknown-path", `${file} maps to no kind of catalog entity`, `move or remove it: ${LAYOUT_HINT}`);
      continue;
    }
    const parsed = parseYamlFile({ file, relPath: raw.relPath, bytes: raw.bytes, size: raw.size, limits });
    for (const d of parsed.diagnostics) report.push(d);
    if (!parsed.source) {
      catalog.addRejected(info.kind, info.key);
      continue;
    }
    const entity: Entity = {
      kind: info.kind,
      key: info.key,
      name: info.name,
      ...(info.org !== undefined && { org: info.org }),
      ...(info.project !== undefined && { project: info.project }),
      ...(info.parent !== undefined && { parent: info.parent }),
      data: parsed.value as Entity["data"],
      source: parsed.source,
      schemaValid: false,
    };
    catalog.add(entity);
  }

  for (const { ownerKind, ownerKey, readme } of readmes) {
    const owner = catalog.get(ownerKind, ownerKey);
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
    report.atFile(posix.join(root, "catalog.yaml"), "file/missing-catalog", `${posix.join(root, "catalog.yaml")} is missing`, "create catalog.yaml with a title and the catalog admins (mlcat new catalog, or copy the sample's)");
  }
  return { catalog, diagnostics: report.diagnostics, files: files.length };
}

/** Options of `loadCatalog`. */
export interface LoadOptions {
  /** The catalog folder on disk (default `catalog`). */
  dir?: string;
  limits?: Partial<YamlLimits>;
}

/** Load a catalog folder from the working tree. */
export async function loadCatalog(options: LoadOptions = {}): Promise<LoadResult> {
  const dir = options.dir ?? "catalog";
  const root = posix.normalize(dir.split("\\").join("/")).replace(/\/$/, "") || ".";
  if (!(await isCatalogDir(dir))) {
    const catalog = new Catalog(root);
    const report = new DiagnosticCollector();
    report.atFile(root, "file/missing-catalog", `catalog folder ${root} does not exist or is not a folder`, "pass the catalog folder as an argument (mlcat validate path/to/catalog), or run from the repository root");
    return { catalog, diagnostics: report.diagnostics, files: 0 };
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const files = await readCatalogDir(dir, { maxFileBytes: limits.maxFileBytes });
  return loadCatalogFromFiles(files, { root, limits });
}
