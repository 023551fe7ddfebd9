/**
 * Check `vocabularies`: when catalog.yaml has `vocabularies.tags`, every tag
 * of the kinds it governs (`tagged` in their descriptors: projects, hub components,
 * models, experiments and connections) is in it
 * (component specs are unchanged Polyaxon files and are left alone); every
 * model license is valid SPDX, or one of `vocabularies.licenses` when that is a list.
 */
import type { Entity } from "../model/entity.js";
import { kindsWhere } from "../model/kind-descriptors.js";
import { forEachSubject, type Check } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";
import { KIND_LABEL } from "./naming-paths.js";
import { findClosest } from "../text/suggest.js";
import { checkModelLicense } from "./vocab-licenses.js";
import { loadSpdxParser } from "./vocab-spdx.js";

/** The kinds whose `tags` the vocabulary governs. */
const TAGGED_KINDS = kindsWhere((d) => d.tagged);

/** Report each tag of `entity` that is not in `vocabulary`. */
function checkTags(
  entity: Entity,
  vocabulary: readonly string[],
  known: ReadonlySet<string>,
  report: DiagnosticCollector,
): void {
  const tags = (entity.data as { tags?: unknown }).tags;
  if (!Array.isArray(tags)) return;
  tags.forEach((tag, i) => {
    if (typeof tag !== "string" || known.has(tag)) return;
    const closest = findClosest(tag, vocabulary);
    const fix =
      closest === undefined
        ? "use a tag from vocabularies.tags in catalog.yaml"
        : `use "${closest}", the closest known tag`;
    report.at(
      entity,
      ["tags", i],
      "vocab/unknown-tag",
      `tag "${tag}" of ${KIND_LABEL[entity.kind]} "${entity.key}" is not in the catalog's tag vocabulary`,
      `${fix}, or add "${tag}" to vocabularies.tags in catalog.yaml`,
    );
  });
}

export const vocabulariesCheck: Check = {
  name: "vocabularies",
  codes: ["vocab/unknown-tag", "vocab/unknown-license"],
  run(ctx) {
    const { catalog, report } = ctx;
    // Read once for every subject: a change to catalog.yaml checks every subject again.
    const vocabularies = catalog.settings()?.vocabularies;
    const tags = vocabularies?.tags;
    if (Array.isArray(tags)) {
      const known = new Set(tags);
      forEachSubject(ctx, catalog.subjects(TAGGED_KINDS, true), (entity) => checkTags(entity, tags, known, report));
    }
    const parser = loadSpdxParser();
    forEachSubject(ctx, catalog.subjects(["Model"], true), (model) =>
      checkModelLicense(model, vocabularies?.licenses, parser, report),
    );
  },
};
