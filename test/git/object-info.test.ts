/**
 * The one `git cat-file --batch-check` a check asks for the commits its
 * revisions name and for the sizes of old files: it must resolve exactly what
 * `git rev-parse --verify <rev>^{commit}` resolves, refuse what it refuses,
 * and fail (never answer) when git cannot run.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/git-error.js";
import { commitOf, ObjectInfo } from "../../src/git/object-info.js";
import { makeRepo } from "../helpers/git-repo.js";

const r = makeRepo({ "catalog.yaml": "title: T\nadmins: [alice]\n", "users/alice.yaml": "name: alice\n" });
const first = r.git("rev-parse", "HEAD");
r.writeCatalog({ "users/bob.yaml": "name: bob\n" });
const second = r.commit("add bob");
r.git("tag", "-a", "v1", "-m", "release", first);
r.git("tag", "light", second);
r.branch("feature");
// A branch whose name is also a tag's: git prefers the tag, with a warning.
r.git("branch", "v1", second);
afterAll(() => r.remove());

/** What `git rev-parse --verify --end-of-options <rev>^{commit}` says: the commit, or undefined when it refuses. */
function revParse(rev: string): string | undefined {
  const out = spawnSync(
    "git",
    ["-c", "core.useReplaceRefs=false", "rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`],
    { cwd: r.dir, encoding: "utf8" },
  );
  return out.status === 0 ? out.stdout.trim() : undefined;
}

describe("commitOf", () => {
  const info = ObjectInfo.open({ cwd: r.dir });
  afterAll(() => info.close());

  it.each([
    ["a branch", "main"],
    ["HEAD", "HEAD"],
    ["a parent expression", "main~1"],
    ["a full commit id", first],
    ["an abbreviated commit id", first.slice(0, 10)],
    ["an annotated tag (peeled to its commit), also a branch name", "v1"],
    ["a lightweight tag", "light"],
    ["a fully qualified ref", "refs/heads/feature"],
    ["an unknown name", "origin/main"],
    ["a blob (no commit)", r.git("rev-parse", "HEAD:catalog/catalog.yaml")],
    ["a tree (no commit)", "HEAD^{tree}"],
    ["a name with spaces", "no such branch"],
    ["a path expression", "HEAD:catalog/catalog.yaml"],
    ["a parent that does not exist", `${first}~1`],
  ])("resolves %s as git rev-parse --verify does", async (_what, rev) => {
    const expected = revParse(rev);
    const got = await commitOf(info, rev, "base").then(
      (sha) => sha,
      (err: unknown) => {
        expect(err).toBeInstanceOf(GitError);
        expect((err as GitError).message).toBe(`cannot find the base revision ${rev} in this repository`);
        return undefined;
      },
    );
    expect(got).toBe(expected);
  });

  it("answers many requests in order from one process", async () => {
    const revs = ["main", "feature", "main~1", "nope", "v1", "light"];
    const got = await Promise.all(revs.map((rev) => commitOf(info, rev, "head").catch(() => "refused")));
    expect(got).toEqual([second, second, first, "refused", first, second]);
  });

  it.each(["--output=/tmp/x", "-h", "", "main\nHEAD"])("refuses %j before asking git", async (rev) => {
    const err = await commitOf(info, rev, "base").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).message).toMatch(/^cannot use the base revision: invalid base revision/);
  });

  it("tells which fetch is missing", async () => {
    const err = (await commitOf(info, "origin/main", "base").catch((e: unknown) => e)) as GitError;
    expect(err.hint).toMatch(/git fetch origin main/);
  });
});

describe("commitOf with revisions git gives up on", () => {
  it.each(["main@{u}", "HEAD@{1000}", "@{push}"])(
    "says %s names no revision (and git rev-parse agrees)",
    async (rev) => {
      expect(revParse(rev)).toBeUndefined();
      const info = ObjectInfo.open({ cwd: r.dir });
      try {
        const err = (await commitOf(info, rev, "head").catch((e: unknown) => e)) as GitError;
        expect(err).toBeInstanceOf(GitError);
        expect([err.message, err.hint]).toEqual([
          `cannot find the head revision ${rev} in this repository`,
          expect.stringMatching(/fetch/),
        ]);
      } finally {
        await info.close();
      }
    },
  );
});

describe("ObjectInfo when git cannot answer", () => {
  it("fails every request when git says something it was not asked", async () => {
    const bin = join(r.dir, ".git", "chatty-git");
    writeFileSync(bin, `#!/bin/sh\necho hello\nexec git "$@"\n`, { mode: 0o755 });
    const info = ObjectInfo.open({ cwd: r.dir, binary: bin });
    const answers = await Promise.all(
      ["main", "main~1"].map((rev) => commitOf(info, rev, "base").catch((e: unknown) => e)),
    );
    for (const a of answers) expect(a).toBeInstanceOf(GitError);
    await info.close();
  });

  it.each([
    ["the folder is not a git repository", { cwd: "/" }, "not-a-repository"],
    ["git is missing", { cwd: r.dir, binary: "/nonexistent/git" }, "missing-git"],
    ["the folder does not exist", { cwd: "/nonexistent/repo" }, "no-folder"],
  ] as const)("fails every request when %s", async (_what, options, failure) => {
    const info = ObjectInfo.open(options);
    const errs = await Promise.all([info.ask("HEAD"), info.ask("main")].map((p) => p.catch((e: unknown) => e)));
    for (const err of errs) {
      expect(err).toBeInstanceOf(GitError);
      expect((err as GitError).failure).toBe(failure);
    }
    // Asked again after the failure: the same answer, at once.
    expect(((await info.ask("HEAD").catch((e: unknown) => e)) as GitError).failure).toBe(failure);
    await info.close();
  });
});
