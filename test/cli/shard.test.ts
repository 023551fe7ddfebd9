/**
 * A sharded build: parts rendered separately (as jobs of a CI matrix would)
 * and joined give, byte for byte, the site a single build gives; a set of
 * parts that do not belong together is refused with the reason.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_MARKER } from "../../src/site-build/output-dir.js";
import { parseShard, shardOfPath } from "../../src/site-data/shard.js";
import { runCli } from "../helpers/cli.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };

/** Every file of a site with its bytes, the marker left out (it says how the site was made). */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = relative(dir, join(e.parentPath, e.name));
    if (path !== SITE_MARKER) out.set(path, readFileSync(join(dir, path)).toString("base64"));
  }
  return out;
}

describe("shards", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/4", { index: 2, count: 4 }],
    [" 4/4 ", { index: 4, count: 4 }],
    ["0/4", undefined],
    ["5/4", undefined],
    ["2-4", undefined],
    ["1/1001", undefined],
  ] as const)("%j is %j", (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });

  it("spreads paths evenly and stably", () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOfPath(`/hub/acme/component-${i}/`, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(shardOfPath("/hub/acme/train/", 4)).toBe(shardOfPath("/hub/acme/train/", 4));
  });
});

describe("mlcat build --shard and mlcat join", () => {
  let root: string;
  const partOutput: Record<number, string> = {};
  const at = (name: string) => join(root, name);
  beforeAll(async () => {
    mkdirSync(".tmp", { recursive: true });
    root = mkdtempSync(join(".tmp", "shards-"));
    expect((await runCli(["build", "--out", at("single")], EPOCH)).code).toBe(0);
    for (const i of [1, 2, 3]) {
      const run = await runCli(["build", "--shard", `${i}/3`, "--out", at(`part-${i}`)], EPOCH);
      expect(run.code).toBe(0);
      partOutput[i] = run.stdout;
    }
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("says how many JSON API, schema and sitemap files each part wrote", () => {
    for (const i of [1, 2, 3]) {
      const said = /(\d+) JSON API, schema and sitemap files(?: and the card)? written/.exec(partOutput[i]!);
      const written = [...files(at(`part-${i}`)).keys()].filter((p) => /^(api|schemas)\/|^sitemap\.xml$/.test(p));
      expect(Number(said?.[1])).toBe(written.length);
    }
  });

  it("renders each page in one part only, and leaves the search index to the join", () => {
    const pages = [1, 2, 3].map((i) =>
      [...files(at(`part-${i}`)).keys()].filter((p) => /^(hub|registry|orgs|users)\/.+\/index\.html$/.test(p)),
    );
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const part of pages) expect(part.length).toBeGreaterThan(10);
    for (const i of [1, 2, 3]) expect(existsSync(join(at(`part-${i}`), "pagefind"))).toBe(false);
  });

  it("joins the parts into the single build's site, byte for byte, search index included", async () => {
    const run = await runCli(["join", at("part-3"), at("part-1"), at("part-2"), "--out", at("joined")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Joined 3 parts into .*joined\/: \d+ files/);
    const [single, joined] = [files(at("single")), files(at("joined"))];
    expect([...joined.keys()].sort()).toEqual([...single.keys()].sort());
    const differ = [...single].filter(([path, bytes]) => joined.get(path) !== bytes).map(([path]) => path);
    expect(differ).toEqual([]);
    expect([...joined.keys()].some((p) => p.startsWith("pagefind/"))).toBe(true);
  }, 60_000);

  it.each([
    ["a part is missing", () => [at("part-1"), at("part-3")], /part 2 of 3 is missing/],
    ["a part is given twice", () => [at("part-1"), at("part-1"), at("part-2"), at("part-3")], /are both part 1 of 3/],
    ["a whole site is given as a part", () => [at("single"), at("part-2")], /is a whole site, not a part/],
    ["a folder that is no site", () => [root], /is not a site built by mlcat/],
  ])("refuses to join when %s", async (_name, parts, message) => {
    const run = await runCli(["join", ...parts(), "--out", at("refused")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(at("refused"))).toBe(false);
  });

  it("refuses parts of different builds, naming what differs", async () => {
    expect(
      (await runCli(["build", "--shard", "2/3", "--out", at("other-2")], { SOURCE_DATE_EPOCH: "1767312000" })).code,
    ).toBe(0);
    const run = await runCli(["join", at("part-1"), at("other-2"), at("part-3"), "--out", at("refused")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /has generatedAt "2026-01-02T00:00:00.000Z", but .* has "2026-01-01T00:00:00.000Z" \(build every part from the same commit, or set SOURCE_DATE_EPOCH/,
    );
  }, 60_000);

  it("rejects a malformed --shard and SOURCE_DATE_EPOCH as usage errors", async () => {
    expect((await runCli(["build", "--shard", "4/3", "--out", at("x")])).stderr).toMatch(
      /--shard takes i\/n with 1 <= i <= n/,
    );
    expect((await runCli(["build", "--out", at("x")], { SOURCE_DATE_EPOCH: "yesterday" })).code).toBe(2);
  });
});

describe("the sharded deploy workflow example (docs/examples/deploy-sharded.yml)", () => {
  it("builds every part of N in a matrix, joins them all, and deploys with least privilege", async () => {
    const { parse } = await import("yaml");
    const wf = parse(readFileSync("docs/examples/deploy-sharded.yml", "utf8")) as {
      permissions: object;
      jobs: Record<
        string,
        {
          permissions?: Record<string, string>;
          strategy?: { matrix: { shard: number[] } };
          steps: Array<{ run?: string; uses?: string }>;
          needs?: string;
        }
      >;
    };
    const shards = wf.jobs.part!.strategy!.matrix.shard;
    const build = wf.jobs.part!.steps.find((s) => s.run?.includes("mlcat.js build"))!.run!;
    expect(build).toContain(`--shard "\${{ matrix.shard }}/${shards.length}"`);
    const join = wf.jobs.join!.steps.find((s) => s.run?.includes("mlcat.js join"))!.run!;
    expect(join).toContain(shards.map((i) => `part-${i}`).join(" "));
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.part!.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.join!.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
  });
});
