/**
 * Real temporary git repositories for tests, with fixed authors and dates:
 * every commit's date is the previous one plus a minute, so shas are stable.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BASE, type FileMap } from "./catalog.js";

/** Who a commit claims to be written by (never trusted by mlcat). */
export interface CommitAuthor {
  name: string;
  email: string;
}

const DEFAULT_AUTHOR: CommitAuthor = { name: "Test Author", email: "author@example.test" };
const START = Date.parse("2026-01-01T00:00:00Z");

/** A temporary repository and the operations tests need. */
export interface TestRepo {
  dir: string;
  /** Run git in the repository; returns trimmed stdout. */
  git(...args: string[]): string;
  /** Write files (paths from the repository root) as text or bytes; `null` deletes. */
  write(files: Record<string, string | Uint8Array | null>): void;
  /** Write catalog files (paths relative to `catalog/`) as text or bytes; `null` deletes. */
  writeCatalog(files: Record<string, string | Uint8Array | null>): void;
  /** Replace a path with a symlink to `target`. */
  symlink(path: string, target: string): void;
  /** Stage everything and commit; returns the new commit's sha. */
  commit(message: string, author?: CommitAuthor): string;
  /** Create and switch to a branch at the current commit (or at `from`). */
  branch(name: string, from?: string): void;
  /** Switch to an existing branch. */
  checkout(name: string): void;
  /** Merge `rev` into the current branch with a merge commit; returns its sha. */
  merge(rev: string): string;
  /** Remove the repository folder. */
  remove(): void;
}

/** A new repository on branch `main` with one commit (dated 2026-01-01T00:01Z) holding `catalog/` = `files` (default BASE). */
export function makeRepo(files: FileMap = BASE): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "mlcat-git-"));
  let commits = 0;
  const env = (author: CommitAuthor): NodeJS.ProcessEnv => {
    const date = new Date(START + commits * 60_000).toISOString();
    return {
      ...process.env,
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: dir,
    };
  };
  const run = (args: string[], author: CommitAuthor = DEFAULT_AUTHOR): string =>
    execFileSync("git", args, {
      cwd: dir,
      env: env(author),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  const put = (path: string, text: string | Uint8Array | null): void => {
    const abs = join(dir, path);
    rmSync(abs, { force: true, recursive: true });
    if (text === null) return;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };

  run(["init", "-q", "-b", "main"]);
  run(["config", "user.name", DEFAULT_AUTHOR.name]);
  run(["config", "user.email", DEFAULT_AUTHOR.email]);
  run(["config", "commit.gpgsign", "false"]);
  run(["config", "core.autocrlf", "false"]);

  const repo: TestRepo = {
    dir,
    git: (...args) => run(args),
    write(map) {
      for (const [path, text] of Object.entries(map)) put(path, text);
    },
    writeCatalog(map) {
      for (const [path, text] of Object.entries(map)) put(`catalog/${path}`, text);
    },
    symlink(path, target) {
      put(path, null);
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      symlinkSync(target, join(dir, path));
    },
    commit(message, author = DEFAULT_AUTHOR) {
      run(["add", "-A", "."], author);
      commits++;
      run(["commit", "-q", "--allow-empty", "-m", message], author);
      return run(["rev-parse", "HEAD"]);
    },
    branch(name, from) {
      run(from ? ["checkout", "-q", "-b", name, from] : ["checkout", "-q", "-b", name]);
    },
    checkout(name) {
      run(["checkout", "-q", name]);
    },
    merge(rev) {
      commits++;
      run(["merge", "-q", "--no-ff", "--no-edit", rev]);
      return run(["rev-parse", "HEAD"]);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  repo.writeCatalog(files);
  repo.commit("base catalog");
  return repo;
}

/**
 * Commit `files` (paths from the repository root -> text) on top of `from` as branch
 * `branch`, writing git objects directly: paths git's index refuses (`..`, `.`
 * segments) can be committed this way, as a hostile pushed commit could carry them.
 * The working tree and index are left alone. Returns the new commit's sha.
 */
export function commitRawPaths(
  repo: TestRepo,
  options: {
    from: string;
    branch: string;
    files: Record<string, string>;
    message: string;
    /** Keep the old entry of a file too, the new one listed before or after it: a malformed tree listing the name twice. */ twice?:
      "before" | "after";
  },
): string {
  const git = (args: string[], input?: string): string =>
    execFileSync("git", args, {
      cwd: repo.dir,
      input,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: "2026-02-01T00:00:00Z",
        GIT_COMMITTER_DATE: "2026-02-01T00:00:00Z",
        GIT_CONFIG_NOSYSTEM: "1",
        HOME: repo.dir,
      },
    }).trim();
  const entries = (tree: string): Array<{ mode: string; type: string; oid: string; name: string }> =>
    git(["ls-tree", "-z", tree])
      .split("\0")
      .filter((r) => r.length > 0)
      .map((r) => {
        const [meta, name] = [r.slice(0, r.indexOf("\t")), r.slice(r.indexOf("\t") + 1)];
        const [mode, type, oid] = meta.split(" ") as [string, string, string];
        return { mode, type, oid, name };
      });
  const insert = (tree: string | undefined, segments: string[], blob: string): string => {
    const [name, ...rest] = segments as [string, ...string[]];
    const list = tree ? entries(tree) : [];
    const existing = list.find((e) => e.name === name && e.type === "tree");
    const entry =
      rest.length === 0
        ? { mode: "100644", type: "blob", oid: blob, name }
        : { mode: "040000", type: "tree", oid: insert(existing?.oid, rest, blob), name };
    const twice = options.twice !== undefined && rest.length === 0;
    const kept = list.filter((e) => e.name !== name || twice);
    const at = twice && options.twice === "before" ? kept.findIndex((e) => e.name === name) : kept.length;
    const next = [...kept.slice(0, at), entry, ...kept.slice(at)];
    return git(["mktree", "-z"], next.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\0`).join(""));
  };
  let root = git(["rev-parse", `${options.from}^{tree}`]);
  for (const [path, text] of Object.entries(options.files))
    root = insert(root, path.split("/"), git(["hash-object", "-w", "--stdin"], text));
  const commit = git(["commit-tree", root, "-p", options.from, "-m", options.message]);
  git(["update-ref", `refs/heads/${options.branch}`, commit]);
  return commit;
}
