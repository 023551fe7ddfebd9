/**
 * Check `versions`: hub versions against their release metadata (unknown,
 * duplicate and missing releases, byte-identical versions) and model
 * versions' stage history. Tags are ordered by relations/version-order.ts.
 */
import type { Entity } from "../model/entity.js";
import { forEachSubject, type Check, type CheckContext } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";
import { findClosest } from "../text/suggest.js";
import { checkCopiedEntry, checkPinnedImages } from "./hub-hygiene.js";
import { compareOldestFirst, sortVersionTags } from "../relations/version-order.js";

export const versionsCheck: Check = {
  name: "versions",
  codes: [
    "version/identical",
    "version/unknown-release",
    "version/unreleased",
    "version/stage-history",
    "version/copied-component",
    "version/unpinned-image",
    "ref/duplicate",
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["Component"], true), (component) => {
      const versions = catalog.versionsOf("ComponentVersion", component.key) as Entity<"ComponentVersion">[];
      checkReleases(component, versions, report);
      checkIdentical(component, versions, report);
      checkCopiedEntry(catalog, component, versions, report);
      for (const version of versions) if (version.schemaValid) checkPinnedImages(component, version, report);
    });
    checkStageHistories(ctx);
  },
};

/** Release metadata names existing versions, once each; every version has release metadata. */
function checkReleases(
  component: Entity<"Component">,
  versions: Entity<"ComponentVersion">[],
  report: DiagnosticCollector,
): void {
  const tags = versions.map((v) => v.name);
  const released = new Map<string, number>();
  (component.data.releases ?? []).forEach((release, index) => {
    const tag = release?.tag;
    if (typeof tag !== "string") return;
    const at = ["releases", index, "tag"];
    if (released.has(tag)) {
      report.at(
        component,
        at,
        "ref/duplicate",
        `release "${tag}" of ${component.key} is listed twice (first as releases[${released.get(tag)}])`,
        `merge the two entries into one release of ${tag}`,
      );
      return;
    }
    released.set(tag, index);
    if (!tags.includes(tag)) {
      const closest = findClosest(tag, tags);
      report.at(
        component,
        at,
        "version/unknown-release",
        `release "${tag}" of ${component.key} has no version file versions/${tag}.yaml`,
        closest
          ? `did you mean "${closest}"? Otherwise add versions/${tag}.yaml or remove this release`
          : `add versions/${tag}.yaml, or remove this release (versions: ${sortVersionTags(tags).join(", ") || "none"})`,
      );
    }
  });
  for (const version of versions) {
    if (released.has(version.name)) continue;
    report.atFile(
      version.source.file,
      "version/unreleased",
      `version ${version.key} has no release metadata in ${component.source.relPath}`,
      `add a release {tag: "${version.name}"} under releases in ${component.source.relPath}, with its stage and notes`,
    );
  }
}

/** Versions whose files are byte-identical: each is reported against the first in tag order (oldest semver first). */
function checkIdentical(
  component: Entity<"Component">,
  versions: Entity<"ComponentVersion">[],
  report: DiagnosticCollector,
): void {
  const byText = new Map<string, Entity<"ComponentVersion">[]>();
  for (const v of versions) byText.set(v.source.text, [...(byText.get(v.source.text) ?? []), v]);
  const mutable = new Set(component.data.mutableTags ?? []);
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => compareOldestFirst(a.name, b.name));
    const original = ordered[0]!;
    for (const copy of ordered.slice(1)) {
      report.atFile(
        copy.source.file,
        "version/identical",
        `version ${copy.key} is byte-identical to ${original.key}`,
        mutable.has(copy.name) || mutable.has(original.name)
          ? `expected when the mutable tag ${mutable.has(copy.name) ? copy.name : original.name} points at that release; nothing to do`
          : `if ${copy.name} should differ from ${original.name}, commit its real content; otherwise consider keeping one of the two`,
      );
    }
  }
}

/** A model version's stage is the last entry of its history, and the history moves forward in time. */
function checkStageHistories(ctx: CheckContext): void {
  const { report } = ctx;
  forEachSubject(ctx, ctx.catalog.subjects(["ModelVersion"], true), (version) => {
    const history = Array.isArray(version.data.stageHistory) ? version.data.stageHistory : [];
    const last = history[history.length - 1];
    if (last && last.stage !== version.data.stage) {
      report.at(
        version,
        ["stage"],
        "version/stage-history",
        `stage "${version.data.stage}" differs from the last stage history entry, "${last.stage}"`,
        `add a stageHistory entry for "${version.data.stage}" (with at, by and reason), or set stage back to "${last.stage}"`,
      );
    }
    for (let i = 1; i < history.length; i++) {
      const before = Date.parse(String(history[i - 1]!.at));
      const at = Date.parse(String(history[i]!.at));
      if (Number.isNaN(before) || Number.isNaN(at) || at >= before) continue;
      report.at(
        version,
        ["stageHistory", i, "at"],
        "version/stage-history",
        `stage history goes back in time: entry ${i + 1} (${history[i]!.at}) is earlier than entry ${i} (${history[i - 1]!.at})`,
        "list stage changes oldest first, each with the time it happened",
      );
    }
  });
}
