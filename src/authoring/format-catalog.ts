/** `fmt`: which catalog files are not in canonical form, and their canonical text. */
import { posix } from "node:path";
import { classifyPath } from "../model/kinds.js";
import { formatYamlText } from "../yaml-writer/format.js";
import { KIND_SHAPES } from "./key-order.js";
import { updateChange, type Plan } from "./plan.js";
import { readWorkspaceText, type Workspace } from "./workspace.js";

/** The result of formatting a catalog. */
export interface FormatResult {
  /** Display paths of the files checked. */
  checked: string[];
  /** Edits for the files that are not in canonical form. */
  plan: Plan;
  /** Files that could not be formatted, with why. */
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Format the workspace's catalog files (all of them, or those in `only`:
 * paths relative to the catalog folder). Component specs are left alone:
 * they are Polyaxon's files, and published versions never change.
 */
export function formatCatalog(ws: Workspace, only?: ReadonlySet<string>): FormatResult {
  const result: FormatResult = { checked: [], plan: { changes: [], notes: [] }, skipped: [] };
  const broken = new Set(ws.loadDiagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  for (const relPath of [...ws.files.keys()].sort()) {
    if (only && !only.has(relPath)) continue;
    const info = classifyPath(relPath);
    const shape = info && KIND_SHAPES[info.kind];
    if (!shape) continue;
    const file = posix.join(ws.root, relPath);
    const text = readWorkspaceText(ws, relPath);
    const formatted = text === undefined || broken.has(file) ? undefined : formatYamlText(text, shape);
    if (text === undefined || formatted === undefined) {
      result.skipped.push({ file, reason: "it does not load (run mlcat validate to see why)" });
      continue;
    }
    result.checked.push(file);
    if (formatted !== text) result.plan.changes.push(updateChange(relPath, formatted));
  }
  return result;
}
