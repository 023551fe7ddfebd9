/** Index a built site with Pagefind (its npm package ships the binary; nothing is downloaded). */

/** Index every page under `dir` that marks a `data-pagefind-body`; writes `dir/pagefind/`. Returns the page count. */
export async function indexSite(dir: string): Promise<number> {
  const pagefind = await import("pagefind");
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`pagefind failed to index ${dir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${dir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind failed to write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
