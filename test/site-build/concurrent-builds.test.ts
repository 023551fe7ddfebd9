/**
 * buildSite is part of the library, and Astro renders with the output folder
 * as the working directory: two builds started together in one process, with
 * relative folders as a script passes them, must each read their own catalog,
 * write their own site, and leave the working directory as it was.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { buildSite } from "../../src/site-build/build-site.js";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";

const work = writeTree(
  Object.fromEntries(Object.entries(BASE).map(([path, text]) => [`catalog/${path}`, text])),
  "mlcat-concurrent-builds-",
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("builds two sites at once from relative folders and restores the working directory", async () => {
  const before = process.cwd();
  process.chdir(work);
  try {
    const [a, b] = await Promise.all([
      buildSite({ dir: "catalog", outDir: "site-a", search: false, history: false }),
      buildSite({ dir: "catalog", outDir: "site-b", search: false, history: false }),
    ]);
    expect(process.cwd()).toBe(work);
    expect([a.ok, b.ok]).toEqual([true, true]);
    for (const site of ["site-a", "site-b"])
      expect(readFileSync(`${work}/${site}/orgs/acme/index.html`, "utf8")).toContain("acme");
    expect(existsSync(`${work}/site-a/site-b`)).toBe(false);
  } finally {
    process.chdir(before);
  }
}, 240_000);
