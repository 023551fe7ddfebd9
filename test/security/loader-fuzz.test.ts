/**
 * Property: the loader and every check take ANY bytes. On arbitrary bytes and
 * on mutated real files (the sample catalog, YAML hazards spliced in) they
 * never throw, never hang and stay within a memory bound; every problem comes
 * back as a well-formed diagnostic with a known code and a position.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODES } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadCatalogFromFiles } from "../../src/load/load-catalog.js";
import type { RawFile } from "../../src/model/raw-file.js";
import { validateCatalog } from "../../src/validate.js";

/** Every file of the sample catalog, as raw files. */
function sampleFiles(): RawFile[] {
  const root = "catalog";
  const out: RawFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) {
        const bytes = new Uint8Array(readFileSync(abs));
        out.push({ relPath: relative(root, abs).split("\\").join("/"), bytes, type: "file", size: bytes.length });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
}

const SAMPLE = sampleFiles();
const HAZARDS = readdirSync("test/fixtures/yaml-hazards").map((f) =>
  readFileSync(join("test/fixtures/yaml-hazards", f)),
);
const enc = (s: string) => new TextEncoder().encode(s);

/** Snippets an attacker or an accident puts into YAML. */
const SNIPPETS = [
  "&a [*a]",
  "*ref",
  "<<: *base",
  "!!binary AAAA",
  "!custom x",
  "%YAML 1.1\n---",
  "---\n",
  "...\n",
  "__proto__: {polluted: true}",
  "constructor: {prototype: {x: 1}}",
  "? [a, b]\n: c",
  "{",
  "[",
  "'",
  '"\\u0000"',
  "\t",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\0",
  "\r",
  "name: a\nname: b",
  "1e999999",
  "-0x1",
  "~: null",
  "&x &y z",
  "[".repeat(200),
  "- ".repeat(300) + "x",
  "a: " + "[".repeat(70) + "]".repeat(70),
  "key: |\n  text",
  "key: >-\n  folded",
  "members:\n  - user: ../../etc/passwd\n    role: owner",
  "visibility: public\n",
  "0: zero\n'0': zero",
];

/** One mutation of a byte array. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.constantFrom(...SNIPPETS).map(enc), fc.uint8Array({ maxLength: 64 })),
  }),
  fc.record({ op: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("hazard" as const), which: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = "at" in m ? (bytes.length === 0 ? 0 : m.at % (bytes.length + 1)) : 0;
  switch (m.op) {
    case "flip": {
      const out = bytes.length === 0 ? new Uint8Array(1) : new Uint8Array(bytes);
      out[Math.min(at, out.length - 1)] = m.byte;
      return out;
    }
    case "truncate":
      return bytes.slice(0, at);
    case "insert":
      return new Uint8Array([...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)]);
    case "delete-line": {
      const text = new TextDecoder().decode(bytes).split("\n");
      text.splice(at % Math.max(1, text.length), 1);
      return enc(text.join("\n"));
    }
    case "hazard":
      return new Uint8Array(HAZARDS[m.which % HAZARDS.length]!);
  }
}

const raw = (relPath: string, bytes: Uint8Array): RawFile => ({ relPath, bytes, type: "file", size: bytes.length });

/** Load and validate; every problem must be a well-formed diagnostic. Returns the diagnostics. */
function loadAndValidate(files: RawFile[]): Diagnostic[] {
  const loaded = loadCatalogFromFiles(files, { root: "catalog" });
  const diagnostics = [...loaded.diagnostics, ...validateCatalog(loaded.catalog)];
  for (const d of diagnostics) {
    expect(CODES, d.code).toHaveProperty([d.code]);
    expect(
      Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1,
      `${d.code} at ${d.line}:${d.column}`,
    ).toBe(true);
    expect(d.file.startsWith("catalog"), d.file).toBe(true);
    expect(d.message.length > 0 && d.hint.length > 0, d.code).toBe(true);
  }
  return diagnostics;
}

/** Run `body`, failing when it takes longer than `ms` or grows the heap by more than `mb`. */
function bounded(body: () => void, ms: number, mb: number): void {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  body();
  const took = performance.now() - start;
  const grew = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  expect(took, `took ${took.toFixed(0)} ms`).toBeLessThan(ms);
  expect(grew, `heap grew ${grew.toFixed(0)} MiB`).toBeLessThan(mb);
}

const PATHS = [
  "catalog.yaml",
  "users/alice.yaml",
  "orgs/acme/organization.yaml",
  "orgs/acme/teams/ml.yaml",
  "orgs/acme/projects/p/project.yaml",
  "orgs/acme/components/c/versions/1.0.yaml",
  "orgs/acme/models/m/model.yaml",
  "orgs/acme/projects/p/README.md",
  "stray.bin",
];

describe("the loader and validate on hostile input", () => {
  it("take arbitrary bytes under any catalog path: no throw, only diagnostics", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.uint8Array({ maxLength: 2048 })), { maxLength: 6 }),
        (entries) => {
          const files = [...new Map(entries).entries()].map(([p, b]) => raw(p, b));
          bounded(() => void loadAndValidate(files), 2000, 256);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("take arbitrary text (any Unicode) as YAML", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 1024 }),
        fc.constantFrom(...PATHS.slice(0, 7)),
        (text, path) => {
          bounded(
            () => void loadAndValidate([raw("catalog.yaml", enc("title: t\nadmins: []\n")), raw(path, enc(text))]),
            2000,
            256,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("take the sample catalog with mutated files, and report each broken file at a position", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const files = SAMPLE.map((f) => ({ ...f }));
          for (const [which, ms] of edits) {
            const f = files[which % files.length]!;
            f.bytes = ms.reduce(mutate, f.bytes);
            f.size = f.bytes.length;
          }
          bounded(() => void loadAndValidate(files), 5000, 512);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("refuse non-regular and unreadable entries with a diagnostic, never by throwing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.constantFrom("symlink", "submodule", "other", "unreadable"),
        (path, what) => {
          const entry: RawFile =
            what === "unreadable"
              ? { ...raw(path, new Uint8Array()), error: "EACCES: permission denied" }
              : { relPath: path, bytes: new Uint8Array(), type: what as RawFile["type"], size: 0 };
          const codes = loadAndValidate([...SAMPLE.filter((f) => f.relPath !== path), entry]).map((d) => d.code);
          expect(codes).toContain(what === "unreadable" ? "file/unreadable" : "file/not-regular");
        },
      ),
      { numRuns: 30 },
    );
  });
});
