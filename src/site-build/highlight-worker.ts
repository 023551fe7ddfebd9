/**
 * The worker thread of highlight-ahead.ts: highlights each batch of YAML
 * blocks it is sent (the main thread sends the next as the pages take what
 * it has) and posts the HTML back.
 */
import { parentPort } from "node:worker_threads";
import { highlightYaml } from "./highlight.js";

/** What the main thread sends: the next batch of blocks, in order (an empty batch after the last). */
export type AheadRequest = { from: number; codes: string[] };

/** What the worker posts: the HTML of the blocks from `from` on, and the palette their `<pre>` carries. */
export type AheadReply = { from: number; html: string[]; palette: string };

// Load the highlighter (and read the themes' colors) while the main thread computes the site data.
highlightYaml("");

parentPort?.on("message", ({ from, codes }: AheadRequest) => {
  const done = codes.map((code) => highlightYaml(code));
  const reply: AheadReply = { from, html: done.map((h) => h.html), palette: done[0]?.palette ?? "" };
  parentPort!.postMessage(reply);
});
