/**
 * YAML highlighting off Astro's thread. Astro renders the pages on the main
 * thread, the build's critical path; highlighting their YAML blocks (source
 * files, usage and reproduce operations) was a tenth of its work on a large
 * catalog. So `mlcat build` sends every block the pages will show, in the
 * order Astro renders them, to a worker thread running the same highlighter
 * (highlight.ts) while Astro renders; a page takes its blocks from there
 * (site/src/highlight.ts) and highlights on the main thread only a block not
 * done yet, with the same HTML. Each block is let go once the pages that
 * show it have taken it.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { HIGHLIGHT_WORKER_PATH } from "../runtime/locations.js";
import type { SiteData } from "../site-data/types.js";
import { inShard } from "../site-data/shard.js";
import { AHEAD_KEY, type AheadHighlights, type Highlighted } from "./highlight.js";
import type { AheadBatch } from "./highlight-worker.js";

/**
 * The YAML blocks the pages highlight (CodeBlock with `lang="yaml"`), once per
 * page that shows them, in the order Astro renders the pages: hub versions,
 * hub components, project pages, registry versions, models. A block missing
 * here is highlighted by its page; one listed but not shown is let go at the
 * build's end.
 */
export function yamlBlocks(data: SiteData): string[] {
  const shard = data.meta.shard;
  const shown = <T extends { url: string }>(pages: readonly T[]) =>
    shard ? pages.filter((p) => inShard(shard, p.url)) : pages;
  const blocks: string[] = [];
  for (const v of shown(data.componentVersions)) blocks.push(v.snippet, v.sourceYaml);
  for (const c of shown(data.components)) if (c.current) blocks.push(c.current.snippet, c.current.sourceYaml);
  for (const p of [...shown(data.experiments), ...shown(data.operations), ...shown(data.projectComponents)])
    blocks.push(p.sourceYaml);
  for (const v of shown(data.modelVersions)) {
    if (v.reproduce.ok) blocks.push(v.reproduce.snippet);
    blocks.push(v.sourceYaml);
  }
  for (const m of shown(data.models)) for (const e of m.use) if (e.reproduce.ok) blocks.push(e.reproduce.snippet);
  return blocks;
}

/** A block to be highlighted ahead: how many pages have yet to take it, and its HTML once done. */
interface Slot {
  uses: number;
  done?: Highlighted;
}

/** The registry the pages look their blocks up in, by the site data they render. */
function registry(): WeakMap<object, AheadHighlights> {
  const store = globalThis as { [k: symbol]: WeakMap<object, AheadHighlights> | undefined };
  return (store[Symbol.for(AHEAD_KEY)] ??= new WeakMap());
}

/** A highlighting ahead that is running; `stop` ends its thread and lets its blocks go. */
export interface HighlightAhead {
  /** How many blocks were sent to the worker thread (0: none, the pages highlight their own). */
  blocks: number;
  stop(): Promise<void>;
}

/**
 * Start highlighting `data`'s YAML blocks in a worker thread, for the pages
 * of `data` to take while they render. Without the compiled worker (tests
 * run from the sources) or a thread to run it in, the pages highlight their own.
 */
export function highlightAhead(data: SiteData): HighlightAhead {
  const listed = yamlBlocks(data);
  if (listed.length === 0 || !existsSync(HIGHLIGHT_WORKER_PATH)) return { blocks: 0, stop: async () => {} };
  const slots = new Map<string, Slot>();
  for (const code of listed) {
    const slot = slots.get(code);
    if (slot) slot.uses++;
    else slots.set(code, { uses: 1 });
  }
  const codes = [...slots.keys()];
  let worker: Worker;
  try {
    worker = new Worker(HIGHLIGHT_WORKER_PATH);
  } catch {
    return { blocks: 0, stop: async () => {} };
  }
  worker.unref();
  // A worker that fails leaves its blocks to the pages.
  worker.on("error", () => {});
  worker.on("message", (batch: AheadBatch | "end") => {
    if (batch === "end") return void worker.terminate();
    batch.html.forEach((html, i) => {
      const slot = slots.get(codes[batch.from + i]!);
      if (slot) slot.done = { html, palette: batch.palette };
    });
  });
  worker.postMessage(codes);
  const ahead: AheadHighlights = {
    take(code) {
      const slot = slots.get(code);
      if (!slot) return undefined;
      // A page that highlights its own block (not done yet) took it too.
      if (--slot.uses <= 0) slots.delete(code);
      return slot.done;
    },
  };
  registry().set(data, ahead);
  return {
    blocks: codes.length,
    async stop() {
      registry().delete(data);
      slots.clear();
      await worker.terminate();
    },
  };
}
