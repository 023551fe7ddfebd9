import { chmodSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  BlobReader,
  changedFiles,
  commitsBetween,
  GitError,
  listTreeAt,
  mergeBase,
  readCatalogAt,
  resolveCommit,
} from "../../src/git/index.js";
import { DeferredTexts } from "../../src/git/blob-text.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const repos: TestRepo[] = [];
function repo(): TestRepo {
  const r = makeRepo({ "catalog.yaml": "title: T\nadmins: [alice]\n", "users/alice.yaml": "name: alice\n" });
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The GitError a promise rejects with (fails the test when it resolves). */
async function gitErrorOf(promise: Promise<unknown>): Promise<GitError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GitError);
  return err as GitError;
}

describe("readCatalogAt", () => {
  it("reads the catalog of a revision from git objects, not from the working tree", async () => {
    const r = repo();
    const first = r.git("rev-parse", "HEAD");
    r.writeCatalog({ "users/alice.yaml": "name: alice\ndisplayName: Alice\n" });
    r.commit("edit alice");
    r.writeCatalog({ "users/alice.yaml": "name: alice\n# not committed\n" });
    const files = await readCatalogAt({ cwd: r.dir, rev: first });
    expect(files.map((f) => [f.relPath, f.type, text(f.bytes)])).toEqual([
      ["catalog.yaml", "file", "title: T\nadmins: [alice]\n"],
      ["users/alice.yaml", "file", "name: alice\n"],
    ]);
    const head = await readCatalogAt({ cwd: r.dir, rev: "HEAD" });
    expect(text(head[1]!.bytes)).toBe("name: alice\ndisplayName: Alice\n");
  });

  it("keeps modes: a symlink (120000) and a submodule (160000) come back as such, without content", async () => {
    const r = repo();
    r.symlink("catalog/orgs/acme/projects/churn/README.md", "../../../../../etc/passwd");
    r.commit("symlink");
    const sha = r.git("rev-parse", "HEAD");
    r.git("update-index", "--add", "--cacheinfo", `160000,${sha},catalog/vendor`);
    r.git("commit", "-q", "-m", "submodule");
    const files = await readCatalogAt({ cwd: r.dir, rev: "HEAD" });
    expect(files.map((f) => [f.relPath, f.type, f.bytes.length])).toEqual([
      ["catalog.yaml", "file", 25],
      ["orgs/acme/projects/churn/README.md", "symlink", 0],
      ["users/alice.yaml", "file", 12],
      ["vendor", "submodule", 0],
    ]);
  });

  it("reads only the files `include` accepts, but always lists non-regular entries", async () => {
    const r = repo();
    r.symlink("catalog/users/evil.yaml", "alice.yaml");
    r.commit("symlink");
    const files = await readCatalogAt({ cwd: r.dir, rev: "HEAD", include: (p) => p === "catalog.yaml" });
    expect(files.map((f) => [f.relPath, f.type])).toEqual([
      ["catalog.yaml", "file"],
      ["users/evil.yaml", "symlink"],
    ]);
  });

  it("does not read files over the size cap, but reports their size", async () => {
    const r = repo();
    r.writeCatalog({ "users/big.yaml": `name: big\nbio: ${"x".repeat(5000)}\n` });
    r.commit("big");
    const files = await readCatalogAt({ cwd: r.dir, rev: "HEAD", maxFileBytes: 1000 });
    const big = files.find((f) => f.relPath === "users/big.yaml")!;
    expect([big.bytes.length, big.size]).toEqual([0, 5016]);
  });

  it("lists the whole tree with modes and sizes", async () => {
    const r = repo();
    r.write({ "src/run.sh": "#!/bin/sh\n" });
    chmodSync(join(r.dir, "src/run.sh"), 0o755);
    r.commit("script");
    const entries = await listTreeAt({ cwd: r.dir, rev: "HEAD" });
    expect(entries.map((e) => [e.path, e.mode, e.type, e.size])).toEqual([
      ["catalog/catalog.yaml", "100644", "file", 25],
      ["catalog/users/alice.yaml", "100644", "file", 12],
      ["src/run.sh", "100755", "file", 10],
    ]);
  });
});

describe("changedFiles", () => {
  it("breaks a rename into a delete plus an add, and keeps old and new modes", async () => {
    const r = repo();
    const base = r.git("rev-parse", "HEAD");
    r.git("mv", "catalog/users/alice.yaml", "catalog/users/alicia.yaml");
    r.symlink("catalog/link.yaml", "catalog.yaml");
    r.commit("rename and link");
    const changes = await changedFiles({ cwd: r.dir, from: base, to: "HEAD" });
    expect(
      changes.map(({ status, path, oldMode, newMode, type }) => ({ status, path, oldMode, newMode, type })),
    ).toEqual([
      { status: "added", path: "catalog/link.yaml", oldMode: "000000", newMode: "120000", type: "symlink" },
      { status: "deleted", path: "catalog/users/alice.yaml", oldMode: "100644", newMode: "000000", type: "file" },
      { status: "added", path: "catalog/users/alicia.yaml", oldMode: "000000", newMode: "100644", type: "file" },
    ]);
  });

  it("reports a file replaced by a symlink as a type change", async () => {
    const r = repo();
    const base = r.git("rev-parse", "HEAD");
    r.symlink("catalog/users/alice.yaml", "/etc/passwd");
    r.commit("swap");
    const [change] = await changedFiles({ cwd: r.dir, from: base, to: "HEAD" });
    expect(change).toMatchObject({ status: "type-changed", oldMode: "100644", newMode: "120000", type: "symlink" });
  });
});

describe("revisions", () => {
  it("finds the merge-base of a branch that merged main, and lists commits with their claimed authors", async () => {
    const r = repo();
    const fork = r.git("rev-parse", "HEAD");
    r.branch("feature");
    r.writeCatalog({ "users/bob.yaml": "name: bob\n" });
    r.commit("add bob", { name: "Alice Admin", email: "alice@example.test" });
    r.checkout("main");
    r.writeCatalog({ "catalog.yaml": "title: T2\nadmins: [alice]\n" });
    const mainTip = r.commit("retitle");
    r.checkout("feature");
    r.merge("main");
    expect(await mergeBase({ cwd: r.dir, base: "main", head: "feature" })).toBe(mainTip);
    expect(await resolveCommit({ cwd: r.dir, rev: "main~1" })).toBe(fork);
    const commits = await commitsBetween({ cwd: r.dir, from: "main", to: "feature" });
    expect(commits.map((c) => [c.authorName, c.authorEmail, c.subject])).toEqual([
      ["Test Author", "author@example.test", "Merge branch 'main' into feature"],
      ["Alice Admin", "alice@example.test", "add bob"],
    ]);
    expect(commits[1]!.date).toBe("2026-01-01T00:02:00+00:00");
  });

  it.each([
    [
      "an unknown branch",
      { rev: "origin/main" },
      /cannot find the base revision origin\/main/,
      /git fetch origin main/,
    ],
    ["an option in disguise", { rev: "--output=/tmp/x" }, /invalid base revision/, /pass a branch, tag or commit sha/],
  ])("refuses %s with what to do next", async (_name, { rev }, message, hint) => {
    const r = repo();
    const err = await gitErrorOf(resolveCommit({ cwd: r.dir, rev, role: "base" }));
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
  });

  it("says when the folder is not a git repository or git is missing", async () => {
    const notRepo = await gitErrorOf(resolveCommit({ cwd: "/", rev: "HEAD" }));
    expect([notRepo.failure, notRepo.hint]).toEqual([
      "not-a-repository",
      "run mlcat in the repository's folder, or pass --repo <dir>",
    ]);
    const r = repo();
    const missing = await gitErrorOf(resolveCommit({ cwd: r.dir, rev: "HEAD", binary: "/nonexistent/git" }));
    expect(missing.failure).toBe("missing-git");
    expect(missing.message).toMatchInlineSnapshot(
      `"git is not installed or not on PATH (needed to find the given revision HEAD)"`,
    );
  });
});

describe("BlobReader", () => {
  it("answers many pipelined requests from one process, and rejects a missing object with a fetch hint", async () => {
    const r = repo();
    const entries = await listTreeAt({ cwd: r.dir, rev: "HEAD" });
    const reader = BlobReader.open({ cwd: r.dir });
    try {
      const blobs = await reader.readMany([...entries.map((e) => e.oid), entries[0]!.oid]);
      expect([...blobs.values()].map(text)).toEqual(["title: T\nadmins: [alice]\n", "name: alice\n"]);
      const err = await gitErrorOf(reader.read("0".repeat(40)));
      expect(err.message).toMatch(/is missing from this repository/);
      expect(text(await reader.read(entries[1]!.oid))).toBe("name: alice\n");
    } finally {
      await reader.close();
    }
  });

  it("fails every pending read when git cannot start", async () => {
    const reader = BlobReader.open({ cwd: "/", binary: "/nonexistent/git" });
    const err = await gitErrorOf(reader.read("0".repeat(40)));
    expect(err.failure).toBe("missing-git");
    await reader.close();
  });
});

describe("DeferredTexts", () => {
  it("reads a blob left unread by its id, batched or alone, never a replacement someone pushed for it (refs/replace)", async () => {
    const r = repo();
    const oid = r.git("rev-parse", "HEAD:catalog/users/alice.yaml");
    r.write({ "forged.yaml": "name: alice\ndisplayName: Forged\n" });
    const forgedOid = r.git("hash-object", "-w", "forged.yaml");
    r.git("replace", oid, forgedOid);
    expect(r.git("cat-file", "blob", oid)).toContain("Forged");
    const reader = BlobReader.open({ cwd: r.dir });
    try {
      const alone = new DeferredTexts({ cwd: r.dir, reader });
      expect(alone.later(oid)()).toBe("name: alice\n");
      expect(alone.singleReads).toBe(1);
      const batched = new DeferredTexts({ cwd: r.dir, reader });
      const text = batched.later(oid);
      await batched.prefetch([oid]);
      expect(text()).toBe("name: alice\n");
      expect(batched.singleReads).toBe(0);
    } finally {
      await reader.close();
    }
  });
});
