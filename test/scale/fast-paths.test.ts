/**
 * The loader's fast paths (worker threads, the content cache cold and warm,
 * lazy documents, templates checked on plain data) give exactly the
 * diagnostics and the data of the plain path, on a catalog full of problems
 * of every kind and on a generated catalog with defects; the cache is never
 * stale and stays within its bound.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collisionKeys, foldName, skeletonOf } from "../../src/checks/naming-skeleton.js";
import { findTemplateProblems } from "../../src/checks/spec-templates.js";
import { loadCatalogFromFiles } from "../../src/load/load-catalog.js";
import { classifyPath } from "../../src/model/kinds.js";
import { readCatalogDir } from "../../src/load/read-dir.js";
import { blobId } from "../../src/model/blob-id.js";
import { engineFingerprint } from "../../src/accel/cache-key.js";
import { ContentCache } from "../../src/accel/content-cache.js";
import { Accelerator } from "../../src/accel/load-fast.js";
import { releaseWorkers } from "../../src/accel/worker-pool.js";
import { generateCatalog } from "../../scripts/scale/generate-catalog.ts";
import { writeCatalogFiles } from "../../scripts/scale/write-repository.ts";
import { validate, type ValidationResult } from "../../src/validate.js";
import { DEFAULT_LIMITS, parseYamlFile } from "../../src/yaml/parse.js";
import { BASE } from "../helpers/catalog.js";

/** The threads of this process (Linux: /proc/self/task), worker threads included. */
const threadCount = () => readdirSync("/proc/self/task").length;

const root = mkdtempSync(join(tmpdir(), "mlcat-fast-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
}

const HAZARDS = join(import.meta.dirname, "..", "fixtures", "yaml-hazards");

/** BASE plus a file with every kind of problem: rejected by the loader, refused by the schema, and caught by the rules. */
function troubledCatalog(dir: string): void {
  const files: Record<string, string | Buffer> = { ...BASE };
  for (const name of readdirSync(HAZARDS).filter((f) => f.endsWith(".yaml")))
    files[`users/h-${name.replace(/\.yaml$/, "")}.yaml`] = readFileSync(join(HAZARDS, name));
  files["users/latin1.yaml"] = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]);
  files["users/huge.yaml"] = `name: huge\nbio: "${"x".repeat(5000)}"\n`;
  files["orgs/acme/teams/broken.yaml"] = "name: broken\ndescripton: typo\nmembers:\n  - user: alice\n    role: boss\n";
  files["orgs/acme/teams/ghosts.yaml"] =
    "name: ghosts\nmembers:\n  - user: nobody\n    role: member\n  - user: alice\n    role: member\n  - user: alice\n    role: admin\n";
  files["orgs/acme/components/train/versions/2.0.0.yaml"] =
    (BASE["orgs/acme/components/train/versions/1.0.0.yaml"] ?? "").replace(
      "kind: component",
      "kind: component\ntags: [x]",
    ) + "# {{ in a comment }}\n";
  files["orgs/acme/projects/churn/components/prep.yaml"] =
    "kind: component\ninputs:\n  - name: a\n    type: str\n  - name: a\n    type: int\noutputs:\n  - name: out\nrun:\n  kind: job\n  container:\n    image: x\n    args: ['{{ a }}', '{{ b }}', '{{ params.c }}', '{{ globals.run_outputs_path }}']\n";
  files["orgs/acme/projects/churn/experiments/run-2.yaml"] = "name: run-3\ncomponent: acme/train:9.9.9\nstatus: done\n";
  files["users/carol.yaml"] = "name: karol\n";
  files["orgs/ghost-org/teams/t.yaml"] = "name: t\nmembers: []\n";
  files["orgs/acme/models/churn-model/README.md"] = "# churn-model\n";
  files["stray.txt"] = "not a catalog file\n";
  writeTree(dir, files);
  symlinkSync("alice.yaml", join(dir, "users", "link.yaml"));
}

/** What a run shows: the diagnostics, and every entity's kind, key, data and schema verdict. */
function shape(result: ValidationResult): unknown {
  return {
    diagnostics: result.diagnostics,
    entities: result.catalog.entities().map((e) => [e.kind, e.key, e.data, e.schemaValid, e.readme?.text]),
    summary: result.summary,
  };
}

const LIMITS = { maxFileBytes: 4096 };

describe.each([
  [
    "a catalog with every kind of problem",
    "troubled",
    troubledCatalog,
    ["file/", "yaml/", "schema/", "ref/", "spec/", "name/"],
  ],
  [
    "a generated catalog with defects",
    "generated",
    (dir: string) => writeCatalogFiles(generateCatalog({ entities: 400, seed: 9, defects: 12 }), dir, "."),
    ["schema/", "ref/", "spec/", "name/", "vocab/"],
  ],
] as const)("on %s, every fast path gives what the plain path gives", (_label, name, make, families) => {
  const dir = join(root, name);
  const cache = join(root, `${name}-cache`);
  let plain: unknown;
  beforeAll(async () => {
    make(dir);
    plain = shape(await validate({ dir, limits: LIMITS, cache: false, workers: 0 }));
  });

  it("(the plain path finds problems of every family there)", () => {
    const codes = (plain as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code);
    for (const family of families)
      expect(
        codes.some((c) => c.startsWith(family)),
        family,
      ).toBe(true);
  });

  it("with worker threads (all batches in the workers, then shared with the main thread)", async () => {
    const accelerator = new Accelerator({ workers: 2, mainThreadWorks: false }, { ...DEFAULT_LIMITS, ...LIMITS });
    const result = await validate({ dir, limits: LIMITS, accelerator });
    expect(accelerator.lastSplit).toMatchObject({ workers: 2, mainBatches: 0 });
    expect(accelerator.lastSplit!.workerBatches).toBeGreaterThan(1);
    expect(shape(result)).toEqual(plain);
    expect(shape(await validate({ dir, limits: LIMITS, cache: false, workers: 1 }))).toEqual(plain);
  });

  it("with worker threads released after a load (as a build does before rendering), and started again", async () => {
    await releaseWorkers(); // those an earlier test kept
    const before = threadCount();
    const accelerator = new Accelerator({ workers: 2, mainThreadWorks: false }, { ...DEFAULT_LIMITS, ...LIMITS });
    expect(shape(await validate({ dir, limits: LIMITS, accelerator }))).toEqual(plain);
    expect(threadCount()).toBeGreaterThanOrEqual(before + 2);
    await releaseWorkers();
    expect(threadCount()).toBeLessThanOrEqual(before);
    const again = new Accelerator({ workers: 2, mainThreadWorks: false }, { ...DEFAULT_LIMITS, ...LIMITS });
    expect(shape(await validate({ dir, limits: LIMITS, accelerator: again }))).toEqual(plain);
    expect(again.lastSplit).toMatchObject({ workers: 2, mainBatches: 0 });
  });

  it("with a cold cache, then a warm one (in this thread and with workers)", async () => {
    const cold = await validate({ dir, limits: LIMITS, cache, workers: 0 });
    // Hits in a cold run: only files byte-identical to one parsed earlier in the same run (a `latest` tag and its release).
    const duplicates = (await readCatalogDir(dir, LIMITS)).filter(
      (f, i, all) =>
        f.relPath.endsWith(".yaml") &&
        all.findIndex(
          (g) =>
            g.relPath.endsWith(".yaml") &&
            Buffer.compare(Buffer.from(g.bytes), Buffer.from(f.bytes)) === 0 &&
            classifyPath(g.relPath)?.kind === classifyPath(f.relPath)?.kind,
        ) < i,
    );
    expect(cold.cache?.hits).toBeLessThanOrEqual(duplicates.length);
    expect(cold.cache?.writes).toBeGreaterThan(0);
    expect(shape(cold)).toEqual(plain);
    const warm = await validate({ dir, limits: LIMITS, cache, workers: 0 });
    // Files that were rejected or failed their schema are not kept: they are parsed again.
    expect(warm.cache).toMatchObject({
      hits: cold.cache!.hits + cold.cache!.writes,
      misses: cold.cache!.misses - cold.cache!.writes,
      writes: 0,
    });
    expect(shape(warm)).toEqual(plain);
    expect(shape(await validate({ dir, limits: LIMITS, cache, workers: 2 }))).toEqual(plain);
  });

  it("with a cold cache filled by worker threads (which send valid values serialized), then a warm one", async () => {
    const workerCache = join(root, "worker-filled-cache");
    const accelerator = new Accelerator(
      { cache: workerCache, workers: 2, mainThreadWorks: false },
      { ...DEFAULT_LIMITS, ...LIMITS },
    );
    const cold: ValidationResult = await validate({ dir, limits: LIMITS, accelerator });
    expect(accelerator.lastSplit).toMatchObject({ workers: 2, mainBatches: 0 });
    expect(shape(cold)).toEqual(plain);
    expect(cold.cache?.writes).toBeGreaterThan(0);
    const warm = await validate({ dir, limits: LIMITS, cache: workerCache, workers: 0 });
    expect(warm.cache).toMatchObject({ hits: cold.cache!.hits + cold.cache!.writes, writes: 0 });
    expect(shape(warm)).toEqual(plain);
  });

  it("from raw files, synchronously, with the cache", async () => {
    const files = await readCatalogDir(dir, LIMITS);
    const a = loadCatalogFromFiles(files, { root: dir, limits: LIMITS });
    const accelerator = new Accelerator({ cache }, { ...DEFAULT_LIMITS, ...LIMITS });
    const b = loadCatalogFromFiles(files, { root: dir, limits: LIMITS, accelerator });
    expect(accelerator.finish()?.hits).toBeGreaterThan(0);
    expect(b.diagnostics).toEqual(a.diagnostics);
  });
});

describe("the content cache", () => {
  const dir = join(root, "small");
  beforeAll(() => writeTree(dir, BASE));

  it("is never stale: a changed file is read again, and its new problems are reported", async () => {
    const cache = join(root, "stale-cache");
    await validate({ dir, cache, workers: 0 });
    const path = join(dir, "users/bob.yaml");
    const before = readFileSync(path, "utf8");
    writeFileSync(path, "name: bob\nrole: boss\n");
    try {
      const warm = await validate({ dir, cache, workers: 0 });
      expect(warm.cache).toMatchObject({ misses: 1 });
      expect(warm.diagnostics).toEqual((await validate({ dir, cache: false, workers: 0 })).diagnostics);
      expect(warm.diagnostics.map((d) => d.code)).toContain("schema/unknown-property");
    } finally {
      writeFileSync(path, before);
    }
  });

  it("keys entries by the engine: other limits, another fingerprint", () => {
    expect(engineFingerprint(DEFAULT_LIMITS)).toMatch(/^[0-9a-f]{32}$/);
    expect(engineFingerprint({ ...DEFAULT_LIMITS, maxDepth: 8 })).not.toBe(engineFingerprint(DEFAULT_LIMITS));
  });

  it("after a run that learned a few files, writes a pack of just those; the next run finds everything", async () => {
    const cache = join(root, "delta-cache");
    const first = await validate({ dir, cache, workers: 0 });
    const [ns] = readdirSync(cache).filter((f) => f.startsWith("v-"));
    const packs = () =>
      readdirSync(join(cache, ns!))
        .filter((f) => f.endsWith(".pack"))
        .map((f) => statSync(join(cache, ns!, f)));
    const path = join(dir, "users/alice.yaml");
    const before = readFileSync(path, "utf8");
    try {
      writeFileSync(path, `${before}bio: one change\n`);
      const second = await validate({ dir, cache, workers: 0 });
      expect(second.cache).toMatchObject({ writes: 1 });
      const [big, small] = packs().sort((x, y) => x.mtimeMs - y.mtimeMs);
      expect(small!.size).toBeLessThan(big!.size / 4);
      const third = await validate({ dir, cache, workers: 0 });
      expect(third.cache).toMatchObject({ hits: first.cache!.writes, writes: 0 });
      expect(third.diagnostics).toEqual(second.diagnostics);
    } finally {
      writeFileSync(path, before);
    }
  });

  it.each([
    ["cut short by a byte", (b: Buffer) => b.subarray(0, b.length - 1)],
    ["cut inside its index", (b: Buffer) => b.subarray(0, 40)],
    ["with a byte too many", (b: Buffer) => Buffer.concat([b, Buffer.from([0])])],
    [
      "claiming one entry more",
      (b: Buffer) => {
        const copy = Buffer.from(b);
        copy.writeUInt32BE(b.readUInt32BE(4) + 1, 4);
        return copy;
      },
    ],
    ["of another format", (b: Buffer) => Buffer.concat([Buffer.from("MLCP"), b.subarray(4)])],
    ["empty", () => Buffer.alloc(0)],
  ])("treats a pack %s as missing", async (_name, damage) => {
    const cache = join(root, `damaged-${_name.replace(/\W+/g, "-")}`);
    const plain = await validate({ dir, cache: false, workers: 0 });
    await validate({ dir, cache, workers: 0 });
    const [ns] = readdirSync(cache);
    for (const pack of readdirSync(join(cache, ns!)).filter((f) => f.endsWith(".pack")))
      writeFileSync(join(cache, ns!, pack), damage(readFileSync(join(cache, ns!, pack))));
    const again = await validate({ dir, cache, workers: 0 });
    expect(again.cache).toMatchObject({ hits: 0 });
    expect(again.diagnostics).toEqual(plain.diagnostics);
  });

  it("keeps no file open per pack: a miss looks through fifty packs, and an entry of the oldest is still read", () => {
    const folder = join(root, "many-packs");
    const oid = (i: number) => blobId(Buffer.from(`entry ${i}`));
    for (let i = 0; i < 50; i++) {
      const cache = new ContentCache(folder, DEFAULT_LIMITS);
      cache.put(oid(i), "team.schema.json", { entry: i });
      cache.finish();
    }
    const openFiles = () => readdirSync("/proc/self/fd").length;
    const before = openFiles();
    const cache = new ContentCache(folder, DEFAULT_LIMITS);
    expect(cache.has(oid(999), "team.schema.json")).toBe(false);
    expect(cache.stats.packsRead).toBe(50);
    expect(openFiles() - before).toBeLessThanOrEqual(1);
    expect(cache.peek(oid(0), "team.schema.json")!()).toEqual({ entry: 0 });
    expect(cache.peek(oid(49), "team.schema.json")!()).toEqual({ entry: 49 });
    expect(openFiles() - before).toBeLessThanOrEqual(2);
  });

  it("refuses to read an entry from a pack replaced after its index was read", () => {
    const folder = join(root, "replaced-pack");
    const oid = (i: number) => blobId(Buffer.from(`entry ${i}`));
    const [ns] = ((): string[] => {
      for (let i = 0; i < 2; i++) {
        const cache = new ContentCache(folder, DEFAULT_LIMITS);
        cache.put(oid(i), "team.schema.json", { entry: i });
        cache.finish();
      }
      return readdirSync(folder);
    })();
    // The pack of entry 0 is the older one, whatever the clock's resolution.
    for (const f of readdirSync(join(folder, ns!)).filter((f) => f.endsWith(".pack"))) {
      const path = join(folder, ns!, f);
      const when = readFileSync(path).includes(`${oid(0)}.team.schema.json`) ? 1_000_000 : 2_000_000;
      utimesSync(path, when, when);
    }
    const cache = new ContentCache(folder, DEFAULT_LIMITS);
    const decode = cache.peek(oid(0), "team.schema.json")!;
    // The pack holding the entry (not the newest: closed after its index was read) is replaced by a longer copy.
    const packs = readdirSync(join(folder, ns!))
      .filter((f) => f.endsWith(".pack"))
      .map((f) => join(folder, ns!, f));
    const holder = packs.find((p) => readFileSync(p).includes(`${oid(0)}.team.schema.json`))!;
    const bytes = readFileSync(holder);
    rmSync(holder);
    writeFileSync(holder, Buffer.concat([bytes, Buffer.alloc(1)]));
    expect(() => decode()).toThrow(/damaged .*remove the cache folder/);
  });

  it("treats a damaged pack as missing", async () => {
    const cache = join(root, "damaged-cache");
    const plain = await validate({ dir, cache: false, workers: 0 });
    await validate({ dir, cache, workers: 0 });
    const [ns] = readdirSync(cache);
    for (const pack of readdirSync(join(cache, ns!)).filter((f) => f.endsWith(".pack")))
      writeFileSync(join(cache, ns!, pack), "garbage");
    const again = await validate({ dir, cache, workers: 0 });
    expect(again.cache).toMatchObject({ hits: 0 });
    expect(again.diagnostics).toEqual(plain.diagnostics);
  });

  it("stays within its bound: older packs are removed, the newest is kept", async () => {
    const cache = join(root, "bounded-cache");
    const path = join(dir, "users/alice.yaml");
    const before = readFileSync(path, "utf8");
    try {
      for (let i = 0; i < 3; i++) {
        writeFileSync(path, `${before}bio: run ${i}\n`);
        await validate({ dir, cache, cacheMaxBytes: 1, workers: 0 });
      }
    } finally {
      writeFileSync(path, before);
    }
    // Validation snapshots live beside the packs (in their own folder, also within the bound): count the packs.
    const [ns] = readdirSync(cache);
    expect(readdirSync(join(cache, ns!)).filter((f) => f.endsWith(".pack"))).toHaveLength(1);
  });

  it("is the caller's choice: the library never takes MLCAT_CACHE_DIR (the CLI does)", async () => {
    const files = await readCatalogDir(dir);
    const saved = process.env.MLCAT_CACHE_DIR;
    const fromEnv = join(root, "env-cache");
    process.env.MLCAT_CACHE_DIR = fromEnv;
    try {
      const accelerator = new Accelerator({}, DEFAULT_LIMITS);
      loadCatalogFromFiles(files, { accelerator });
      await validate({ dir, workers: 0 });
      expect(accelerator.finish()).toBeUndefined();
      expect(existsSync(fromEnv)).toBe(false);
      const given = new Accelerator({ cache: join(root, "given-cache") }, DEFAULT_LIMITS);
      loadCatalogFromFiles(files, { accelerator: given });
      expect(given.finish()).toMatchObject({ misses: files.filter((f) => f.relPath.endsWith(".yaml")).length });
    } finally {
      if (saved === undefined) delete process.env.MLCAT_CACHE_DIR;
      else process.env.MLCAT_CACHE_DIR = saved;
    }
  });
});

describe("templates on plain data", () => {
  const corpus = join(import.meta.dirname, "..", "fixtures", "polyaxon-hub");
  const specs: Array<[string, string]> = [];
  for (const component of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(corpus, component.name)))
      specs.push([`${component.name}/${file}`, readFileSync(join(corpus, component.name, file), "utf8")]);
  }
  const generated = generateCatalog({ entities: 300, seed: 4 });
  for (const [path, text] of generated.files)
    if (/components\/.*\.yaml$/.test(path) && !path.endsWith("component.yaml")) specs.push([path, text]);
  const mutations: Array<[string, (t: string) => string]> = [
    ["as is", (t) => t],
    ["an unknown name in an arg", (t) => t.replace(/\{\{ *([a-z_]+) *\}\}/, "{{ $1_typo }}")],
    ["an unknown params name", (t) => t.replace(/\{\{ *([a-z_]+) *\}\}/, "{{ params.nope }}")],
    [
      "an unknown name in a description only",
      (t) => t.replace(/^description: .*$/m, 'description: "uses {{ nothing }}"'),
    ],
    [
      "a nested component with its own inputs",
      (t) =>
        `${t}\nhooks:\n  - hubRef: x\n    params:\n      run: {kind: job}\n      inputs: [{name: inner}]\n      value: "{{ inner }}"\n`,
    ],
  ];

  it.each(mutations)("only the templates' problems are found on every spec, %s", (what, mutate) => {
    const verdicts = specs.flatMap(([path, text]) => {
      const parsed = parseYamlFile({
        file: path,
        relPath: path,
        bytes: Buffer.from(mutate(text)),
        limits: DEFAULT_LIMITS,
      });
      if (!parsed.source) return [];
      return [findTemplateProblems(parsed.source).length > 0];
    });
    expect(verdicts.length).toBeGreaterThan(50);
    // The mutations that add an unknown name make every spec with a template report one.
    if (what.startsWith("an unknown name in an arg") || what.startsWith("an unknown params"))
      expect(verdicts.filter(Boolean).length).toBeGreaterThan(verdicts.length / 2);
    if (what === "as is" || what.startsWith("an unknown name in a description"))
      expect(verdicts.filter(Boolean).length).toBeLessThan(verdicts.length / 4);
  });
});

describe("collision keys of plain names", () => {
  const reference = (name: string) => [...new Set([foldName(name), skeletonOf(name), skeletonOf(foldName(name))])];
  const names = [
    "",
    "a",
    "alice",
    "al1ce",
    "a1ice",
    "rn",
    "m",
    "corn",
    "com",
    "vv",
    "w",
    "0",
    "o",
    "1",
    "l",
    "10",
    "lo",
    "1.0.0",
    "l.o.o",
    "train-v1",
    "x--y",
    "a_b",
    "latest",
    "rnrn",
    "vvv",
    "all-spark",
    "0.1.0-rc1",
    "ghost-user-1",
    ...generateCatalog({ entities: 300, seed: 12 }).files.keys(),
  ].flatMap((n) => n.split("/").map((part) => part.replace(/\.yaml$/, "")));

  it("are the keys of the full Unicode rule", () => {
    for (const name of names) expect(collisionKeys(name), name).toEqual(reference(name));
    expect(names.length).toBeGreaterThan(300);
  });
});

describe("files the cache knows are let go after hashing", () => {
  it("keeps only their blob id, reads their text again when needed, and refuses a file that changed meanwhile", async () => {
    const dir = join(root, "deferred");
    writeTree(dir, { "users/alice.yaml": "name: alice\n", "users/bob.yaml": "name: bob\n" });
    const files = await readCatalogDir(dir, { defer: (relPath) => relPath === "users/alice.yaml" });
    const alice = files.find((f) => f.relPath === "users/alice.yaml")!;
    const bob = files.find((f) => f.relPath === "users/bob.yaml")!;
    expect(alice.bytes).toHaveLength(0);
    expect(alice.oid).toBe(blobId(Buffer.from("name: alice\n")));
    expect(alice.deferredText!()).toBe("name: alice\n");
    expect(Buffer.from(bob.bytes).toString()).toBe("name: bob\n");
    writeFileSync(join(dir, "users/alice.yaml"), "name: mallory\n");
    expect(() => alice.deferredText!()).toThrow(/users\/alice\.yaml changed while mlcat was validating it/);
  });
});
