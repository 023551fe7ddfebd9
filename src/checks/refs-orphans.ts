/**
 * Files whose path names a parent that has no file of its own: a team in an
 * organization folder without organization.yaml, an experiment in a project
 * folder without project.yaml, a version beside no component.yaml or model.yaml.
 * Each missing parent is reported once, at the first of its files (key order).
 */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { didYouMean } from "../text/suggest.js";

/** A parent an entity's path implies. */
interface Parent {
  kind: Kind;
  key: string;
  code: DiagnosticCode;
  /** Folder of the parent, catalog-relative. */
  folder: string;
  /** The file the parent needs. */
  file: string;
  label: string;
  /** Names of existing siblings, for a suggestion. */
  siblings: (catalog: Catalog) => string[];
}

function keysOf(catalog: Catalog, kind: Kind, prefix = ""): string[] {
  return catalog
    .all(kind)
    .filter((e) => e.key.startsWith(prefix))
    .map((e) => e.key.slice(prefix.length));
}

/** The nearest missing parent of `entity`, if any. */
function missingParent(catalog: Catalog, entity: Entity): Parent | undefined {
  const { org, project, parent } = entity;
  if (org === undefined || entity.kind === "Organization") return undefined;
  if (!catalog.has("Organization", org)) {
    return {
      kind: "Organization",
      key: org,
      code: "ref/unknown-organization",
      folder: `orgs/${org}/`,
      file: "organization.yaml",
      label: "organization",
      siblings: (c) => keysOf(c, "Organization"),
    };
  }
  if (
    (entity.kind === "Experiment" || entity.kind === "ProjectComponent") &&
    !catalog.has("Project", `${org}/${project}`)
  ) {
    return {
      kind: "Project",
      key: `${org}/${project}`,
      code: "ref/unknown-project",
      folder: `orgs/${org}/projects/${project}/`,
      file: "project.yaml",
      label: "project",
      siblings: (c) => keysOf(c, "Project", `${org}/`),
    };
  }
  if (entity.kind === "ComponentVersion" && !catalog.has("Component", `${org}/${parent}`)) {
    return {
      kind: "Component",
      key: `${org}/${parent}`,
      code: "ref/unknown-component",
      folder: `orgs/${org}/components/${parent}/`,
      file: "component.yaml",
      label: "hub component",
      siblings: (c) => keysOf(c, "Component", `${org}/`),
    };
  }
  if (entity.kind === "ModelVersion" && !catalog.has("Model", `${org}/${parent}`)) {
    return {
      kind: "Model",
      key: `${org}/${parent}`,
      code: "ref/unknown-model",
      folder: `orgs/${org}/models/${parent}/`,
      file: "model.yaml",
      label: "model",
      siblings: (c) => keysOf(c, "Model", `${org}/`),
    };
  }
  return undefined;
}

/** Report each missing parent once, at its first file, with how many files it leaves without a parent. */
export function reportOrphans(catalog: Catalog, report: DiagnosticCollector): void {
  const orphans = new Map<string, { parent: Parent; files: Entity[] }>();
  for (const entity of catalog.entities()) {
    const parent = missingParent(catalog, entity);
    if (!parent) continue;
    const id = `${parent.kind} ${parent.key}`;
    const group = orphans.get(id) ?? { parent, files: [] };
    group.files.push(entity);
    orphans.set(id, group);
  }
  for (const { parent, files } of orphans.values()) {
    const [first, ...rest] = files.sort((a, b) => (a.source.relPath < b.source.relPath ? -1 : 1));
    const subject =
      rest.length === 0
        ? `${first!.source.relPath} is`
        : `${first!.source.relPath} and ${rest.length} other file${rest.length === 1 ? "" : "s"} are`;
    const name = parent.key.split("/").pop()!;
    const suggestion = didYouMean(name, parent.siblings(catalog));
    report.at(
      first!,
      [],
      parent.code,
      `${subject} in ${parent.label} folder ${parent.folder}, which has no ${parent.file}`,
      `add ${parent.folder}${parent.file}, or move the files to an existing ${parent.label}'s folder${suggestion}`,
    );
  }
}
