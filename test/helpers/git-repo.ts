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
  /** Write files (paths from the repository root); `null` deletes. */
  write(files: Record<string, string | null>): void;
  /** Write catalog files (paths relative to `catalog/`); `null` deletes. */
  writeCatalog(files: Record<string, string | null>): void;
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
    execFileSync("git", args, { cwd: dir, env: env(author), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  const put = (path: string, text: string | null): void => {
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
