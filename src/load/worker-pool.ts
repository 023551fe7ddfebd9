/**
 * Run file jobs over the cores: worker threads and the main thread take
 * batches from one queue (each worker has two batches in flight, so it never
 * waits for the main thread), and the outcomes come back in job order.
 * Worker threads pay off only on large catalogs: each one loads the parser
 * and compiles the schemas it needs before its first batch.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { YamlLimits } from "../yaml/parse.js";
import { runFileJob, type FileJob, type FileOutcome } from "./file-job.js";
import type { BatchResult } from "./parse-worker.js";

/** Below this many files a catalog is loaded in the main thread only (measured: workers cost more than they save). */
export const WORKER_THRESHOLD = 2000;

/** How many worker threads to use for `jobs` jobs: `auto` uses one per core beyond the first, on large catalogs only. */
export function workerCount(jobs: number, requested: number | "auto" = "auto"): number {
  if (requested !== "auto") return Math.max(0, Math.floor(requested));
  return jobs < WORKER_THRESHOLD ? 0 : Math.min(3, availableParallelism() - 1);
}

/** The worker script: the compiled one beside this module (from the sources, the one in dist/), if it exists. */
function workerScript(): URL | undefined {
  const url = new URL(import.meta.url.endsWith(".ts") ? "../../dist/load/parse-worker.js" : "./parse-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** How the last run of `runFileJobs` split its work (for tests and benchmarks). */
export const lastPoolRun = { workers: 0, workerBatches: 0, mainBatches: 0 };

/** Run `jobs` with `workers` worker threads plus the main thread; the outcomes are in the jobs' order. */
export async function runFileJobs(jobs: readonly FileJob[], limits: YamlLimits, workers: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const script = workers > 0 ? workerScript() : undefined;
  Object.assign(lastPoolRun, { workers: script ? workers : 0, workerBatches: 0, mainBatches: 0 });
  if (!script || jobs.length === 0) {
    jobs.forEach((job, i) => (outcomes[i] = runFileJob(job, limits)));
    return outcomes;
  }
  const size = Math.max(32, Math.min(256, Math.ceil(jobs.length / ((workers + 1) * 8))));
  const queue: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < jobs.length; start += size) queue.push({ start, end: Math.min(jobs.length, start + size) });
  const inFlight = new Map<number, { batch: { start: number; end: number }; worker: Worker }>();
  const pool = Array.from({ length: workers }, () => new Worker(script));
  let nextId = 0;
  let settle: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (settle = resolve));
  const runInThread = (batch: { start: number; end: number }) => {
    lastPoolRun.mainBatches++;
    for (let i = batch.start; i < batch.end; i++) outcomes[i] = runFileJob(jobs[i]!, limits);
  };
  const checkDone = () => {
    if (queue.length === 0 && inFlight.size === 0) settle();
  };
  const send = (worker: Worker) => {
    const batch = queue.shift();
    if (!batch) return;
    const id = nextId++;
    inFlight.set(id, { batch, worker });
    worker.postMessage({ id, jobs: jobs.slice(batch.start, batch.end), limits });
  };
  // A worker that fails or stops leaves its batches to the main thread.
  const reclaim = (worker: Worker) => {
    for (const [id, flight] of inFlight) {
      if (flight.worker !== worker) continue;
      inFlight.delete(id);
      runInThread(flight.batch);
    }
    checkDone();
  };
  for (const worker of pool) {
    worker.on("message", (result: BatchResult) => {
      const flight = inFlight.get(result.id);
      if (!flight) return;
      inFlight.delete(result.id);
      if (result.error !== undefined) runInThread(flight.batch);
      else {
        lastPoolRun.workerBatches++;
        result.outcomes.forEach((o, k) => (outcomes[flight.batch.start + k] = o));
      }
      send(worker);
      checkDone();
    });
    worker.on("error", () => reclaim(worker));
    worker.on("exit", () => reclaim(worker));
    send(worker);
    send(worker);
  }
  try {
    // The main thread works too, letting worker messages in between its batches.
    while (queue.length > 0) {
      runInThread(queue.shift()!);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    checkDone();
    await allDone;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}
