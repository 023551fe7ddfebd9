/**
 * Check `schema`: shape first. Every entity's data is validated against its
 * kind's JSON Schema (one Ajv instance, each schema compiled once); each
 * entity is marked `schemaValid` (one the loader found valid already is not
 * validated again), and every problem becomes a diagnostic at
 * the line and column of the value (or key) it is about.
 */
import { KIND_LABEL } from "../model/kinds.js";
import type { Entity } from "../model/entity.js";
import { explainSchemaErrors } from "../schemas/explain-errors.js";
import { validateKindData } from "../schemas/validators.js";
import { positionOf, type ValuePath } from "../yaml/positions.js";
import { forEachSubject, type Check } from "./context.js";

/** How a message names a whole file: `organization "acme"`, `catalog.yaml`. */
function subjectOf(entity: Entity): string {
  return entity.kind === "Catalog" ? "catalog.yaml" : `${KIND_LABEL[entity.kind]} "${entity.key}"`;
}

/** The text of the value at `path` as written in the file, if the path exists. */
function sourceTextAt(entity: Entity, path: ValuePath): string | undefined {
  const node = entity.source.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? entity.source.text.slice(node.range[0], node.range[1]) : undefined;
}

export const schemaCheck: Check = {
  name: "schema",
  codes: [
    "schema/required",
    "schema/unknown-property",
    "schema/type",
    "schema/enum",
    "schema/pattern",
    "schema/format",
    "schema/constraint",
  ],
  run(ctx) {
    const { report } = ctx;
    forEachSubject(ctx, ctx.catalog.subjects(undefined, false), (entity) => {
      // Found valid already where it was loaded (a worker thread, or an earlier run): not validated again.
      if (entity.schemaValid) return;
      const errors = validateKindData(entity.kind, entity.data);
      entity.schemaValid = errors.length === 0;
      if (entity.schemaValid) return;
      const problems = explainSchemaErrors(errors, {
        subject: subjectOf(entity),
        sourceText: (path) => sourceTextAt(entity, path),
      });
      const reported = new Set<string>();
      for (const p of problems) {
        const { line, column } = positionOf(entity.source, p.path, p.target);
        const key = `${line}:${column}:${p.code}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report.at(entity, p.path, p.code, p.message, p.hint, { target: p.target });
      }
    });
  },
};
