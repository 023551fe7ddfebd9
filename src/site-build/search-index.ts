/**
 * The search index, written by Pagefind (its npm package ships the binary;
 * nothing is downloaded) from the site data's search records: no rendered
 * page is read again. Pagefind runs in its own process, so a build indexes
 * while Astro renders.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { SearchRecord } from "../site-data/search-html.js";

/** Where a part of a sharded build keeps the search records of its pages, for `mlcat join` (never in a whole site). */
export const SEARCH_RECORDS_FILE = ".mlcat-search-records.json";

/** The records, in order, as a part writes them. */
export async function writeSearchRecords(dir: string, records: readonly SearchRecord[]): Promise<void> {
  await writeFile(`${dir}/${SEARCH_RECORDS_FILE}`, JSON.stringify(records));
}

/** The records a part wrote; a part without the file (built by an older mlcat) is refused by the caller. */
export async function readSearchRecords(dir: string): Promise<SearchRecord[]> {
  const parsed: unknown = JSON.parse(await readFile(`${dir}/${SEARCH_RECORDS_FILE}`, "utf8"));
  if (!Array.isArray(parsed) || !parsed.every((r) => typeof r?.url === "string" && typeof r?.html === "string")) {
    throw new Error(`${dir}/${SEARCH_RECORDS_FILE} is not a list of search records`);
  }
  return parsed as SearchRecord[];
}

/** Requests in flight at a time. */
const WINDOW = 256;

/**
 * Index `records` and write Pagefind's files to `outputPath` (a `pagefind/`
 * folder). Records are added in the order given: the same records give the
 * same files. Returns how many pages were indexed.
 */
export async function indexRecords(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
    // Sent in order, a window at a time: Pagefind numbers pages as their requests arrive (the same
    // records give the same files), and a full pipe keeps it busy (one request at a time took 2.5x as long).
    for (let start = 0; start < records.length; start += WINDOW) {
      const batch = records.slice(start, start + WINDOW);
      const added = await Promise.all(batch.map((r) => index.addHTMLFile({ url: r.url, content: r.html })));
      const failed = added.findIndex((a) => a.errors.length > 0);
      if (failed >= 0)
        throw new Error(`pagefind could not index ${batch[failed]!.url}: ${added[failed]!.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind failed to write its index: ${written.errors.join("; ")}`);
    return records.length;
  } finally {
    await pagefind.close();
  }
}
