/**
 * A worker thread of the loader. For each load it receives every job once,
 * then claims batches from a counter it shares with the main thread (and the
 * other workers), runs them (parse, then schema), posts each batch's outcomes
 * on the load's port and marks the batch done, until no batch is left. It
 * stays for the next load of the process (a pull request's sides), its
 * parser loaded and its schemas compiled.
 */
import { deserialize, serialize } from "node:v8";
import { parentPort, type MessagePort } from "node:worker_threads";
import type { YamlLimits } from "../yaml/parse.js";
import { runFileJob, type FileJob, type FileOutcome } from "./file-job.js";

/** What a worker is sent once. */
export interface WorkerSetup {
  jobs: FileJob[];
  limits: YamlLimits;
  /** Jobs per batch. */
  size: number;
  /** `[next batch to claim, batches done]`, then one state per batch (0 free, 1 claimed, 2 done): over a SharedArrayBuffer. */
  shared: SharedArrayBuffer;
  port: MessagePort;
  /** Send the values of accepted, schema-valid files serialized (for the content cache), not as objects. */
  serialize?: boolean;
}

/** The outcomes of one batch. */
export interface BatchResult {
  batch: number;
  outcomes: FileOutcome[];
}

/** An outcome as a worker sends it: with `serialize`, a valid file's value travels serialized only. */
export type WireOutcome = FileOutcome | { accepted: true; schemaValid: true; serialized: Uint8Array };

/** A batch's outcomes with their valid values serialized (the cache keeps those bytes; the receiver decodes them once). */
function toWire(result: BatchResult): { batch: number; outcomes: WireOutcome[] } {
  return {
    batch: result.batch,
    outcomes: result.outcomes.map((o) =>
      o.accepted && o.schemaValid ? { accepted: true, schemaValid: true, serialized: serialize(o.value) } : o,
    ),
  };
}

/** The outcomes a worker sent, decoded. */
export function fromWire(result: { batch: number; outcomes: WireOutcome[] }): BatchResult {
  return {
    batch: result.batch,
    outcomes: result.outcomes.map((o): FileOutcome =>
      o.accepted && !("value" in o)
        ? { accepted: true, schemaValid: true, value: deserialize(o.serialized), serialized: o.serialized }
        : o,
    ),
  };
}

/** Claim and run batches until none is left; shared by the worker and the main thread. */
export function workOnBatches(setup: Omit<WorkerSetup, "port">, done: (result: BatchResult) => void): void {
  const { jobs, limits, size } = setup;
  const counters = new Int32Array(setup.shared, 0, 2);
  const batches = Math.ceil(jobs.length / size);
  const state = new Int32Array(setup.shared, 8, batches);
  for (;;) {
    const batch = Atomics.add(counters, 0, 1);
    if (batch >= batches) return;
    Atomics.store(state, batch, 1);
    const outcomes = jobs.slice(batch * size, (batch + 1) * size).map((job) => runFileJob(job, limits));
    done({ batch, outcomes });
    Atomics.store(state, batch, 2);
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
}

parentPort?.on("message", (setup: WorkerSetup) => {
  workOnBatches(setup, (result) => setup.port.postMessage(setup.serialize ? toWire(result) : result));
  setup.port.close();
});
