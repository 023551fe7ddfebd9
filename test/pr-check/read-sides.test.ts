/** The base read beside the head: entities the cache gave the head are shared only where nothing of the head can show through. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BlobReader } from "../../src/git/blob-reader.js";
import { DeferredTexts } from "../../src/git/blob-text.js";
import { listTreeAt } from "../../src/git/tree.js";
import { Accelerator } from "../../src/accel/load-fast.js";
import { authorityFilter, readSide } from "../../src/pr-check/read-sides.js";
import { validate } from "../../src/validate.js";
import { DEFAULT_LIMITS } from "../../src/yaml/parse.js";
import { BASE } from "../helpers/catalog.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const PROJECT = "orgs/acme/projects/churn/project.yaml";
const README = "orgs/acme/projects/churn/README.md";

async function sides(change: Record<string, string>) {
  const repo: TestRepo = makeRepo({ ...BASE, [README]: "# Churn\n" });
  const cacheDir = mkdtempSync(join(tmpdir(), "mlcat-sides-"));
  cleanups.push(
    () => repo.remove(),
    () => rmSync(cacheDir, { recursive: true, force: true }),
  );
  // What CI on main leaves: a validation of main with a cache.
  await validate({ dir: join(repo.dir, "catalog"), cache: cacheDir, workers: 0 });
  repo.branch("pr");
  repo.writeCatalog(change);
  repo.commit("change");
  const reader = BlobReader.open({ cwd: repo.dir });
  cleanups.push(() => void reader.close());
  const accelerator = new Accelerator({ cache: cacheDir }, DEFAULT_LIMITS);
  const texts = new DeferredTexts({ cwd: repo.dir, reader });
  const reading = { cwd: repo.dir, reader, dir: "catalog", accelerator, texts };
  const head = await readSide({ ...reading, rev: "pr" });
  const entries = await listTreeAt({ cwd: repo.dir, rev: "main", dir: "catalog" });
  const base = await readSide({
    ...reading,
    rev: "main",
    entries,
    include: authorityFilter(new Set(Object.keys(change))),
    reuse: head,
  });
  return { head, base };
}

describe("readSide with the head's entities to share", () => {
  it("shares an entity the cache gave the head for the same blob at the same path", async () => {
    const { head, base } = await sides({
      "users/bob.yaml": "name: bob\ndisplayName: Robert\ngithub: { login: bob, id: 1002 }\n",
    });
    expect(base.byPath.get("users/alice.yaml")).toBe(head.byPath.get("users/alice.yaml"));
    // The changed file is the base's own.
    expect(base.byPath.get("users/bob.yaml")).not.toBe(head.byPath.get("users/bob.yaml"));
    expect((base.byPath.get("users/bob.yaml")!.data as { displayName?: string }).displayName).toBe("Bob");
    expect((head.byPath.get("users/bob.yaml")!.data as { displayName?: string }).displayName).toBe("Robert");
  });

  it("never shares an entity carrying the head's README: the base's project has no trace of the pull request's README", async () => {
    const { head, base } = await sides({ [README]: "# Churn\n\nEdited in the pull request.\n" });
    expect(head.byPath.get(PROJECT)!.readme!.text).toContain("Edited in the pull request.");
    const onBase = base.byPath.get(PROJECT)!;
    expect(onBase).not.toBe(head.byPath.get(PROJECT));
    expect(onBase.readme).toBeUndefined();
    expect(onBase.data).toEqual(head.byPath.get(PROJECT)!.data);
  });
});
