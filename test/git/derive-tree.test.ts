import { chmodSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { blobSizesOf, ObjectInfo } from "../../src/git/object-info.js";
import type { GitOptions } from "../../src/git/run-git.js";
import { changedFiles } from "../../src/git/changed-files.js";
import { newBlobsOf, oldBlobsOf, treeAfter, treeBefore } from "../../src/git/derive-tree.js";
import { GitError } from "../../src/git/git-error.js";
import { listTreeAt } from "../../src/git/tree.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const repos: TestRepo[] = [];

/** The sizes of blobs from a `git cat-file --batch-check` of their own. */
async function blobSizes(options: GitOptions, oids: Iterable<string>): Promise<Map<string, number>> {
  const info = ObjectInfo.open(options);
  try {
    return await blobSizesOf(info, oids);
  } finally {
    await info.close();
  }
}
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

function repo(): TestRepo {
  const r = makeRepo({
    "catalog.yaml": "title: T\nadmins: [alice]\n",
    "users/alice.yaml": "name: alice\n",
    "users/bob.yaml": "name: bob\n",
    "orgs/acme/organization.yaml": "name: acme\n",
    "orgs/acme/projects/churn/project.yaml": "name: churn\n",
    "orgs/acme/projects/churn/README.md": "# Churn\n",
  });
  r.write({ "src/tool.ts": "export {};\n" });
  r.symlink("catalog/link.yaml", "users/alice.yaml");
  r.commit("tool");
  repos.push(r);
  return r;
}

/** Each way a pull request can change its tree, applied on a branch of main. */
const CHANGES: Array<{ name: string; apply: (r: TestRepo) => void }> = [
  { name: "a file added", apply: (r) => r.writeCatalog({ "users/carol.yaml": "name: carol\n" }) },
  { name: "a file deleted", apply: (r) => r.writeCatalog({ "users/bob.yaml": null }) },
  {
    name: "a file modified",
    apply: (r) => r.writeCatalog({ "orgs/acme/organization.yaml": "name: acme\ndisplayName: Acme\n" }),
  },
  { name: "a file renamed", apply: (r) => r.git("mv", "catalog/users/bob.yaml", "catalog/users/robert.yaml") },
  { name: "a file made executable", apply: (r) => chmodSync(join(r.dir, "catalog/users/alice.yaml"), 0o755) },
  { name: "a file turned into a symlink", apply: (r) => r.symlink("catalog/users/bob.yaml", "alice.yaml") },
  { name: "a symlink turned into a file", apply: (r) => r.writeCatalog({ "link.yaml": "name: x\n" }) },
  {
    name: "a file turned into a folder",
    apply: (r) => r.writeCatalog({ "users/bob.yaml": null, "users/bob.yaml/x.yaml": "name: x\n" }),
  },
  { name: "a folder removed", apply: (r) => r.writeCatalog({ "orgs/acme/projects": null }) },
  { name: "a change outside the catalog only", apply: (r) => r.write({ "src/tool.ts": "export const x = 1;\n" }) },
  { name: "nothing changed", apply: () => {} },
];

describe("treeBefore: a revision's catalog tree from another's and the diff between them", () => {
  it.each(CHANGES)("equals git ls-tree of the base when $name", async ({ apply }) => {
    const r = repo();
    r.branch("pr");
    apply(r);
    r.commit("change");
    const head = await listTreeAt({ cwd: r.dir, rev: "pr", dir: "catalog" });
    const diff = await changedFiles({ cwd: r.dir, from: "main", to: "pr" });
    const sizes = await blobSizes({ cwd: r.dir }, oldBlobsOf(diff, "catalog"));
    expect(treeBefore(head, diff, sizes, "catalog")).toEqual(
      await listTreeAt({ cwd: r.dir, rev: "main", dir: "catalog" }),
    );
  });

  it("undoes the changes of both sides when the base moved on (base ← head, through the merge-base)", async () => {
    const r = repo();
    r.branch("pr");
    r.writeCatalog({ "users/carol.yaml": "name: carol\n", "users/bob.yaml": null });
    r.commit("pr");
    r.checkout("main");
    r.writeCatalog({ "users/dave.yaml": "name: dave\n", "orgs/acme/organization.yaml": "name: acme\n# moved on\n" });
    r.commit("main moves on");
    for (const [from, to] of [
      ["main", "pr"],
      [r.git("merge-base", "main", "pr"), "pr"],
    ] as const) {
      const head = await listTreeAt({ cwd: r.dir, rev: to, dir: "catalog" });
      const diff = await changedFiles({ cwd: r.dir, from, to });
      const sizes = await blobSizes({ cwd: r.dir }, oldBlobsOf(diff, "catalog"));
      expect(treeBefore(head, diff, sizes, "catalog")).toEqual(
        await listTreeAt({ cwd: r.dir, rev: from, dir: "catalog" }),
      );
    }
  });

  it("refuses a diff that does not belong to the tree", async () => {
    const r = repo();
    r.branch("pr");
    r.writeCatalog({ "users/alice.yaml": "name: alice\ndisplayName: A\n" });
    r.commit("pr");
    const diff = await changedFiles({ cwd: r.dir, from: "main", to: "pr" });
    const mainTree = await listTreeAt({ cwd: r.dir, rev: "main", dir: "catalog" });
    expect(() => treeBefore(mainTree, diff, new Map(), "catalog")).toThrow(
      /the diff says catalog\/users\/alice\.yaml is/,
    );
  });
});

describe("treeAfter: a revision's catalog tree from an earlier one's and the diff between them", () => {
  it.each(CHANGES)("equals git ls-tree of the head when $name", async ({ apply }) => {
    const r = repo();
    r.branch("pr");
    apply(r);
    r.commit("change");
    const base = await listTreeAt({ cwd: r.dir, rev: "main", dir: "catalog" });
    const diff = await changedFiles({ cwd: r.dir, from: "main", to: "pr" });
    const sizes = await blobSizes({ cwd: r.dir }, newBlobsOf(diff, "catalog"));
    expect(treeAfter(base, diff, sizes, "catalog")).toEqual(
      await listTreeAt({ cwd: r.dir, rev: "pr", dir: "catalog" }),
    );
  });

  it("refuses a diff that does not start from the tree", async () => {
    const r = repo();
    r.branch("pr");
    r.writeCatalog({ "users/alice.yaml": "name: alice\ndisplayName: A\n" });
    r.commit("pr");
    const diff = await changedFiles({ cwd: r.dir, from: "main", to: "pr" });
    const prTree = await listTreeAt({ cwd: r.dir, rev: "pr", dir: "catalog" });
    expect(() => treeAfter(prTree, diff, new Map(), "catalog")).toThrow(
      /the diff says catalog\/users\/alice\.yaml was/,
    );
  });
});

describe("blobSizes", () => {
  it("gives each blob's size in bytes, from one git process", async () => {
    const r = repo();
    const tree = await listTreeAt({ cwd: r.dir, rev: "HEAD", dir: "catalog" });
    const sizes = await blobSizes(
      { cwd: r.dir },
      tree.map((e) => e.oid),
    );
    expect(tree.map((e) => sizes.get(e.oid))).toEqual(tree.map((e) => e.size));
    expect((await blobSizes({ cwd: r.dir }, [])).size).toBe(0);
  });

  it("fails with a GitError for an object the repository lacks or that is no blob", async () => {
    const r = repo();
    const missing = await blobSizes({ cwd: r.dir }, ["0123456789012345678901234567890123456789"]).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(GitError);
    expect((missing as GitError).message).toMatch(/is missing from this repository/);
    const tree = r.git("rev-parse", "HEAD^{tree}");
    const notBlob = await blobSizes({ cwd: r.dir }, [tree]).catch((e: unknown) => e);
    expect((notBlob as GitError).message).toMatch(/is a tree, not a file/);
  });
});
