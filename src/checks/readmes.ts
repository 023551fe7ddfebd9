/**
 * Check `readmes`: a README written from a template (`mlcat new`, `mlcat
 * promote`) and never filled in is published on the site as it is, template
 * sentences and all. Each README that still holds one is warned about, at the
 * first of them.
 */
import { kindsWhere } from "../model/kind-descriptors.js";
import { KIND_LABEL } from "../model/kinds.js";
import { findPlaceholders } from "../text/readme-placeholders.js";
import { forEachSubject, type Check } from "./context.js";

/** The kinds a README belongs to. */
const README_KINDS = kindsWhere((d) => d.readme);

export const readmesCheck: Check = {
  name: "readmes",
  codes: ["readme/unfilled-template"],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(README_KINDS, false), (entity) => {
      const readme = entity.readme;
      if (!readme) return;
      const found = findPlaceholders(readme.text);
      if (found.length === 0) return;
      const first = found[0]!;
      const more = found.length > 1 ? ` (and ${found.length - 1} more of the template's sentences)` : "";
      const card = entity.kind === "Model" ? "model card" : "README";
      report.atFile(
        readme.file,
        "readme/unfilled-template",
        `the ${card} of ${KIND_LABEL[entity.kind]} ${entity.key} still holds the template's "${first.sentence}"${more}: it is published as it is`,
        `replace the template's sentences with what readers of the site need to know, or remove the sections you do not need`,
        { line: first.line, column: first.column },
      );
    });
  },
};
