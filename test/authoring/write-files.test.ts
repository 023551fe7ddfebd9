import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileAtomic, isExistsError, replaceFileAtomic } from "../../src/authoring/write-files.js";

const folder = () => mkdtempSync(join(tmpdir(), "mlcat-write-"));

describe("atomic writes", () => {
  it("creates a file and its folders, leaving no temporary file behind", async () => {
    const dir = folder();
    await createFileAtomic(join(dir, "a/b/c.yaml"), "name: c\n");
    expect(readFileSync(join(dir, "a/b/c.yaml"), "utf8")).toBe("name: c\n");
    expect(readdirSync(join(dir, "a/b"))).toEqual(["c.yaml"]);
  });

  it("never replaces an existing file on create, and keeps its content", async () => {
    const dir = folder();
    writeFileSync(join(dir, "x.yaml"), "original\n");
    const err = await createFileAtomic(join(dir, "x.yaml"), "new\n").catch((e: unknown) => e);
    expect(isExistsError(err)).toBe(true);
    expect(readFileSync(join(dir, "x.yaml"), "utf8")).toBe("original\n");
    expect(readdirSync(dir)).toEqual(["x.yaml"]);
  });

  it("replaces a file in place on update, bytes exactly", async () => {
    const dir = folder();
    writeFileSync(join(dir, "x.yaml"), "old\n");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
    await replaceFileAtomic(join(dir, "x.yaml"), bytes);
    expect(new Uint8Array(readFileSync(join(dir, "x.yaml")))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(["x.yaml"]);
  });
});
