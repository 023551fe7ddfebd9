/**
 * Hub hygiene: a hub entry whose versions are byte-identical copies of another
 * entry's (Polyaxon's hub holds `jupyterlab/` as a copy of `jupyter-lab/`), and
 * released semver versions that run images anyone can move (`:latest`, or no
 * tag at all), so the version is not what it was when released.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { ValuePath } from "../yaml/positions.js";
import type { DiagnosticCollector } from "./context.js";
import { isRecord } from "./spec-nested.js";
import { versionOfTag } from "./version-tags.js";

/** Report `component` when every one of its versions is a byte-identical copy of the same tag of another entry that sorts before it. */
export function checkCopiedEntry(
  catalog: Catalog,
  component: Entity<"Component">,
  versions: Entity<"ComponentVersion">[],
  report: DiagnosticCollector,
): void {
  if (versions.length === 0) return;
  for (const other of catalog.keys("Component")) {
    if (other >= component.key) break;
    const theirs = new Map(catalog.versionsOf("ComponentVersion", other).map((v) => [v.name, v.source.text]));
    if (theirs.size !== versions.length || !versions.every((v) => theirs.get(v.name) === v.source.text)) continue;
    report.at(
      component,
      ["name"],
      "version/copied-component",
      `hub component ${component.key} is a copy of ${other}: each of its ${versions.length} versions is byte-identical to the same tag of ${other}`,
      `keep one of the two (users of ${component.key} can use ${other}), or say in the README why both exist`,
    );
    return;
  }
}

/** Report every image of a released semver version that is not pinned (`:latest`, or no tag or digest). */
export function checkPinnedImages(
  component: Entity<"Component">,
  version: Entity<"ComponentVersion">,
  report: DiagnosticCollector,
): void {
  if (!versionOfTag(version.name)) return;
  if (!(component.data.releases ?? []).some((r) => r?.tag === version.name)) return;
  if ((component.data.mutableTags ?? []).includes(version.name)) return;
  visitImages((version.data as { run?: unknown }).run, ["run"], (image, path) => {
    if (image.includes("{{") || image.includes("{%") || isPinnedImage(image)) return;
    const tag = imageTag(image);
    report.at(
      version,
      path,
      "version/unpinned-image",
      `released version ${version.key} runs image "${image}", ${tag === "latest" ? "whose tag latest" : "with no tag, which means latest and"} moves when the image is pushed again`,
      `pin the image to a tag (or a digest @sha256:...) so that ${version.name} runs what it ran when released`,
    );
  });
}

/** The tag of an image reference (`undefined` when it has none). */
export function imageTag(image: string): string | undefined {
  const last = image.slice(image.lastIndexOf("/") + 1);
  return last.includes(":") ? last.slice(last.indexOf(":") + 1) : undefined;
}

/** Whether an image is pinned: by a digest (`@sha256:...`) or by a tag other than `latest`. */
export function isPinnedImage(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const tag = imageTag(image);
  return tag !== undefined && tag !== "latest";
}

function visitImages(node: unknown, path: ValuePath, fn: (image: string, path: ValuePath) => void): void {
  if (Array.isArray(node)) node.forEach((item, i) => visitImages(item, [...path, i], fn));
  else if (isRecord(node))
    for (const [key, value] of Object.entries(node)) {
      if (key === "image" && typeof value === "string") fn(value, [...path, key]);
      else if (key !== "components" && key !== "operations") visitImages(value, [...path, key], fn);
    }
}
