/**
 * YAML highlighting off Astro's thread. Astro renders the pages on the main
 * thread, the build's critical path; highlighting their YAML blocks (source
 * files, usage and reproduce operations) was a tenth of its work on a large
 * catalog. So `mlcat build` sends every block the pages will show, in the
 * order Astro renders them, to a worker thread running the same highlighter
 * (highlight.ts) while Astro renders; a page takes its blocks from there
 * (site/src/highlight.ts) and highlights on the main thread only a block not
 * done yet, with the same HTML. The worker keeps at most a few hundred
 * blocks ahead of the pages, and each block is let go once the pages that
 * show it have taken it.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { HIGHLIGHT_WORKER_PATH } from "../runtime/locations.js";
import type { SiteData } from "../site-data/types.js";
import { shardPages } from "../site-data/shard.js";
import { aheadRegistry, type Highlighted } from "./highlight.js";
import type { AheadReply, AheadRequest } from "./highlight-worker.js";

/** How many blocks the worker keeps done ahead of the pages at most (bounds the memory their HTML takes). */
const AHEAD = 512;

/** Blocks per batch: small enough that the first pages find theirs early, large enough to cost little to post. */
const BATCH = 64;

/**
 * The YAML blocks the pages highlight (CodeBlock with `lang="yaml"`), once per
 * page that shows them, in the order Astro renders the pages: hub versions,
 * hub components, project pages, registry versions, models. A block missing
 * here is highlighted by its page; one listed but not shown is let go at the
 * build's end.
 */
export function yamlBlocks(data: SiteData): string[] {
  const shown = <T extends { url: string }>(pages: readonly T[]) => shardPages(data.meta.shard, pages);
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

/** A highlighting ahead: `supply` hands it the data once computed; `stop` ends its thread and lets its blocks go. */
export interface HighlightAhead {
  /** Start on `data`'s blocks; returns how many were sent to the worker thread (0: none, the pages highlight their own). */
  supply(data: SiteData): number;
  /** Resolves once the worker has highlighted every block it was sent and waits for the pages to take some (tests). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Start the worker thread (it loads the highlighter while the site data is
 * computed); `supply` then has it highlight the data's YAML blocks, for the
 * pages of that data to take while they render. Without the compiled worker
 * (tests run from the sources) or a thread to run it in, the pages highlight their own.
 */
export function startHighlightAhead(): HighlightAhead {
  let worker: Worker | undefined;
  try {
    // A small young generation: the thread's garbage is collected sooner, for some 50 MB less at its peak.
    if (existsSync(HIGHLIGHT_WORKER_PATH))
      worker = new Worker(HIGHLIGHT_WORKER_PATH, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  } catch {
    // No thread could be started (resource limits): the pages highlight their own.
  }
  if (!worker) return { supply: () => 0, settled: async () => {}, stop: async () => {} };
  worker.unref();
  // A worker that fails leaves its blocks to the pages.
  worker.on("error", () => {});
  let supplied: SiteData | undefined;
  let settled = async () => {};
  return {
    supply(data) {
      supplied = data;
      const sent = supplyBlocks(worker, data);
      settled = sent.settled;
      return sent.blocks;
    },
    settled: () => settled(),
    async stop() {
      if (supplied) aheadRegistry().delete(supplied);
      await worker.terminate();
    },
  };
}

/** Send `data`'s blocks to `worker`, a batch at a time, and let the pages take them. */
function supplyBlocks(worker: Worker, data: SiteData): { blocks: number; settled: () => Promise<void> } {
  const listed = yamlBlocks(data);
  const slots = new Map<string, Slot>();
  for (const code of listed) {
    const slot = slots.get(code);
    if (slot) slot.uses++;
    else slots.set(code, { uses: 1 });
  }
  const codes = [...slots.keys()];
  if (codes.length === 0) return { blocks: 0, settled: async () => {} };
  /** Blocks done and not yet taken, the next block to send, and whether a batch is being highlighted. */
  let ready = 0;
  let next = 0;
  let asked = false;
  const waiting: Array<() => void> = [];
  const askMore = () => {
    if (asked || next >= codes.length || ready >= AHEAD) return;
    // Blocks the pages took meanwhile (highlighting them themselves) are not sent.
    const batch: AheadRequest = { from: next, codes: [] };
    for (; next < codes.length && batch.codes.length < BATCH; next++) {
      const code = codes[next]!;
      batch.codes.push(slots.has(code) ? code : "");
    }
    asked = true;
    worker.postMessage(batch);
  };
  worker.on("message", (reply: AheadReply) => {
    asked = false;
    reply.html.forEach((html, i) => {
      const slot = slots.get(codes[reply.from + i]!);
      if (!slot) return;
      slot.done = { html, palette: reply.palette };
      ready++;
    });
    askMore();
    if (!asked) waiting.splice(0).forEach((resolve) => resolve());
  });
  askMore();
  aheadRegistry().set(data, {
    take(code) {
      const slot = slots.get(code);
      if (!slot) return undefined;
      // A page that highlights its own block (not done yet) took it too.
      if (--slot.uses <= 0) {
        slots.delete(code);
        if (slot.done) ready--;
        askMore();
      }
      return slot.done;
    },
  });
  const settled = () => new Promise<void>((resolve) => (asked ? waiting.push(resolve) : resolve()));
  return { blocks: codes.length, settled };
}
