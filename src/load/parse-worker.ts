/** A worker thread of the loader: runs the file jobs it is sent (parse, then schema) and posts their outcomes back. */
import { parentPort } from "node:worker_threads";
import type { YamlLimits } from "../yaml/parse.js";
import { runFileJob, type FileJob, type FileOutcome } from "./file-job.js";

/** A batch of jobs sent to a worker. */
export interface JobBatch {
  id: number;
  jobs: FileJob[];
  limits: YamlLimits;
}

/** The outcomes of a batch, in the batch's order. */
export interface BatchResult {
  id: number;
  outcomes: FileOutcome[];
  /** Set when the batch failed (a bug): the main thread reruns it in-thread to report it there. */
  error?: string;
}

parentPort?.on("message", (batch: JobBatch) => {
  try {
    const outcomes = batch.jobs.map((job) => runFileJob(job, batch.limits));
    parentPort!.postMessage({ id: batch.id, outcomes } satisfies BatchResult);
  } catch (err) {
    parentPort!.postMessage({ id: batch.id, outcomes: [], error: String((err as Error)?.stack ?? err) } satisfies BatchResult);
  }
});
