/**
 * Per-file history of a catalog folder from ONE `git log` pass (never one git
 * process per file): who changed each file, when, in which commit, and why.
 */
import { runGit } from "../git/run-git.js";
import { streamGit } from "../git/stream-git.js";
import type { HistoryEntry } from "./types.js";

/** Every file's changes, newest first, keyed by catalog-relative path. */
export interface CatalogHistory {
  /** False when the folder is not in a git repository (or git is missing): pages show no history. */
  available: boolean;
  byFile: Record<string, HistoryEntry[]>;
  /** Why history is unavailable, for the build's progress output. */
  reason?: string;
}

/** An empty history: what a folder outside git gets. */
export const NO_HISTORY: CatalogHistory = { available: false, byFile: {} };

const RECORD = "\x1e";
const FIELD = "\x1f";
const FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s`;

/**
 * Read the history of every file under `dir` with a single
 * `git log --name-status -z` run from that folder. Paths come back relative
 * to `dir`. Renames count as a delete plus an add.
 */
export async function readCatalogHistory(dir: string, options: { maxCommits?: number } = {}): Promise<CatalogHistory> {
  const args = ["log", "--name-status", "-z", "--no-renames", "--relative", `--format=${FORMAT}`];
  if (options.maxCommits !== undefined) args.push(`--max-count=${options.maxCommits}`);
  args.push("--", ".");
  const byFile: Record<string, HistoryEntry[]> = {};
  try {
    await streamGitOutput(dir, args, (records) => parseRecords(records, byFile));
  } catch (err) {
    const reason = String((err as Error).message ?? err).split("\n")[0];
    return { ...NO_HISTORY, ...(reason !== undefined && { reason }) };
  }
  return { available: true, byFile };
}

/**
 * Run `git <args>` in `dir` and hand its standard output to `onRecords` in
 * whole records as it streams (the history of a large catalog is megabytes:
 * parsing while git still writes costs about nothing on top of git itself).
 * Rejects with git's error output.
 */
async function streamGitOutput(dir: string, args: readonly string[], onRecords: (text: string) => void): Promise<void> {
  let pending = "";
  await streamGit({ cwd: dir }, args, (text) => {
    pending += text;
    // Everything before the last record separator is whole records.
    const cut = pending.lastIndexOf(RECORD);
    if (cut <= 0) return;
    onRecords(pending.slice(0, cut));
    pending = pending.slice(cut);
  });
  onRecords(pending);
}

/**
 * Where the folder `dir` is inside its git repository (`catalog`, or `""` at
 * the root), for links to its files on the repository's host; undefined
 * when it is not in a git repository.
 */
export async function pathInRepository(dir: string): Promise<string | undefined> {
  try {
    const out = await runGit({ cwd: dir }, ["rev-parse", "--show-prefix"], {
      what: "find the catalog folder in its repository",
      next: "run mlcat from inside the repository",
    });
    return out.trim().replace(/\/$/, "");
  } catch {
    return undefined;
  }
}

/** Parse the output of `git log --name-status -z` in `FORMAT`. Exported for tests. */
export function parseGitLog(out: string): Record<string, HistoryEntry[]> {
  const byFile: Record<string, HistoryEntry[]> = {};
  parseRecords(out, byFile);
  return byFile;
}

/** Parse whole records of `git log --name-status -z` output into `byFile`. */
function parseRecords(out: string, byFile: Record<string, HistoryEntry[]>): void {
  for (const record of out.split(RECORD)) {
    if (record === "") continue;
    const headerEnd = record.indexOf("\0");
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [commit = "", date = "", author = "", message = ""] = header.split(FIELD);
    // Once per commit, not once per file it changed.
    const short = commit.slice(0, 7);
    const when = new Date(date).toISOString();
    const tokens =
      headerEnd < 0
        ? []
        : record
            .slice(headerEnd + 1)
            .replace(/^\n/, "")
            .split("\0");
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const status = tokens[i]!.trim();
      const file = tokens[i + 1]!;
      if (status === "" || file === "") continue;
      const entry: HistoryEntry = {
        commit,
        short,
        date: when,
        author,
        message,
        change: status.startsWith("A") ? "added" : status.startsWith("D") ? "deleted" : "modified",
        file,
      };
      (byFile[file] ??= []).push(entry);
    }
  }
}

/** The changes to any of `files`, newest first, one entry per commit. */
export function historyOf(history: CatalogHistory, files: readonly string[]): HistoryEntry[] {
  const seen = new Set<string>();
  const out: HistoryEntry[] = [];
  for (const f of files) {
    for (const e of history.byFile[f] ?? []) {
      if (seen.has(e.commit)) continue;
      seen.add(e.commit);
      out.push(e);
    }
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
