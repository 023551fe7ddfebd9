/**
 * Validation snapshots never change what validate reports: after any change
 * to a catalog, a run that starts from the snapshot of the catalog before
 * gives exactly the diagnostics of a run of every check, and checks again
 * only part of the catalog. Each change below alters what other files'
 * checks find (references, members, quotas, vocabularies, parents, names,
 * versions, secrets); a property test then applies random sequences of them.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CHANGES, GENERATED, type Files } from "./changes.js";
import { CHECKS } from "../../src/checks/index.js";
import { checkWithSnapshots } from "../../src/accel/validate-with-snapshots.js";
import { loadCatalog } from "../../src/load/load-catalog.js";
import { Accelerator } from "../../src/accel/load-fast.js";
import { validate } from "../../src/validate.js";
import { DEFAULT_LIMITS } from "../../src/yaml/parse.js";

const root = mkdtempSync(join(tmpdir(), "mlcat-incremental-"));
// Hundreds of catalog copies: removing them takes longer than a hook's default 10 s on a busy machine.
afterAll(() => rmSync(root, { recursive: true, force: true }), 120_000);

let runs = 0;
function writeCatalog(files: Files): string {
  const dir = join(root, `c${runs++}`, "catalog");
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Diagnostics of `files`: from scratch, and from the cache folder's snapshots. */
async function both(files: Files, cache: string) {
  const dir = writeCatalog(files);
  const plain = await validate({ dir, cache: false, workers: 0 });
  const fast = await validate({ dir, cache, workers: 0 });
  return { plain, fast };
}

describe("validation snapshots give exactly what a run of every check gives", () => {
  it.each(Object.keys(CHANGES))("after this change: %s", async (name) => {
    const cache = join(root, `cache-${runs}`);
    const before = await both(GENERATED, cache);
    expect(before.fast.diagnostics).toEqual(before.plain.diagnostics);
    const changed = new Map(GENERATED);
    CHANGES[name]!(changed);
    const after = await both(changed, cache);
    expect(after.fast.diagnostics).toEqual(after.plain.diagnostics);
    // It started from the snapshot before the change, and checked again a small part of the catalog,
    // except the checks that read catalog.yaml for every file, when catalog.yaml changed.
    expect(after.fast.snapshot?.from).toBe(before.fast.snapshot?.digest);
    if (name.includes("vocabulary")) {
      expect(after.fast.snapshot!.fullChecks).toEqual(["vocabularies", "secrets"]);
    } else {
      expect(after.fast.snapshot!.fullChecks).toEqual([]);
      // Deleting what many files name (the organization, a shared connection) checks those files again;
      // so does moving a project: each of its files is new to every check that reads it (references, experiments, lineage...).
      const wide =
        name === "delete an organization file" ||
        name === "delete a connection" ||
        name === "move a project to a new folder";
      // About a quarter of the subjects at most (each check counts its own subjects checked again).
      expect(after.fast.snapshot!.checked).toBeLessThan(after.fast.summary.files / (wide ? 1 : 3.5));
    }
    if (name.startsWith("restore")) expect(after.fast.snapshot!.checked).toBe(0);
  });

  it("the changes alter what validate reports (they test something)", async () => {
    const base = (await validate({ dir: writeCatalog(GENERATED), cache: false, workers: 0 })).diagnostics;
    for (const [name, change] of Object.entries(CHANGES)) {
      if (name.startsWith("restore") || name.startsWith("edit")) continue;
      const files = new Map(GENERATED);
      change(files);
      const changed = (await validate({ dir: writeCatalog(files), cache: false, workers: 0 })).diagnostics;
      expect(changed, name).not.toEqual(base);
    }
  });

  it("after any sequence of changes", async () => {
    const names = Object.keys(CHANGES);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: names.length - 1 }), { minLength: 1, maxLength: 3 }),
        async (picks) => {
          const cache = join(root, `cache-${runs}`);
          let files = new Map(GENERATED);
          await both(files, cache);
          for (const i of picks) {
            files = new Map(files);
            try {
              CHANGES[names[i]!]!(files);
            } catch {
              continue; // an earlier change removed this one's target
            }
            const { plain, fast } = await both(files, cache);
            expect(fast.diagnostics).toEqual(plain.diagnostics);
          }
        },
      ),
      { numRuns: 8, seed: 20261127 },
    );
  });
});

describe("a check result that reused what another subject read", () => {
  it("a role given in another file to a user without github.id is found from the snapshot", async () => {
    const cache = join(root, "cache-grant-elsewhere");
    const files = new Map(GENERATED);
    CHANGES["edit the users: add two without github.id whom no role names"]!(files);
    await both(files, cache);
    const named = new Map(files);
    CHANGES["name a user without github.id as a project member"]!(named);
    const { plain, fast } = await both(named, cache);
    expect(fast.diagnostics).toEqual(plain.diagnostics);
    expect(fast.diagnostics.filter((d) => d.code === "user/missing-github-id").map((d) => d.file)).toEqual([
      expect.stringMatching(/users\/zz-newcomer-2\.yaml$/),
    ]);
    expect(fast.snapshot!.fullChecks).toEqual([]);
  });
});

describe("snapshots on disk", () => {
  it("a damaged snapshot is left alone: every check runs, and the diagnostics are the same", async () => {
    const cache = join(root, "cache-damaged");
    const dir = writeCatalog(GENERATED);
    const first = await validate({ dir, cache, workers: 0 });
    const [engine] = readdirSync(cache).filter((f) => f.startsWith("v-"));
    const [folder] = readdirSync(join(cache, engine!)).filter((f) => f.startsWith("snapshots-"));
    for (const snap of readdirSync(join(cache, engine!, folder!)))
      writeFileSync(join(cache, engine!, folder!, snap), "garbage");
    const again = await validate({ dir, cache, workers: 0 });
    expect(again.snapshot?.from).toBeUndefined();
    expect(again.snapshot?.fullChecks).toHaveLength(CHECKS.length);
    expect(again.diagnostics).toEqual(first.diagnostics);
  });

  it("runs with different sets of checks on the same files keep each other's results", async () => {
    const cache = join(root, "cache-check-sets");
    const dir = writeCatalog(GENERATED);
    const loaded = await loadCatalog({ dir, accelerator: new Accelerator({ cache, workers: 0 }, DEFAULT_LIMITS) });
    const run = (checks: typeof CHECKS) =>
      checkWithSnapshots(loaded.catalog, checks, loaded.oids!, { cacheDir: cache, limits: DEFAULT_LIMITS }).stats;
    const withoutSecrets = CHECKS.filter((c) => c.name !== "secrets");
    expect(run(withoutSecrets).fullChecks).toHaveLength(withoutSecrets.length);
    // validate after check: only the secrets check was missing.
    expect(run(CHECKS).fullChecks).toEqual(["secrets"]);
    // check after validate keeps the secrets results stored, so validate again runs nothing in full.
    expect(run(withoutSecrets).fullChecks).toEqual([]);
    expect(run(CHECKS).fullChecks).toEqual([]);
  });

  it("a snapshot serves the same catalog named by another path: diagnostics name the path of this run", async () => {
    const cache = join(root, "cache-paths");
    const files = new Map(GENERATED);
    CHANGES["name an unknown creator in an experiment"]!(files);
    const dir = writeCatalog(files);
    await validate({ dir, cache, workers: 0 });
    // The same folder, shown relative to the working directory this time.
    const elsewhere = relative(process.cwd(), dir);
    expect(elsewhere).not.toBe(dir);
    const again = await validate({ dir: elsewhere, cache, workers: 0 });
    expect(again.snapshot?.checked).toBe(0);
    expect(again.diagnostics).toEqual((await validate({ dir: elsewhere, cache: false, workers: 0 })).diagnostics);
    expect(again.diagnostics.some((d) => d.file.startsWith(`${elsewhere}/`))).toBe(true);
  });
});
