/**
 * The worker thread of highlight-ahead.ts: highlights the YAML blocks it is
 * sent, in their order, and posts the HTML back a batch at a time, so the
 * pages rendered first find theirs soon.
 */
import { parentPort } from "node:worker_threads";
import { highlightYaml } from "./highlight.js";

/** Blocks per message: small enough that the first pages find theirs early, large enough to cost little to post. */
const BATCH = 64;

/** What the worker posts: the HTML of the blocks from `from` on, and the palette their `<pre>` carries. */
export interface AheadBatch {
  from: number;
  html: string[];
  palette: string;
}

parentPort?.on("message", (codes: string[]) => {
  for (let from = 0; from < codes.length; from += BATCH) {
    const done = codes.slice(from, from + BATCH).map((code) => highlightYaml(code));
    const batch: AheadBatch = { from, html: done.map((h) => h.html), palette: done[0]?.palette ?? "" };
    parentPort!.postMessage(batch);
  }
  parentPort!.postMessage("end");
});
