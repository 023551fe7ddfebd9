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
import { generateCatalog } from "../../src/scale/generate-catalog.js";
import { validate } from "../../src/validate.js";

const root = mkdtempSync(join(tmpdir(), "mlcat-incremental-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Files = Map<string, string>;
const GENERATED: Files = generateCatalog({ entities: 300, seed: 3 }).files;

/** The first path matching `re` (a change whose target is missing is a broken test, not a pass). */
function pick(files: Files, re: RegExp, skip = 0): string {
  const found = [...files.keys()].filter((p) => re.test(p))[skip];
  if (found === undefined) throw new Error(`no file matches ${re}`);
  return found;
}

function edit(files: Files, path: string, from: RegExp | string, to: string): void {
  const text = files.get(path)!;
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: ${from} not found`);
  files.set(path, next);
}

/** A value of `field: value` in a file. */
function field(files: Files, path: string, name: string): string {
  const m = new RegExp(`^\\s*-?\\s*${name}: "?([^"\\n]+)"?$`, "m").exec(files.get(path)!);
  if (!m) throw new Error(`${path}: no ${name}`);
  return m[1]!;
}

const EXPERIMENT = /experiments\/[^/]+\.yaml$/;

/** Changes, each altering what checks of other files find. */
const CHANGES: Record<string, (files: Files) => void> = {
  "edit a project's description": (f) => edit(f, pick(f, /project\.yaml$/), /^description: .*$/m, "description: Edited."),
  "delete a user an experiment names as creator": (f) => f.delete(`users/${field(f, pick(f, EXPERIMENT), "createdBy")}.yaml`),
  "name an unknown creator in an experiment": (f) => edit(f, pick(f, EXPERIMENT, 3), /^createdBy: .*$/m, "createdBy: nobody-at-all"),
  "delete the component version an experiment runs": (f) => {
    const [org, rest] = field(f, pick(f, EXPERIMENT, 1), "component").split("/") as [string, string];
    const [name, tag] = rest.split(":") as [string, string];
    f.delete(`orgs/${org}/components/${name}/versions/${tag}.yaml`);
  },
  "remove a team member from the organization": (f) => {
    const team = pick(f, /teams\/[^/]+\.yaml$/);
    const user = field(f, team, "user");
    edit(f, pick(f, /organization\.yaml$/), new RegExp(`^- user: ${user}\\n\\s+role: \\w+\\n`, "m"), "");
  },
  "narrow the tag vocabulary": (f) => edit(f, "catalog.yaml", /^ {2}- batch\n/m, ""),
  "break a model file's YAML": (f) => f.set(pick(f, /models\/[^/]+\/model\.yaml$/, 1), "name: [unclosed\n"),
  "add an unknown property to a project": (f) => edit(f, pick(f, /project\.yaml$/, 2), /^description:/m, "colour: blue\ndescription:"),
  "add a user whose name collides after case folding": (f) => {
    const user = pick(f, /^users\//, 4);
    f.set(user.replace(/users\/(.)/, (_, c: string) => `users/${c.toUpperCase()}`), f.get(user)!);
  },
  "delete an organization file": (f) => f.delete(pick(f, /organization\.yaml$/)),
  "copy a hub version to a new tag": (f) => {
    const version = pick(f, /components\/[^/]+\/versions\/[^/]+\.yaml$/, 2);
    f.set(version.replace(/[^/]+\.yaml$/, "9.9.9.yaml"), f.get(version)!);
  },
  "put a token in a README": (f) => f.set(pick(f, /README\.md$/, 1), `${f.get(pick(f, /README\.md$/, 1))}\ntoken: ghp_${"a1B2c3D4e5".repeat(3)}abcdef\n`),
  "lower a team's project quota": (f) => edit(f, pick(f, /teams\/[^/]+\.yaml$/), /^ {2}projects: \d+$/m, "  projects: 0"),
  "send a model version's history back in time": (f) => edit(f, pick(f, /models\/[^/]+\/versions\/[^/]+\.yaml$/, 5), /at: "2025-/, 'at: "2019-'),
  "move a project to a new folder": (f) => {
    const project = pick(f, /project\.yaml$/, 1).replace(/project\.yaml$/, "");
    const [, org, name] = /^orgs\/([^/]+)\/projects\/([^/]+)\/$/.exec(project)!;
    for (const path of [...f.keys()].filter((p) => p.startsWith(project))) {
      const moved = path.replace(project, `orgs/${org}/projects/${name}-moved/`);
      f.set(moved, path.endsWith("project.yaml") ? f.get(path)!.replace(`name: ${name}`, `name: ${name}-moved`) : f.get(path)!);
      f.delete(path);
    }
  },
  "delete the experiment a model version's lineage names": (f) => {
    const version = pick(f, /models\/[^/]+\/versions\/[^/]+\.yaml$/);
    const org = version.split("/")[1]!;
    f.delete(`orgs/${org}/projects/${field(f, version, "project")}/experiments/${field(f, version, "experiment")}.yaml`);
  },
  "delete a connection": (f) => f.delete(pick(f, /connections\/[^/]+\.yaml$/, 3)),
  "delete a team": (f) => f.delete(pick(f, /teams\/[^/]+\.yaml$/)),
  "add a README no project owns": (f) => f.set(`orgs/${pick(f, /organization\.yaml$/).split("/")[1]}/projects/ghost/README.md`, "# Ghost\n"),
  "restore nothing (no change at all)": () => {},
};

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
      // Deleting what many files name (the organization, a shared connection) checks those files again.
      const wide = name === "delete an organization file" || name === "delete a connection";
      expect(after.fast.snapshot!.checked).toBeLessThan(after.fast.summary.files / (wide ? 1 : 4));
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
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: names.length - 1 }), { minLength: 1, maxLength: 3 }), async (picks) => {
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
      }),
      { numRuns: 8, seed: 20261127 },
    );
  });
});

describe("snapshots on disk", () => {
  it("a damaged snapshot is left alone: every check runs, and the diagnostics are the same", async () => {
    const cache = join(root, "cache-damaged");
    const dir = writeCatalog(GENERATED);
    const first = await validate({ dir, cache, workers: 0 });
    const [engine] = readdirSync(cache).filter((f) => f.startsWith("v-"));
    const [folder] = readdirSync(join(cache, engine!)).filter((f) => f.startsWith("snapshots-"));
    for (const snap of readdirSync(join(cache, engine!, folder!))) writeFileSync(join(cache, engine!, folder!, snap), "garbage");
    const again = await validate({ dir, cache, workers: 0 });
    expect(again.snapshot?.from).toBeUndefined();
    expect(again.snapshot?.fullChecks).toHaveLength(8);
    expect(again.diagnostics).toEqual(first.diagnostics);
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
