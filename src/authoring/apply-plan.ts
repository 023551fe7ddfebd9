/**
 * Apply a plan: validate the planned files in memory first (nothing is written
 * when they would bring new errors), write them atomically, then load the
 * catalog from disk again and report what the checks say about the written files.
 */
import { join, posix } from "node:path";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { loadCatalogFromFiles } from "../load/load-catalog.js";
import type { RawFile } from "../model/raw-file.js";
import { validate, validateCatalog } from "../validate.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { changeBytes, type FileChange, type Plan } from "./plan.js";
import { createFileAtomic, isExistsError, replaceFileAtomic } from "./write-files.js";
import type { Workspace } from "./workspace.js";

/** What was written, and what the checks say about it. */
export interface ApplyResult {
  /** Display paths of the files written, in plan order. */
  written: string[];
  /** Diagnostics of the written files, after writing. */
  diagnostics: Diagnostic[];
  /** Number of errors elsewhere in the catalog (not in the written files). */
  otherErrors: number;
}

/** Diagnostics of the files a plan would write, as the catalog would be with the plan applied. */
export function previewPlan(ws: Workspace, plan: Plan): Diagnostic[] {
  const files = new Map(ws.files);
  for (const change of plan.changes) {
    const bytes = changeBytes(change);
    files.set(change.relPath, { relPath: change.relPath, bytes, type: "file", size: bytes.length });
  }
  const sorted = [...files.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return diagnosticsOf(sorted, ws.root, plan.changes);
}

function diagnosticsOf(files: RawFile[], root: string, changes: readonly FileChange[]): Diagnostic[] {
  const loaded = loadCatalogFromFiles(files, { root });
  const wanted = new Set(changes.map((c) => posix.join(root, c.relPath)));
  return [...loaded.diagnostics, ...validateCatalog(loaded.catalog)]
    .filter((d) => wanted.has(d.file))
    .sort(compareDiagnostics);
}

/** Errors in `after` that `before` did not have (compared by code and message, since lines move). */
export function newErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(before.filter((d) => d.severity === "error").map((d) => `${d.file}\0${d.code}\0${d.message}`));
  return after.filter((d) => d.severity === "error" && !seen.has(`${d.file}\0${d.code}\0${d.message}`));
}

/** Refuse when a planned `create` would replace a file of the workspace. */
function checkNoOverwrite(ws: Workspace, plan: Plan): Outcome<true> {
  for (const change of plan.changes) {
    if (change.mode === "create" && ws.files.has(change.relPath)) {
      return refuse(
        `${posix.join(ws.root, change.relPath)} already exists; mlcat never overwrites a file`,
        "choose another name or tag, or edit the existing file by hand",
      );
    }
  }
  return succeed(true);
}

/**
 * Validate `plan` in memory, as `applyPlan` does before writing (and
 * `--dry-run` instead of writing): refused when a `create` would overwrite a
 * file or the planned files would bring new errors (the refusal carries them);
 * else the planned files' diagnostics (warnings and infos).
 */
export function checkPlan(ws: Workspace, plan: Plan): Outcome<Diagnostic[]> {
  const clobber = checkNoOverwrite(ws, plan);
  if (!clobber.ok) return clobber;
  const before = diagnosticsOf(
    [...ws.files.values()],
    ws.root,
    plan.changes.filter((c) => c.mode === "update"),
  );
  const preview = previewPlan(ws, plan);
  const introduced = newErrors(before, preview);
  if (introduced.length > 0) {
    const files = [...new Set(introduced.map((d) => d.file))].join(", ");
    return {
      ok: false,
      refusal: {
        message: `the file${introduced.length === 1 ? "" : "s"} to write would not validate (${files}); nothing was written`,
        hint: "fix the values given on the command line (see the problems above), then run the command again",
        usage: false,
        diagnostics: introduced,
      },
    };
  }
  return succeed(preview);
}

/**
 * Validate `plan` in memory, write it, validate again from disk. Refuses, and
 * writes nothing, when a `create` would overwrite a file or when the planned
 * files would bring new errors (the refusal carries them).
 */
export async function applyPlan(ws: Workspace, plan: Plan): Promise<Outcome<ApplyResult>> {
  const checked = checkPlan(ws, plan);
  if (!checked.ok) return checked;

  const written: string[] = [];
  for (const change of plan.changes) {
    const abs = join(ws.dir, ...change.relPath.split("/"));
    try {
      if (change.mode === "create") await createFileAtomic(abs, change.content);
      else await replaceFileAtomic(abs, change.content);
    } catch (err) {
      if (!isExistsError(err)) throw err;
      return refuse(
        `${posix.join(ws.root, change.relPath)} appeared while mlcat was writing; it was not overwritten${written.length ? ` (already written: ${written.join(", ")})` : ""}`,
        "look at the file, then run the command again",
      );
    }
    written.push(posix.join(ws.root, change.relPath));
  }

  const after = await validate({ dir: ws.dir });
  const mine = new Set(written);
  const diagnostics = after.diagnostics.filter((d) => mine.has(d.file));
  const otherErrors = after.diagnostics.filter((d) => !mine.has(d.file) && d.severity === "error").length;
  return succeed({ written, diagnostics, otherErrors });
}
