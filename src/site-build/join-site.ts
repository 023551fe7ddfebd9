/**
 * `mlcat join`: assemble the parts of a sharded build (`mlcat build --shard
 * i/n`, one per CI job) into one site with one search index. Every part must
 * come from the same build (same catalog time, base path and audience, parts
 * 1..n each once); a file that several parts write (home and list pages, the
 * schemas, the sitemap, Astro's assets) must have the same bytes in each.
 * The search index is made once, from the search records each part kept
 * for its pages (`.mlcat-search-records.json`, not part of the site). The
 * result is written beside the output and swapped in, like a build.
 */
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { ExitError } from "../diagnostics/diagnostic.js";
import { forEachBounded, mapBounded } from "../runtime/bounded.js";
import type { Shard } from "../site-data/shard.js";
import { readSiteMarker, SITE_MARKER, writeAtomically } from "./output-dir.js";
import type { SearchRecord } from "../site-data/search-html.js";
import { indexRecords, readSearchRecords, SEARCH_RECORDS_FILE } from "./search-index.js";

/** Options of `joinSite`. */
export interface JoinSiteOptions {
  /** The parts' folders, in any order. */
  parts: readonly string[];
  /** Where the joined site goes (default `site-dist`). */
  outDir?: string;
  /** Skip the Pagefind index. */
  search?: boolean;
  progress?: (line: string) => void;
}

/** What a join did. */
export interface JoinSiteResult {
  outDir: string;
  files: number;
  indexed?: number;
}

/** What a part's marker says. */
interface PartMarker {
  shard?: Shard;
  generatedAt?: string;
  basePath?: string;
  audience?: string;
}

/** Join the parts into `outDir`; an inconsistent set of parts is an ExitError (1) that says which and why. */
export async function joinSite(options: JoinSiteOptions): Promise<JoinSiteResult> {
  const outDir = options.outDir ?? "site-dist";
  const progress = options.progress ?? (() => {});
  const markers = await mapBounded(options.parts, async (dir) => ({
    dir,
    marker: (await readSiteMarker(dir)) as PartMarker | undefined,
  }));
  const first = checkParts(markers);
  let files = 0;
  const result = await writeAtomically(
    outDir,
    async (tmp) => {
      const owner = new Map<string, string>();
      for (const { dir } of markers) {
        const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => relative(dir, join(e.parentPath, e.name)))
          .filter((p) => p !== SITE_MARKER && p !== SEARCH_RECORDS_FILE);
        const fresh = paths.filter((p) => !owner.has(p));
        const shared = paths.filter((p) => owner.has(p));
        // A file several parts wrote must be the same file: parts of different builds are never mixed.
        const differing = await mapBounded(shared, async (p) =>
          (await sameBytes(join(owner.get(p)!, p), join(dir, p))) ? undefined : p,
        );
        const conflict = differing.find((p) => p !== undefined);
        if (conflict !== undefined)
          throw new ExitError(
            1,
            `${conflict} differs between ${owner.get(conflict)} and ${dir}: the parts come from different builds (build every part from the same commit, with the same options)`,
          );
        await forEachBounded(new Set(fresh.map((p) => dirname(join(tmp, p)))), (d) => mkdir(d, { recursive: true }));
        await forEachBounded(fresh, (p) => copyFile(join(dir, p), join(tmp, p)));
        for (const p of fresh) owner.set(p, dir);
        progress(`  ${dir}: ${fresh.length} files`);
      }
      files = owner.size;
      if (options.search === false) return {};
      const start = performance.now();
      progress("indexing for search…");
      // Each part kept the records of its pages; sorted by URL, they are the records a whole build indexes.
      const records: SearchRecord[] = [];
      for (const { dir } of markers) {
        try {
          records.push(...(await readSearchRecords(dir)));
        } catch (err) {
          throw new ExitError(
            1,
            `${dir} has no search records (${SEARCH_RECORDS_FILE}): build the parts with this version of mlcat, with search (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`,
          );
        }
      }
      records.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      const indexed = await indexRecords(records, join(tmp, "pagefind"));
      progress(`  ${indexed} pages indexed (${((performance.now() - start) / 1000).toFixed(1)}s)`);
      return { indexed };
    },
    { basePath: first.basePath, audience: first.audience, generatedAt: first.generatedAt, joined: markers.length },
  );
  return { outDir, files, ...(result.indexed !== undefined && { indexed: result.indexed }) };
}

/** The parts' common marker, once every part is a part of one sharded build and each is there once. */
function checkParts(parts: ReadonlyArray<{ dir: string; marker: PartMarker | undefined }>): PartMarker {
  if (parts.length === 0)
    throw new ExitError(2, "name the parts to join (the --out folders of mlcat build --shard i/n)");
  for (const { dir, marker } of parts) {
    if (!marker) throw new ExitError(1, `${dir} is not a site built by mlcat (no ${SITE_MARKER} file)`);
    if (!marker.shard)
      throw new ExitError(1, `${dir} is a whole site, not a part: build the parts with mlcat build --shard i/n`);
  }
  const first = parts[0]!.marker!;
  const count = first.shard!.count;
  for (const { dir, marker } of parts) {
    for (const key of ["generatedAt", "basePath", "audience"] as const) {
      if (marker![key] !== first[key]) {
        const hint =
          key === "generatedAt"
            ? " (build every part from the same commit, or set SOURCE_DATE_EPOCH to the same value for all of them)"
            : " (build every part with the same options)";
        throw new ExitError(
          1,
          `${dir} has ${key} ${JSON.stringify(marker![key])}, but ${parts[0]!.dir} has ${JSON.stringify(first[key])}${hint}`,
        );
      }
    }
    if (marker!.shard!.count !== count)
      throw new ExitError(
        1,
        `${dir} is part ${marker!.shard!.index} of ${marker!.shard!.count}, but ${parts[0]!.dir} is one of ${count}`,
      );
  }
  const seen = new Map<number, string>();
  for (const { dir, marker } of parts) {
    const index = marker!.shard!.index;
    if (seen.has(index)) throw new ExitError(1, `${seen.get(index)} and ${dir} are both part ${index} of ${count}`);
    seen.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new ExitError(
      1,
      `part${missing.length === 1 ? "" : "s"} ${missing.join(", ")} of ${count} ${missing.length === 1 ? "is" : "are"} missing`,
    );
  return first;
}

/** Whether two files hold the same bytes. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}
