/**
 * A validation snapshot: what one run of the checks found, subject by
 * subject, with what each subject's result read of the catalog. A later run
 * on a catalog that differs in a few files computes again only the results
 * those files can alter and takes every other one from the snapshot.
 *
 * A snapshot is kept in columns, in memory as on disk: read tokens interned
 * once per snapshot, each check's subjects in one list and their reads in one
 * array of token ids. A run plans, carries results over and stores the next
 * snapshot by copying ranges of those arrays, with no object per subject.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** One check's results: subject by subject (`Kind|key`), what each read and reported. */
export interface CheckColumns {
  /** Token ids the check read outside any subject: when one of these changes, the whole check runs again. */
  globals: number[];
  /** Subjects with a result (those that read nothing and reported nothing are left out). */
  subjects: string[];
  /** The reads of subject `i` are `reads[readEnds[i - 1] ?? 0 .. readEnds[i])`, as token ids. */
  readEnds: Uint32Array;
  reads: Uint32Array;
  /** The diagnostics of the subjects that reported any, by subject index. */
  diagnostics: Map<number, Diagnostic[]>;
}

/** A snapshot of a validated catalog. */
export interface Snapshot {
  /** Every file of the catalog: its blob id, or a marker for entries that are not readable files. */
  files: Map<string, string>;
  /** The read tokens (see recording-catalog.ts) the checks' token ids stand for. */
  tokens: readonly string[];
  checks: Map<string, CheckColumns>;
}

/** The tokens of a snapshot being made: those of the snapshot it starts from (same ids), then new ones. */
export class TokenTable {
  readonly tokens: string[];
  private ids: Map<string, number> | undefined;

  constructor(from: readonly string[] = []) {
    this.tokens = [...from];
  }

  /** The id of `token`, added when new. */
  id(token: string): number {
    if (!this.ids) {
      this.ids = new Map();
      this.tokens.forEach((t, i) => this.ids!.set(t, i));
    }
    let id = this.ids.get(token);
    if (id === undefined) this.ids.set(token, (id = this.tokens.push(token) - 1));
    return id;
  }
}

/** One check's columns, built subject by subject. */
export class ColumnsBuilder {
  private readonly subjects: string[] = [];
  private readonly readEnds: number[] = [];
  private readonly reads: number[] = [];
  private readonly diagnostics = new Map<number, Diagnostic[]>();

  constructor(private readonly table: TokenTable) {}

  /** A result computed in this run. */
  add(subject: string, reads: Iterable<string>, diagnostics: Diagnostic[]): void {
    for (const t of reads) this.reads.push(this.table.id(t));
    this.push(subject, diagnostics);
  }

  /** The result of subject `i` of `from`, a check of the snapshot this table starts from (its ids are this table's). */
  carry(from: CheckColumns, i: number): void {
    const start = i === 0 ? 0 : from.readEnds[i - 1]!;
    const end = from.readEnds[i]!;
    for (let k = start; k < end; k++) this.reads.push(from.reads[k]!);
    this.push(from.subjects[i]!, from.diagnostics.get(i) ?? []);
  }

  build(globals: Iterable<string>): CheckColumns {
    return {
      globals: [...globals].map((t) => this.table.id(t)),
      subjects: this.subjects,
      readEnds: Uint32Array.from(this.readEnds),
      reads: Uint32Array.from(this.reads),
      diagnostics: this.diagnostics,
    };
  }

  private push(subject: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.diagnostics.set(this.subjects.length, diagnostics);
    this.subjects.push(subject);
    this.readEnds.push(this.reads.length);
  }
}

const FORMAT = "mlcat-snapshot/2";

/** The stored form: the columns, with diagnostics' paths relative to the catalog folder. */
interface Stored {
  format: string;
  paths: string[];
  ids: string[];
  tokens: string[];
  checks: Array<{
    name: string;
    globals: number[];
    subjects: string[];
    readEnds: Uint32Array;
    reads: Uint32Array;
    diagnosed: number[];
    diagnostics: Diagnostic[][];
  }>;
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
  const inside =
    file.startsWith(prefix) &&
    rel !== "" &&
    rel !== ".." &&
    !rel.startsWith("../") &&
    !rel.startsWith("/") &&
    posix.join(root, rel) === file;
  return inside ? rel : `\u0000${file}`;
}

function displayFile(file: string, root: string): string {
  return file.startsWith("\u0000") ? file.slice(1) : posix.join(root, file);
}

/** The snapshot in its stored form (for `v8.serialize`), for a catalog shown as `root`. */
export function toStored(snapshot: Snapshot, root: string): Stored {
  const checks: Stored["checks"] = [];
  for (const [name, c] of snapshot.checks) {
    const diagnosed = [...c.diagnostics.keys()];
    const diagnostics = diagnosed.map((i) =>
      c.diagnostics.get(i)!.map((d) => ({ ...d, file: relativeFile(d.file, root) })),
    );
    checks.push({
      name,
      globals: c.globals,
      subjects: c.subjects,
      readEnds: c.readEnds,
      reads: c.reads,
      diagnosed,
      diagnostics,
    });
  }
  return {
    format: FORMAT,
    paths: [...snapshot.files.keys()],
    ids: [...snapshot.files.values()],
    tokens: [...snapshot.tokens],
    checks,
  };
}

/**
 * A snapshot from its stored form; undefined when the form is not this
 * version's or does not hold together (a token id or a read range out of
 * bounds would otherwise make a changed read look unchanged).
 */
export function fromStored(value: unknown, root: string): Snapshot | undefined {
  const stored = value as Stored;
  if (typeof stored !== "object" || stored === null || stored.format !== FORMAT) return undefined;
  const { paths, ids, tokens } = stored;
  if (
    !Array.isArray(paths) ||
    !Array.isArray(ids) ||
    paths.length !== ids.length ||
    !Array.isArray(tokens) ||
    !Array.isArray(stored.checks)
  )
    return undefined;
  const files = new Map<string, string>();
  paths.forEach((p, i) => files.set(p, ids[i]!));
  const checks = new Map<string, CheckColumns>();
  for (const c of stored.checks) {
    if (!wellFormed(c, tokens.length) || checks.has(c.name)) return undefined;
    const diagnostics = new Map<number, Diagnostic[]>();
    c.diagnosed.forEach((i, k) =>
      diagnostics.set(
        i,
        c.diagnostics[k]!.map((d) => ({ ...d, file: displayFile(d.file, root) })),
      ),
    );
    checks.set(c.name, { globals: c.globals, subjects: c.subjects, readEnds: c.readEnds, reads: c.reads, diagnostics });
  }
  return { files, tokens, checks };
}

function wellFormed(c: Stored["checks"][number], tokenCount: number): boolean {
  if (typeof c !== "object" || c === null || typeof c.name !== "string") return false;
  const { globals, subjects, readEnds, reads, diagnosed, diagnostics } = c;
  if (
    !Array.isArray(globals) ||
    !Array.isArray(subjects) ||
    !(readEnds instanceof Uint32Array) ||
    !(reads instanceof Uint32Array)
  )
    return false;
  if (
    !Array.isArray(diagnosed) ||
    !Array.isArray(diagnostics) ||
    diagnosed.length !== diagnostics.length ||
    readEnds.length !== subjects.length
  )
    return false;
  if (!globals.every((t) => Number.isInteger(t) && t >= 0 && t < tokenCount)) return false;
  let previous = 0;
  for (const end of readEnds) {
    if (end < previous) return false;
    previous = end;
  }
  if (previous !== reads.length) return false;
  for (const t of reads) if (t >= tokenCount) return false;
  return diagnosed.every(
    (i, k) => Number.isInteger(i) && i >= 0 && i < subjects.length && Array.isArray(diagnostics[k]),
  );
}
