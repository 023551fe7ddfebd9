/** The counts every reporter prints at the end. */
import { countBySeverity, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Totals of a run, for reporters. */
export interface ReportSummary {
  files: number;
  entities: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Totals from diagnostics and the numbers of files and entities checked. */
export function reportSummary(diagnostics: readonly Diagnostic[], files: number, entities: number): ReportSummary {
  const c = countBySeverity(diagnostics);
  return { files, entities, errors: c.error, warnings: c.warning, infos: c.info };
}
