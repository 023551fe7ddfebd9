/**
 * Every line added by each commit between two revisions, streamed from ONE
 * `git log -p` process (not one process per commit): the secret scan reads
 * them so that a line added in one commit and removed in the next is still
 * seen. Merge commits show only what the merge itself introduced (`--cc`).
 * Binary files are diffed as text, so `.gitattributes` cannot hide a file.
 * With the lines, each file a commit touched: whether the commit created its
 * path, its blobs, and whether its added lines look like UTF-16 or binary
 * (the lines of such a file are not its text: the scan reads its blob).
 */
import { spawn } from "node:child_process";
import { utf16ByBom } from "../text/file-text.js";
import { GitError, toGitError } from "./git-error.js";
import { fetchHint } from "./revisions.js";
import { assertRevision, MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

/** A run of consecutive lines one commit added to one file. */
export interface AddedBlock {
  commit: { sha: string; subject: string };
  /** Path from the repository root, as the commit left it. */
  path: string;
  /** Line number of the first line in the file after the commit. */
  firstLine: number;
  lines: string[];
}

/** One file as one commit's patch shows it. */
export interface PatchedFile {
  commit: AddedBlock["commit"];
  /** Path from the repository root, as the commit left it. */
  path: string;
  /** Whether the commit created the path: a new file, or a renamed file's new name (renames are off). */
  created: boolean;
  /** The file's blob after the commit; absent when the commit deleted it. */
  blob?: string;
  /** The file's blob in each parent that had it (one for a plain commit, up to one per parent for a merge). */
  parentBlobs: string[];
  /** Whether a line the commit added holds a NUL byte: the file is not UTF-8 text (UTF-16, or binary). */
  nul: boolean;
  /**
   * When the commit added the file's first line: the UTF-16 encoding its
   * byte-order mark announces, or `none`. Undefined when the patch does not
   * show the first line (the blob tells).
   */
  firstLineBom?: "utf-16le" | "utf-16be" | "none";
}

/** Options of `forEachAddedBlock`. */
export interface AddedLinesOptions extends GitOptions {
  /** Commits reachable from `to` and not from `from` are read. */
  from: string;
  to: string;
  /** Longer lines are cut to this many bytes (default 1 MiB): memory stays bounded. */
  maxLineBytes?: number;
  /** Blocks are split after this many lines (default 2000). */
  maxBlockLines?: number;
}

const COMMIT_MARK = 0;

/**
 * Call `onBlock` for every block of added lines of every commit in `from..to`,
 * oldest commit first, and `onFile` (when given) for every file each commit
 * touched, after that file's blocks.
 */
export async function forEachAddedBlock(
  options: AddedLinesOptions,
  onBlock: (block: AddedBlock) => void,
  onFile?: (file: PatchedFile) => void,
): Promise<void> {
  assertRevision(options.from, "from");
  assertRevision(options.to, "to");
  const context = {
    what: `read the lines added between ${options.from} and ${options.to}`,
    next: fetchHint(options.from),
  };
  const args = [
    ...MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]),
    "-c",
    "core.quotePath=false",
    "--no-pager",
    "log",
    "--reverse",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--text",
    "--unified=0",
    "--full-index",
    "--no-renames",
    "--no-relative",
    "--no-show-signature",
    "--diff-merges=dense-combined",
    "--root",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--format=%x00%H%x1f%s",
    "-p",
    `${options.from}..${options.to}`,
    "--",
  ];
  const parser = new PatchParser(onBlock, onFile ?? (() => {}), options.maxBlockLines ?? 2000);
  const proc = spawn(options.binary ?? "git", args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  const splitter = new LineSplitter(options.maxLineBytes ?? 1024 * 1024, (line) => parser.line(line));
  let stderr = "";
  let failure: unknown;
  proc.stdout.on("data", (chunk: Buffer) => {
    if (failure !== undefined) return;
    try {
      splitter.push(chunk);
    } catch (err) {
      failure = err;
      proc.kill();
    }
  });
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.on("error", (err) => reject(toGitError(err, context)));
    proc.on("close", resolve);
  });
  if (failure !== undefined) throw failure;
  if (code !== 0) throw toGitError(new Error(stderr || `git log exited with code ${code}`), context);
  splitter.end();
  parser.end();
}

/** Split a byte stream into lines, cutting each at `maxBytes`. */
class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: Buffer) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let eol = chunk.indexOf(10); eol >= 0; eol = chunk.indexOf(10, start)) {
      this.keep(chunk.subarray(start, eol));
      this.flush();
      start = eol + 1;
    }
    this.keep(chunk.subarray(start));
  }

  end(): void {
    if (this.size > 0 || this.parts.length > 0) this.flush();
  }

  private keep(piece: Buffer): void {
    const room = this.maxBytes - this.size;
    if (room <= 0 || piece.length === 0) return;
    const kept = piece.length > room ? piece.subarray(0, room) : piece;
    this.parts.push(Buffer.from(kept));
    this.size += kept.length;
  }

  private flush(): void {
    const line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    this.onLine(line);
  }
}

/** A small state machine over `git log -p --unified=0` output. */
class PatchParser {
  private commit: AddedBlock["commit"] | undefined;
  private path: string | undefined;
  /** Number of parents of a combined diff (1 for a plain one); 0 outside a hunk. */
  private columns = 0;
  private nextLine = 0;
  private block: AddedBlock | undefined;
  /** The file whose patch is being read (its header path, blobs, what its added lines looked like). */
  private file: (Omit<PatchedFile, "commit" | "path"> & { path?: string }) | undefined;

  constructor(
    private readonly onBlock: (block: AddedBlock) => void,
    private readonly onFile: (file: PatchedFile) => void,
    private readonly maxBlockLines: number,
  ) {}

  line(bytes: Buffer): void {
    if (bytes[0] === COMMIT_MARK) {
      this.close();
      this.closeFile();
      const [sha = "", subject = ""] = bytes.subarray(1).toString("utf8").split("\x1f");
      this.commit = { sha, subject };
      this.path = undefined;
      this.columns = 0;
      return;
    }
    const text = bytes.toString("utf8");
    const hunk = /^(@{2,}) (?:-\S+ )+\+(\d+)(?:,\d+)? @{2,}/.exec(text);
    if (hunk) {
      this.close();
      this.columns = hunk[1]!.length - 1;
      this.nextLine = Number(hunk[2]);
      return;
    }
    if (this.columns > 0 && /^[-+ \\]/.test(text)) return this.content(text, bytes);
    this.close();
    this.columns = 0;
    if (text.startsWith("diff ")) {
      this.closeFile();
      this.path = undefined;
      const path = diffHeaderPath(text);
      this.file = { ...(path !== undefined && { path }), created: false, parentBlobs: [], nul: false };
    } else if (text.startsWith("+++ ")) {
      this.path = newPath(text.slice(4));
      if (this.file && this.path !== undefined) this.file.path ??= this.path;
    } else if (this.file && text.startsWith("new file mode ")) {
      this.file.created = true;
    } else if (this.file && text.startsWith("index ")) {
      const m = /^index ([0-9a-f,]+)\.\.([0-9a-f]+)/.exec(text);
      if (m) {
        this.file.parentBlobs = m[1]!.split(",").filter((oid) => !/^0+$/.test(oid));
        if (!/^0+$/.test(m[2]!)) this.file.blob = m[2]!;
      }
    }
  }

  end(): void {
    this.close();
    this.closeFile();
  }

  /** Hand the file whose patch ended to `onFile`. */
  private closeFile(): void {
    const file = this.file;
    this.file = undefined;
    if (file?.path === undefined || this.commit === undefined) return;
    this.onFile({ ...file, commit: this.commit, path: file.path });
  }

  private content(text: string, bytes: Buffer): void {
    if (text.startsWith("\\")) return; // "\ No newline at end of file"
    const prefix = text.slice(0, this.columns);
    if (prefix.includes("-")) return this.close();
    const lineNumber = this.nextLine++;
    // A line is new when every parent lacks it: `+` (plain diff) or all `+` (a merge's own lines).
    if (!/^\+*$/.test(prefix) || this.path === undefined || this.commit === undefined) return this.close();
    if (this.file) {
      if (text.includes("\0")) this.file.nul = true;
      if (lineNumber === 1) this.file.firstLineBom = utf16ByBom(bytes.subarray(this.columns)) ?? "none";
    }
    if (this.block && this.block.lines.length >= this.maxBlockLines) this.close();
    this.block ??= { commit: this.commit, path: this.path, firstLine: lineNumber, lines: [] };
    this.block.lines.push(text.slice(this.columns));
  }

  private close(): void {
    if (this.block) this.onBlock(this.block);
    this.block = undefined;
  }
}

/** The path of a `+++ ` header (undefined for `/dev/null`): `b/` prefix dropped, C-style quoting undone. */
function newPath(raw: string): string | undefined {
  const trimmed = raw.replace(/\t$/, ""); // git ends a path holding spaces with a tab
  const text = trimmed.startsWith('"') ? unquote(trimmed) : trimmed;
  if (text === "/dev/null") return undefined;
  if (!text.startsWith("b/"))
    throw new GitError(
      `unexpected file header from git log: ${JSON.stringify(raw)}`,
      "report this: mlcat could not read git's patch output",
    );
  return text.slice(2);
}

/**
 * The path of a `diff --git a/P b/P` or `diff --cc P` header (renames are off,
 * so both sides of a `--git` header name the same path); undefined when the
 * header cannot be read so (the `+++ ` line then gives the path).
 */
function diffHeaderPath(line: string): string | undefined {
  const combined = /^diff --(?:cc|combined) (.*)$/.exec(line);
  if (combined) return combined[1]!.startsWith('"') ? unquote(combined[1]!) : combined[1]!;
  const plain = /^diff --git (.*)$/.exec(line);
  if (!plain) return undefined;
  const rest = plain[1]!;
  if (rest.startsWith('"')) {
    const first = unquote(rest.slice(0, quotedLength(rest)));
    return first.startsWith("a/") ? first.slice(2) : undefined;
  }
  const n = (rest.length - 5) / 2;
  if (!Number.isInteger(n) || n < 1) return undefined;
  const path = rest.slice(2, 2 + n);
  return rest === `a/${path} b/${path}` ? path : undefined;
}

/** The length of the C-quoted string at the start of `text` (quotes included). */
function quotedLength(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Undo git's C-style quoting of a path: `"b/a\"b\303\251"` -> `b/a"bé`. */
function unquote(quoted: string): string {
  const body = quoted.replace(/^"|"$/g, "");
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
