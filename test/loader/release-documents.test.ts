/**
 * A long run lets the YAML documents it composed go (`mlcat build` before
 * Astro renders); a later use composes the same document again, so
 * positions and written values read the same.
 */
import { describe, expect, it } from "vitest";
import { createLazySource, releaseDocuments } from "../../src/accel/lazy-source.js";
import type { SourceFile } from "../../src/model/entity.js";

const TEXT = "kind: experiment\nname: run-1\nparams:\n  lr: 0.010 # written so\n";

describe("releaseDocuments", () => {
  it("lets composed documents go and composes the same one again when asked", () => {
    const source = createLazySource("/c/run-1.yaml", "run-1.yaml", TEXT);
    const untouched = createLazySource("/c/run-2.yaml", "run-2.yaml", TEXT);
    const first = source.doc;
    const range = source.doc.getIn(["params", "lr"], true);
    expect(releaseDocuments([source, untouched])).toBe(1);
    const again = source.doc;
    expect(again).not.toBe(first);
    expect(again.toString()).toBe(first.toString());
    expect(again.getIn(["params", "lr"], true)).toEqual(range);
    expect(source.lineCounter.linePos(TEXT.indexOf("lr"))).toEqual({ line: 4, col: 3 });
    // Only what was composed is let go; a second call finds nothing more.
    expect(releaseDocuments([source, untouched])).toBe(1);
    expect(releaseDocuments([source, untouched])).toBe(0);
  });

  it("leaves sources that are not lazy as they are", () => {
    const lazy = createLazySource("/c/a.yaml", "a.yaml", TEXT);
    const eager: SourceFile = {
      file: "/c/b.yaml",
      relPath: "b.yaml",
      text: TEXT,
      doc: lazy.doc,
      lineCounter: lazy.lineCounter,
    };
    expect(releaseDocuments([eager])).toBe(0);
    expect(eager.doc).toBe(lazy.doc);
  });
});
