/**
 * `vocab/unknown-license`: a model's `license` is a valid SPDX expression
 * (when `vocabularies.licenses` is `spdx` or absent), or one of the listed
 * licenses (when it is a list; an expression whose every id is listed passes).
 */
import type { Entity } from "../model/entity.js";
import type { CatalogData } from "../model/types.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { didYouMean, findClosest, formatList } from "../text/suggest.js";
import type { LicenseExpressionParser } from "./vocab-spdx.js";

const SPDX_HELP =
  "write an SPDX license id or expression, e.g. Apache-2.0 or (MIT OR Apache-2.0); use LicenseRef-<name> for a license of your own";

/** Report the model's license when it breaks the catalog's license vocabulary. */
export function checkModelLicense(
  model: Entity<"Model">,
  vocabulary: NonNullable<CatalogData["vocabularies"]>["licenses"],
  parser: LicenseExpressionParser,
  report: DiagnosticCollector,
): void {
  const license = model.data.license;
  if (typeof license !== "string") return;
  const what = `license "${license}" of model "${model.key}"`;
  if (Array.isArray(vocabulary)) {
    if (vocabulary.includes(license)) return;
    const parsed = parser.parse(license);
    if (parsed.ok && parsed.ids.every((id) => vocabulary.includes(id))) return;
    report.at(
      model,
      ["license"],
      "vocab/unknown-license",
      `${what} is not one of the catalog's allowed licenses: ${formatList(vocabulary, 10)}`,
      `use an allowed license${didYouMean(license, vocabulary)}, or add it to vocabularies.licenses in catalog.yaml`,
    );
    return;
  }
  const parsed = parser.parse(license);
  if (parsed.ok) return;
  const closest = findClosest(license, parser.ids);
  report.at(
    model,
    ["license"],
    "vocab/unknown-license",
    `${what} is not a valid SPDX expression: ${parsed.reason}`,
    closest === undefined ? SPDX_HELP : `use "${closest}"; otherwise ${SPDX_HELP}`,
  );
}
