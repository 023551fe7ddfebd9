/**
 * Sequences of catalog states the change table cannot express (a re-run
 * from a run's own snapshot, non-regular files, another catalog root), each
 * once a way a run from a snapshot reported something a full run does not.
 * Every run from the cache folder must give exactly the diagnostics of a run
 * of every check.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GENERATED, type Files } from "./changes.js";
import { validate } from "../../src/validate.js";
import { fromStored, toStored, type Snapshot } from "../../src/accel/snapshot.js";

const root = mkdtempSync(join(tmpdir(), "mlcat-snapshot-holes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A symlink in place of a file (the value of a path in `Files`). */
const SYMLINK = "\u0000symlink";

let runs = 0;
function writeCatalog(files: Files): string {
  const dir = join(root, `c${runs++}`, "catalog");
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    if (text === SYMLINK) symlinkSync("/dev/null", join(dir, rel));
    else writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Validate `files` from scratch and from `cache`; they must agree. */
async function agree(files: Files, cache: string, dir = writeCatalog(files)) {
  const plain = await validate({ dir, cache: false, workers: 0 });
  const fast = await validate({ dir, cache, workers: 0 });
  expect(fast.diagnostics).toEqual(plain.diagnostics);
  return { plain, fast };
}

const pick = (re: RegExp, skip = 0): string => [...GENERATED.keys()].filter((p) => re.test(p))[skip]!;
const creatorOf = (path: string): string => /^createdBy: "?([^"\n]+)"?$/m.exec(GENERATED.get(path)!)![1]!;

describe("validation snapshots: states the change table cannot express", () => {
  it("a subject one check visits twice keeps both results (a model's tags and its license)", async () => {
    const cache = join(root, "cache-twice");
    const files = new Map(GENERATED);
    const model = pick(/models\/[^/]+\/model\.yaml$/);
    files.set(
      model,
      files
        .get(model)!
        .replace(/^tags: .*$/m, "tags: [no-such-tag]")
        .replace(/^license: .*$/m, "license: Not-A-License"),
    );
    await agree(GENERATED, cache);
    const first = await agree(files, cache);
    expect(first.plain.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["vocab/unknown-tag", "vocab/unknown-license"]),
    );
    // A re-run of the same state: every result comes from the snapshot the run before stored.
    const again = await agree(files, cache);
    expect(again.fast.snapshot?.checked).toBe(0);
  });

  it("a file turning unparsable changes the names suggestions are drawn from", async () => {
    const cache = join(root, "cache-suggest");
    const experiment = pick(/experiments\/[^/]+\.yaml$/);
    const user = creatorOf(experiment);
    const typo = `${user}x`;
    const before = new Map(GENERATED);
    before.set(experiment, before.get(experiment)!.replace(/^createdBy: .*$/m, `createdBy: ${typo}`));
    const { plain } = await agree(before, cache);
    expect(plain.diagnostics.find((d) => d.code === "ref/unknown-user")?.hint).toContain(`"${user}"`);
    // The user's file breaks: it still exists (no unknown-user for those who name it), but it is no longer a name to suggest.
    const after = new Map(before);
    after.set(`users/${user}.yaml`, "name: [unclosed\n");
    const broken = await agree(after, cache);
    expect(broken.plain.diagnostics.find((d) => d.code === "ref/unknown-user")?.hint).not.toContain(`"${user}"`);
    // And back.
    await agree(before, cache);
  });

  it("a file turning into a symlink no longer exists for the checks, and back", async () => {
    const cache = join(root, "cache-symlink");
    const user = creatorOf(pick(/experiments\/[^/]+\.yaml$/));
    const linked = new Map(GENERATED);
    linked.set(`users/${user}.yaml`, SYMLINK);
    await agree(GENERATED, cache);
    const { plain } = await agree(linked, cache);
    expect(plain.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["file/not-regular", "ref/unknown-user"]),
    );
    await agree(GENERATED, cache);
  });

  it("a snapshot serves another catalog root: messages name the files as this run does", async () => {
    const cache = join(root, "cache-root");
    const files = new Map(GENERATED);
    // A version without release metadata: its message names the hub entry's file.
    const version = pick(/components\/[^/]+\/versions\/[^/]+\.yaml$/, 2);
    files.set(version.replace(/[^/]+\.yaml$/, "7.7.7.yaml"), `${files.get(version)!}# another build\n`);
    const dir = writeCatalog(files);
    const first = await agree(files, cache, dir);
    expect(first.plain.diagnostics.map((d) => d.code)).toContain("version/unreleased");
    await agree(files, cache, relative(process.cwd(), dir));
  });

  it("a snapshot serves the catalog validated from inside its folder (root `.`), and back", async () => {
    const cache = join(root, "cache-dot");
    const dir = writeCatalog(GENERATED);
    await agree(GENERATED, cache, dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { plain } = await agree(GENERATED, cache, ".");
      expect(plain.diagnostics.length).toBeGreaterThan(0);
    } finally {
      process.chdir(cwd);
    }
    await agree(GENERATED, cache, dir);
  });
});

describe("a stored snapshot names files relative to the catalog folder, whatever its display root", () => {
  const at = (file: string): Snapshot => ({
    files: new Map(),
    tokens: [],
    checks: new Map([
      [
        "c",
        {
          globals: [],
          subjects: ["User|a"],
          readEnds: Uint32Array.of(0),
          reads: new Uint32Array(0),
          diagnostics: new Map([
            [0, [{ code: "ref/unknown-user", severity: "error", file, line: 1, column: 1, message: "", hint: "" }]],
          ]),
        },
      ],
    ]),
  });
  const moved = (file: string, from: string, to: string) =>
    fromStored(toStored(at(file), from), to)!
      .checks.get("c")!
      .diagnostics.get(0)![0]!.file;

  it.each([
    ["catalog/users/a.yaml", "catalog", ".", "users/a.yaml"],
    ["users/a.yaml", ".", "catalog", "catalog/users/a.yaml"],
    ["catalog/users/a.yaml", "./catalog", "/abs/c", "/abs/c/users/a.yaml"],
    ["/abs/c/users/a.yaml", "/abs/c", "../c", "../c/users/a.yaml"],
    ["/elsewhere/x", ".", "catalog", "/elsewhere/x"],
    ["../x", ".", "catalog", "../x"],
    ["other/x", "catalog", "data", "other/x"],
  ])("%s shown under %s is shown under %s as %s", (file, from, to, expected) => {
    expect(moved(file, from, to)).toBe(expected);
  });
});

describe("a stored snapshot that does not hold together is not used", () => {
  const diagnostic = {
    code: "ref/unknown-user",
    severity: "error",
    file: "catalog/users/a.yaml",
    line: 1,
    column: 1,
    message: "",
    hint: "",
  } as const;
  const good = (): Snapshot => ({
    files: new Map([["users/a.yaml", "a".repeat(40)]]),
    tokens: ["User|a", "?User|b", "Catalog|catalog"],
    checks: new Map([
      [
        "c",
        {
          globals: [2],
          subjects: ["User|a", "User|b"],
          readEnds: Uint32Array.of(2, 3),
          reads: Uint32Array.of(0, 1, 1),
          diagnostics: new Map([[1, [diagnostic]]]),
        },
      ],
    ]),
  });
  type StoredCheck = {
    name: string;
    globals: number[];
    subjects: string[];
    readEnds: Uint32Array;
    reads: Uint32Array;
    diagnosed: number[];
    diagnostics: unknown[];
  };
  const stored = () =>
    toStored(good(), "catalog") as unknown as { tokens: string[]; checks: StoredCheck[]; paths: string[] };

  it("reads back what it stored", () => {
    const back = fromStored(stored(), "catalog")!;
    expect(back.tokens).toEqual(good().tokens);
    expect(back.checks.get("c")).toEqual(good().checks.get("c"));
  });

  it.each([
    [
      "a read of a token it does not have",
      (s: ReturnType<typeof stored>) => (s.checks[0]!.reads = Uint32Array.of(0, 1, 3)),
    ],
    ["a global of a token it does not have", (s: ReturnType<typeof stored>) => (s.checks[0]!.globals = [3])],
    ["read ranges that go backwards", (s: ReturnType<typeof stored>) => (s.checks[0]!.readEnds = Uint32Array.of(3, 2))],
    [
      "read ranges that end before the reads do",
      (s: ReturnType<typeof stored>) => (s.checks[0]!.readEnds = Uint32Array.of(1, 2)),
    ],
    ["more subjects than read ranges", (s: ReturnType<typeof stored>) => s.checks[0]!.subjects.push("User|c")],
    ["diagnostics of a subject it does not have", (s: ReturnType<typeof stored>) => (s.checks[0]!.diagnosed = [2])],
    ["diagnostics without their subject", (s: ReturnType<typeof stored>) => (s.checks[0]!.diagnosed = [])],
    [
      "reads that are not a typed array",
      (s: ReturnType<typeof stored>) => ((s.checks[0] as { reads: unknown }).reads = [0, 1, 1]),
    ],
    ["one check twice", (s: ReturnType<typeof stored>) => s.checks.push({ ...s.checks[0]! })],
    ["fewer blob ids than paths", (s: ReturnType<typeof stored>) => s.paths.push("users/b.yaml")],
  ])("%s", (_what, damage) => {
    const s = stored();
    damage(s);
    expect(fromStored(s, "catalog")).toBeUndefined();
  });
});
