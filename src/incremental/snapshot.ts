/**
 * A validation snapshot: what one run of the checks found, subject by
 * subject, with what each subject's result read of the catalog. A later run
 * on a catalog that differs in a few files computes again only the results
 * those files can alter and takes every other one from the snapshot.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** One subject's result in one check. */
export interface SubjectResult {
  /** The read tokens (see `AccessRecorder`). */
  reads: string[];
  diagnostics: Diagnostic[];
}

/** One check's part of a snapshot. */
export interface CheckRecord {
  /** What the check read outside any subject: when one of these changes, the whole check runs again. */
  globals: string[];
  /** Results by subject (`Kind|key`); subjects that read nothing and reported nothing are left out. */
  subjects: Map<string, SubjectResult>;
}

/** A snapshot of a validated catalog. */
export interface Snapshot {
  /** Every file of the catalog: its blob id, or a marker for entries that are not readable files. */
  files: Map<string, string>;
  checks: Map<string, CheckRecord>;
}

const FORMAT = "mlcat-snapshot/1";

/** The stored form: tokens interned, diagnostics' paths relative to the catalog folder. */
interface Stored {
  format: string;
  paths: string[];
  ids: string[];
  tokens: string[];
  checks: Array<{ name: string; globals: number[]; subjects: string[]; readEnds: Uint32Array; reads: Uint32Array; diagnostics: Diagnostic[][] }>;
}

/**
 * Display paths inside the catalog folder are kept relative (`\u0000` marks one
 * that is not). The loader shows a file as `posix.join(root, relPath)`: with
 * root `.` that is the catalog-relative path itself.
 */
function relativeFile(file: string, root: string): string {
  // What the loader puts before a catalog-relative path: `catalog/`, `/abs/catalog/`, nothing for `.`.
  const prefix = posix.join(root, "\u0001").slice(0, -1);
  const rel = file.slice(prefix.length);
  const inside = file.startsWith(prefix) && rel !== "" && rel !== ".." && !rel.startsWith("../") && !rel.startsWith("/") && posix.join(root, rel) === file;
  return inside ? rel : `\u0000${file}`;
}

function displayFile(file: string, root: string): string {
  return file.startsWith("\u0000") ? file.slice(1) : posix.join(root, file);
}

/** The snapshot in its stored form (for `v8.serialize`), for a catalog shown as `root`. */
export function toStored(snapshot: Snapshot, root: string): Stored {
  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  const idOf = (t: string) => {
    let id = tokenIds.get(t);
    if (id === undefined) tokenIds.set(t, (id = tokens.push(t) - 1));
    return id;
  };
  const checks: Stored["checks"] = [];
  for (const [name, record] of snapshot.checks) {
    const subjects: string[] = [];
    const readEnds: number[] = [];
    const reads: number[] = [];
    const diagnostics: Diagnostic[][] = [];
    for (const [subject, result] of record.subjects) {
      subjects.push(subject);
      for (const t of result.reads) reads.push(idOf(t));
      readEnds.push(reads.length);
      diagnostics.push(result.diagnostics.map((d) => ({ ...d, file: relativeFile(d.file, root) })));
    }
    checks.push({ name, globals: record.globals.map(idOf), subjects, readEnds: Uint32Array.from(readEnds), reads: Uint32Array.from(reads), diagnostics });
  }
  return { format: FORMAT, paths: [...snapshot.files.keys()], ids: [...snapshot.files.values()], tokens, checks };
}

/** A snapshot from its stored form; undefined when the form is not this version's. */
export function fromStored(value: unknown, root: string): Snapshot | undefined {
  const stored = value as Stored;
  if (typeof stored !== "object" || stored === null || stored.format !== FORMAT) return undefined;
  const files = new Map<string, string>();
  stored.paths.forEach((p, i) => files.set(p, stored.ids[i]!));
  const checks = new Map<string, CheckRecord>();
  for (const c of stored.checks) {
    const subjects = new Map<string, SubjectResult>();
    let start = 0;
    c.subjects.forEach((subject, i) => {
      const end = c.readEnds[i]!;
      const reads: string[] = [];
      for (let k = start; k < end; k++) reads.push(stored.tokens[c.reads[k]!]!);
      start = end;
      subjects.set(subject, { reads, diagnostics: c.diagnostics[i]!.map((d) => ({ ...d, file: displayFile(d.file, root) })) });
    });
    checks.set(c.name, { globals: c.globals.map((t) => stored.tokens[t]!), subjects });
  }
  return { files, checks };
}
