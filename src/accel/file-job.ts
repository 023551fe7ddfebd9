/**
 * The per-file unit of work of the loader's fast paths: parse one YAML file
 * with the hardened loader and, when it is accepted, validate its data
 * against its kind's schema. The outcome depends on the file's bytes, its
 * display path (messages name it) and the schema only, so it can run in a
 * worker thread, and an accepted, valid outcome can be cached by content.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { validatorForFile } from "../schemas/validators.js";
import { parseYamlFile, type YamlLimits } from "../yaml/parse.js";

/** One YAML file to parse and validate. */
export interface FileJob {
  /** Display path (in diagnostics). */
  file: string;
  relPath: string;
  bytes: Uint8Array;
  size: number;
  /** The schema file of the path's kind, e.g. `team.schema.json`. */
  schemaFile: string;
}

/** What a file job found: the file's data and whether it passed its schema, or why it was rejected. */
export type FileOutcome =
  | {
      accepted: true;
      value: unknown;
      schemaValid: boolean;
      /** The value as `v8.serialize` gives it, when a worker thread made it for the content cache (the main thread need not again). */
      serialized?: Uint8Array;
    }
  | { accepted: false; diagnostics: Diagnostic[] };

/** Parse and validate one file. */
export function runFileJob(job: FileJob, limits: YamlLimits): FileOutcome {
  const parsed = parseYamlFile({ file: job.file, relPath: job.relPath, bytes: job.bytes, size: job.size, limits });
  if (!parsed.source) return { accepted: false, diagnostics: parsed.diagnostics };
  const validate = validatorForFile(job.schemaFile);
  return { accepted: true, value: parsed.value, schemaValid: validate(parsed.value) === true };
}

/**
 * Load and warm what `runFileJob` runs (the parser, the schemas' validators)
 * while the process would otherwise wait, e.g. on git: the first job then
 * does not pay for it. Has no other effect.
 */
export function warmFileJobs(schemaFiles: Iterable<string>, limits: YamlLimits): void {
  const bytes = new TextEncoder().encode("kind: warm-up\nitems: [1, two]\n");
  parseYamlFile({ file: "(warm-up)", relPath: "(warm-up)", bytes, size: bytes.length, limits });
  for (const file of new Set(schemaFiles)) validatorForFile(file);
}
