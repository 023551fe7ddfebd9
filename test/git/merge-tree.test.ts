/** The tree a merge would produce, from git's own merge: clean merges, conflicts, and what git cannot do. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/git-error.js";
import { mergeTreeOf, parseMergeTree } from "../../src/git/merge-tree.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const LINES = "a\nb\nc\nd\ne\n";

/** main and a branch `pr` from it, each with its own change to `catalog/notes.txt` (and whatever else `main` and `pr` write). */
function forked(main: Record<string, string | null>, pr: Record<string, string | null>): TestRepo {
  const r = makeRepo({ "notes.txt": LINES, "other.txt": "x\n" });
  repos.push(r);
  r.branch("pr");
  r.writeCatalog(pr);
  r.commit("pr");
  r.checkout("main");
  r.writeCatalog(main);
  r.commit("main moves on");
  return r;
}

describe("mergeTreeOf", () => {
  it("gives the tree `git merge` makes when both sides changed one file in separate places", async () => {
    const r = forked({ "notes.txt": LINES.replace("b\n", "B\n") }, { "notes.txt": LINES.replace("d\n", "D\n") });
    const [main, pr] = [r.git("rev-parse", "main"), r.git("rev-parse", "pr")];
    const merged = await mergeTreeOf({ cwd: r.dir, first: main, second: pr });
    expect(merged.clean).toBe(true);
    expect(merged.conflicts).toEqual([]);
    expect(r.git("cat-file", "blob", `${merged.tree}:catalog/notes.txt`)).toBe("a\nB\nc\nD\ne");
    // No branch, index or working tree was touched.
    expect([r.git("rev-parse", "HEAD"), r.git("status", "--porcelain")]).toEqual([main, ""]);
    r.git("merge", "-q", "--no-edit", "pr");
    expect(merged.tree).toBe(r.git("rev-parse", "HEAD^{tree}"));
  });

  it("lists each conflicted path with the sides git found there", async () => {
    const r = forked(
      { "notes.txt": LINES.replace("c\n", "main\n"), "other.txt": "main\n", "gone.txt": null, "added.txt": "main\n" },
      { "notes.txt": LINES.replace("c\n", "pr\n"), "other.txt": null, "added.txt": "pr\n" },
    );
    const merged = await mergeTreeOf({
      cwd: r.dir,
      first: r.git("rev-parse", "main"),
      second: r.git("rev-parse", "pr"),
    });
    expect(merged.clean).toBe(false);
    expect(merged.conflicts).toEqual([
      { path: "catalog/added.txt", stages: [2, 3] },
      { path: "catalog/notes.txt", stages: [1, 2, 3] },
      { path: "catalog/other.txt", stages: [1, 2] },
    ]);
  });

  it("merges the repository's own objects, never replacements someone pushed (refs/replace)", async () => {
    const r = forked({ "notes.txt": LINES.replace("b\n", "B\n") }, { "notes.txt": LINES.replace("d\n", "D\n") });
    const forged = execFileSync("git", ["hash-object", "-w", "--stdin"], {
      cwd: r.dir,
      input: "forged\n",
      encoding: "utf8",
    }).trim();
    r.git("replace", r.git("rev-parse", "pr:catalog/notes.txt"), forged);
    const merged = await mergeTreeOf({
      cwd: r.dir,
      first: r.git("rev-parse", "main"),
      second: r.git("rev-parse", "pr"),
    });
    expect(merged.clean).toBe(true);
    expect(r.git("--no-replace-objects", "cat-file", "blob", `${merged.tree}:catalog/notes.txt`)).toBe("a\nB\nc\nD\ne");
  });

  it("says what to do when git is too old for merge-tree --write-tree", async () => {
    const r = forked({ "notes.txt": "main\n" }, { "notes.txt": "pr\n" });
    const bin = mkdtempSync(join(tmpdir(), "mlcat-old-git-"));
    writeFileSync(
      join(bin, "git"),
      `#!/bin/sh\necho "error: unknown option \\\`write-tree'" >&2\necho "usage: git merge-tree <base-tree> <branch1> <branch2>" >&2\nexit 129\n`,
      { mode: 0o755 },
    );
    const err = await mergeTreeOf({ cwd: r.dir, binary: join(bin, "git"), first: "main", second: "pr" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect([(err as GitError).message, (err as GitError).hint]).toEqual([
      "cannot merge pr into main: this git has no `git merge-tree --write-tree` (git 2.38 or later is needed)",
      "upgrade git to 2.38 or later (git --version)",
    ]);
  });

  it("refuses revisions git could read as options", async () => {
    const r = forked({}, {});
    await expect(mergeTreeOf({ cwd: r.dir, first: "--output=/tmp/x", second: "pr" })).rejects.toThrow(
      /invalid base revision/,
    );
  });
});

describe("parseMergeTree", () => {
  it("reads a path holding a tab, a newline or non-ASCII letters as it is", () => {
    const tree = "1".repeat(40);
    const entry = (stage: number, path: string) => `100644 ${"2".repeat(40)} ${stage}\t${path}\0`;
    expect(parseMergeTree(`${tree}\0${entry(2, "a\tb\nc é.txt")}${entry(3, "a\tb\nc é.txt")}`)).toEqual({
      tree,
      conflicts: [{ path: "a\tb\nc é.txt", stages: [2, 3] }],
    });
    expect(() => parseMergeTree("Auto-merging x\n")).toThrow(GitError);
  });
});
