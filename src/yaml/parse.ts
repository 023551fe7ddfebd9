/**
 * The hardened YAML loader: bytes in, a parsed document and plain JSON data
 * out, or diagnostics at positions. YAML is untrusted input: the loader never
 * throws for bad input, never expands aliases, never composes anything nested
 * deeper than the bound, and reports every problem it can find in one file.
 *
 * One parse per file: bytes -> strict UTF-8 text -> CST tokens (scanned once
 * for depth, anchors, tags, directives and documents) -> composed document ->
 * our own walk to plain data (keys checked). See docs/yaml-rules.md.
 */
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type CST, type Document, type YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/entity.js";
import { reportTooDeep, scanTokens } from "./cst-scan.js";
import { FileReport } from "./file-report.js";
import { describeChar, scanInvisible } from "./invisible.js";
import { decodeUtf8, notUtf8Hint } from "./utf8.js";
import { convertNode } from "./walk.js";

/** Bounds the loader enforces. */
export interface YamlLimits {
  /** Largest file accepted, in bytes (default 1 MiB). */
  maxFileBytes: number;
  /** Deepest nesting of mappings and sequences accepted (default 64). */
  maxDepth: number;
}

/** The bounds used when none are given. */
export const DEFAULT_LIMITS: YamlLimits = Object.freeze({ maxFileBytes: 1024 * 1024, maxDepth: 64 });

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

/** YAML 1.2, core schema (no timestamps, `yes` is a string); duplicate keys are checked by our own walk. */
const COMPOSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: false, prettyErrors: false } as const;

/** Library errors about things the token scan already reports with its own code. */
const COVERED_ERRORS: ReadonlySet<string> = new Set([
  "ALIAS_PROPS",
  "BAD_ALIAS",
  "MULTIPLE_ANCHORS",
  "MULTIPLE_TAGS",
  "TAG_RESOLVE_FAILED",
  "BAD_DIRECTIVE",
  "DUPLICATE_KEY",
]);

const SYNTAX_HINT =
  "fix the YAML here: check indentation, and quote values that hold `: `, ` #` or start with a special character";

/** Parse one untrusted YAML file. */
export function parseYamlFile(input: ParseInput): ParseResult {
  const limits: YamlLimits = {
    maxFileBytes: input.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxDepth: input.limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const size = Math.max(input.size ?? 0, input.bytes.length);
  if (size > limits.maxFileBytes) {
    const report = new FileReport(input.file);
    report.at(
      { line: 1, column: 1 },
      "file/too-large",
      `${input.file} is ${size} bytes, over the cap of ${limits.maxFileBytes} bytes`,
      "split the file or move large content (data, logs, model weights) out of the catalog",
    );
    return { diagnostics: report.finish() };
  }
  const decoded = decodeUtf8(input.bytes);
  if (!decoded.ok) {
    const report = new FileReport(input.file);
    report.at(
      decoded.position,
      "file/invalid-utf8",
      `${input.file} is not valid UTF-8: byte ${decoded.offset} cannot be decoded`,
      notUtf8Hint(input.bytes, "save the file as UTF-8 (without a legacy encoding such as Latin-1)"),
    );
    return { diagnostics: report.finish() };
  }
  const text = decoded.text;
  const lineCounter = new LineCounter();
  const report = new FileReport(input.file, lineCounter);
  try {
    return parseText({ ...input, text, lineCounter, report, limits });
  } catch (error) {
    // The token scan keeps nothing deep on the call stack; this is a last guard, never expected.
    if (!(error instanceof RangeError)) throw error;
    reportTooDeep(report, 0, limits.maxDepth);
    return { diagnostics: report.finish() };
  }
}

interface TextInput extends ParseInput {
  text: string;
  lineCounter: LineCounter;
  report: FileReport;
  limits: YamlLimits;
}

/** The CST tokens of `text`, line starts recorded in `lineCounter`: the first step of every parse. */
export function lexTokens(text: string, lineCounter: LineCounter): CST.Token[] {
  return Array.from(new Parser(lineCounter.addNewLine).parse(text));
}

/** The documents composed from `tokens`, with the loader's options: the second step of every parse. */
export function composeDocuments(tokens: readonly CST.Token[], text: string): Document.Parsed[] {
  return Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length));
}

function parseText({ file, relPath, text, lineCounter, report, limits }: TextInput): ParseResult {
  const tokens = lexTokens(text, lineCounter);
  const scan = scanTokens(tokens, report, limits.maxDepth);
  const invisible = scanInvisible(text);
  for (const offset of invisible.bidi) {
    report.atOffset(
      offset,
      "yaml/invisible-character",
      `${describeChar(text[offset] ?? "")}, a bidi-control character, is not allowed anywhere in a file`,
      "delete it: it can make the text display differently from what it is",
    );
  }
  const second = scan.documents[1];
  if (second !== undefined) {
    report.atOffset(
      second,
      "yaml/multiple-documents",
      `a second YAML document starts here; a catalog file holds exactly one`,
      "remove the `---` line and what follows, or move that document to its own file",
    );
  }
  if (scan.tooDeep) return { diagnostics: report.finish() };

  const docs = composeDocuments(tokens, text);
  for (const doc of docs) for (const error of doc.errors) reportLibraryError(error, report, limits);
  const doc = docs[0];
  if (!doc || !scan.firstHasContent) {
    // Stray content that makes no document (a lone `]`) is a syntax error, not an empty file.
    if (!report.has("yaml/syntax")) {
      report.at(
        { line: 1, column: 1 },
        "yaml/empty",
        `${file} holds no YAML document (it is empty or only comments)`,
        "write the entity's fields as a mapping (`name: ...`), or delete the file",
      );
    }
    return { diagnostics: report.finish() };
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = isScalar(contents) ? "a single value" : isSeq(contents) ? "a sequence" : "an alias";
    report.atOffset(
      contents?.range[0] ?? 0,
      "yaml/not-a-mapping",
      `the top level of ${file} is ${what}, not a mapping`,
      "write the entity's fields as `key: value` lines at the top level",
    );
    return { diagnostics: report.finish() };
  }
  const value = convertNode(contents, { text, report, invisible, maxDepth: limits.maxDepth });
  if (report.hasProblems) return { diagnostics: report.finish() };
  return { source: { file, relPath, text, doc, lineCounter }, value, diagnostics: [] };
}

/** Map one of the yaml library's errors to a diagnostic, unless the token scan covers it already. */
function reportLibraryError(error: YAMLError, report: FileReport, limits: YamlLimits): void {
  if (COVERED_ERRORS.has(error.code)) return;
  const offset = error.pos[0];
  if (error.code === "RESOURCE_EXHAUSTION") {
    reportTooDeep(report, offset, limits.maxDepth);
    return;
  }
  const message = (error.message.split("\n")[0] ?? error.message).replace(/\.$/, "");
  report.atOffset(offset, "yaml/syntax", `YAML syntax error: ${lowerFirst(message)}`, SYNTAX_HINT);
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
