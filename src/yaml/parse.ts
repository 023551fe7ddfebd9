/**
 * The hardened YAML loader: bytes in, a parsed document and plain JSON data
 * out, or diagnostics at positions. Never throws for bad input.
 *
 * (Provisional version: to be hardened against every hazard in issue #2.)
 */
import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/entity.js";

/** Bounds the loader enforces. */
export interface YamlLimits {
  /** Largest file accepted, in bytes (default 1 MiB). */
  maxFileBytes: number;
  /** Deepest nesting of mappings and sequences accepted (default 64). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: YamlLimits = { maxFileBytes: 1024 * 1024, maxDepth: 64 };

/** What to parse. */
export interface ParseInput {
  /** Display path, used in diagnostics. */
  file: string;
  /** Path relative to the catalog folder. */
  relPath: string;
  bytes: Uint8Array;
  /** Size of the file in bytes when `bytes` was not read because it exceeds the cap. */
  size?: number;
  limits?: Partial<YamlLimits>;
}

/** The outcome: `source` and `value` are set only when the file is acceptable. */
export interface ParseResult {
  source?: SourceFile;
  value?: unknown;
  diagnostics: Diagnostic[];
}

/** Parse one untrusted YAML file. */
export function parseYamlFile(input: ParseInput): ParseResult {
  const text = new TextDecoder("utf-8").decode(input.bytes);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: "1.2", schema: "core", uniqueKeys: true });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    code: "yaml/syntax",
    severity: "error",
    file: input.file,
    line: e.linePos?.[0]?.line ?? 1,
    column: e.linePos?.[0]?.col ?? 1,
    message: e.message.split("\n")[0] ?? e.message,
    hint: "fix the YAML syntax",
  }));
  if (diagnostics.length > 0) return { diagnostics };
  return {
    source: { file: input.file, relPath: input.relPath, text, doc, lineCounter },
    value: doc.toJS(),
    diagnostics,
  };
}
