/**
 * Run file jobs over the cores, synchronously: worker threads and the main
 * thread claim batches from one shared counter (whoever is free takes the
 * next), workers post their outcomes on a port the main thread reads without
 * its event loop, and the main thread waits on a shared counter. So even a
 * synchronous load (a pull request's sides) is spread over the cores.
 * Worker threads pay off only on large catalogs: each one loads the parser
 * and compiles the schemas it needs before its first batch.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { PARSE_WORKER_PATH } from "../runtime/locations.js";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { YamlLimits } from "../yaml/parse.js";
import { runFileJob, type FileJob, type FileOutcome } from "./file-job.js";
import { fromWire, workOnBatches, type BatchResult, type WireOutcome } from "./parse-worker.js";

/** Below this many files a catalog is loaded in the main thread only (measured: workers cost more than they save). */
export const WORKER_THRESHOLD = 1500;

/** How long the main thread waits for a worker's claimed batch before running it itself (a worker that died). */
const STALL_MS = 20_000;

/** How many worker threads to use for `jobs` jobs: `auto` uses one per core beyond the first, on large catalogs only. */
export function workerCount(jobs: number, requested: number | "auto" = "auto"): number {
  if (requested !== "auto") return Math.max(0, Math.floor(requested));
  return jobs < WORKER_THRESHOLD ? 0 : Math.min(3, availableParallelism() - 1);
}

/** The worker script: the compiled one beside this module (from the sources, the one in dist/), if it exists. */
function workerScript(): URL | undefined {
  return existsSync(PARSE_WORKER_PATH) ? pathToFileURL(PARSE_WORKER_PATH) : undefined;
}

/** How a run of `runFileJobs` split its work (for tests and benchmarks). */
export interface PoolSplit {
  workers: number;
  workerBatches: number;
  mainBatches: number;
}

/** Options of `runFileJobs`. */
export interface PoolOptions {
  /** Send valid values serialized (for the content cache). */
  serialize?: boolean;
  /** Whether the main thread takes batches too (default true; tests turn it off to make sure the workers' outcomes are used). */
  mainThreadWorks?: boolean;
}

/**
 * Worker threads kept for the next load of this process: started once, they
 * keep the parser loaded and the schemas compiled. They never keep the
 * process alive (unref), and one that exits is replaced.
 */
const kept: Worker[] = [];

/** Up to `count` running workers of `script`, started when missing. */
function keptWorkers(script: URL, count: number): Worker[] {
  while (kept.length < count) {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      // No thread could be started (resource limits): the main thread takes the batches.
      break;
    }
    worker.unref();
    worker.on("error", () => {}); // its batches are taken over by the main thread
    worker.once("exit", () => kept.splice(kept.indexOf(worker) >>> 0, 1));
    kept.push(worker);
  }
  return kept.slice(0, count);
}

/**
 * Stop the kept workers: a process that will load no more catalogs (a build, once it has validated)
 * gives their memory back (each holds the parser, the compiled schemas and its heap: about 100 MB at
 * 10,000 entities). A later load starts new ones.
 */
export async function releaseWorkers(): Promise<void> {
  await Promise.all(kept.splice(0).map((w) => w.terminate()));
}

/** Run `jobs` with `workers` worker threads plus the main thread; the outcomes are in the jobs' order. */
export function runFileJobs(
  jobs: readonly FileJob[],
  limits: YamlLimits,
  workers: number,
  options: PoolOptions = {},
): { outcomes: FileOutcome[]; split: PoolSplit } {
  const script = workers > 0 && jobs.length > 0 ? workerScript() : undefined;
  const split: PoolSplit = { workers: script ? workers : 0, workerBatches: 0, mainBatches: 0 };
  if (!script) return { outcomes: jobs.map((job) => runFileJob(job, limits)), split };

  const size = Math.max(16, Math.min(128, Math.ceil(jobs.length / ((workers + 1) * 16))));
  const batches = Math.ceil(jobs.length / size);
  const shared = new SharedArrayBuffer(8 + 4 * batches);
  const counters = new Int32Array(shared, 0, 2);
  const state = new Int32Array(shared, 8, batches);
  const setup = { jobs: jobs as FileJob[], limits, size, shared };
  const ports: MessagePort[] = [];
  for (const worker of keptWorkers(script, workers)) {
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ ...setup, port: port2, ...(options.serialize && { serialize: true }) }, [port2]);
    ports.push(port1);
  }

  const outcomes: FileOutcome[] = new Array(jobs.length);
  const mine = new Set<number>();
  const store = ({ batch, outcomes: found }: BatchResult) => found.forEach((o, k) => (outcomes[batch * size + k] = o));
  if (options.mainThreadWorks !== false) {
    workOnBatches(setup, (result) => {
      mine.add(result.batch);
      store(result);
    });
  }
  // Wait for the workers' batches; one that stays claimed too long (its worker died) is run here.
  let seen = Atomics.load(counters, 1);
  let since = performance.now();
  while (seen < batches) {
    Atomics.wait(counters, 1, seen, 100);
    const now = Atomics.load(counters, 1);
    if (now !== seen) [seen, since] = [now, performance.now()];
    else if (performance.now() - since > STALL_MS) {
      for (let b = 0; b < batches; b++) {
        if (Atomics.load(state, b) === 2) continue;
        const from = b * size;
        store({ batch: b, outcomes: jobs.slice(from, from + size).map((job) => runFileJob(job, limits)) });
        mine.add(b);
      }
      break;
    }
  }
  for (const port of ports) {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const result = fromWire(m.message as { batch: number; outcomes: WireOutcome[] });
      if (mine.has(result.batch)) continue;
      store(result);
      split.workerBatches++;
    }
    port.close();
  }
  split.mainBatches = mine.size;
  return { outcomes, split };
}
