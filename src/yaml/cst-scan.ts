/**
 * The first pass over a file's CST tokens (before anything is composed):
 * nesting depth, anchors and aliases, tags, directives and document starts.
 * The walk keeps its own stack, so 100,000 nested brackets cannot overflow
 * the call stack, and nothing deeper than the bound is ever composed.
 */
import type { CST } from "yaml";
import type { FileReport } from "./file-report.js";

/** What the scan found besides the problems it reported. */
export interface CstScan {
  /** Offsets of each document's start. */
  documents: number[];
  /** Whether the first document has any content. */
  firstHasContent: boolean;
  /** Whether some collection is nested deeper than the bound (the file must not be composed). */
  tooDeep: boolean;
}

const ANCHOR_HINT =
  "write the value out in full: mlcat refuses anchors and aliases, which can blow a small file up into a huge one and hide where a value comes from";
const TAG_HINT =
  "remove the tag: mlcat reads plain YAML 1.2 values only (mappings, sequences, strings, numbers, booleans, null); quote a value to make it a string";
const DIRECTIVE_HINT =
  "remove the line (and a `---` that only follows it): mlcat reads every file as YAML 1.2 with the core schema";

/** Walk `tokens`, reporting anchors, aliases, tags, directives and too-deep nesting into `report`. */
export function scanTokens(tokens: readonly CST.Token[], report: FileReport, maxDepth: number): CstScan {
  const scan: CstScan = { documents: [], firstHasContent: false, tooDeep: false };
  const stack: Array<{ token: CST.Token; depth: number }> = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i]!, depth: 0 });

  const pushAll = (list: readonly CST.Token[] | undefined, depth: number): void => {
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) stack.push({ token: list[i]!, depth });
  };

  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case "directive":
        report.atOffset(
          token.offset,
          "yaml/directive",
          `directive ${quote(token.source)} is not allowed`,
          DIRECTIVE_HINT,
        );
        break;
      case "document":
        if (scan.documents.length === 0) scan.firstHasContent = token.value !== undefined;
        scan.documents.push(token.offset);
        pushAll(token.end, depth);
        if (token.value) stack.push({ token: token.value, depth });
        pushAll(token.start, depth);
        break;
      case "anchor":
        report.atOffset(token.offset, "yaml/anchor", `anchor ${quote(token.source)} is not allowed`, ANCHOR_HINT);
        break;
      case "alias":
        report.atOffset(token.offset, "yaml/anchor", `alias ${quote(token.source)} is not allowed`, ANCHOR_HINT);
        break;
      case "tag":
        report.atOffset(token.offset, "yaml/tag", `tag ${quote(token.source)} is not allowed`, TAG_HINT);
        break;
      case "block-scalar":
        pushAll(token.props, depth);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        const level = depth + 1;
        if (level > maxDepth) {
          scan.tooDeep = true;
          reportTooDeep(report, token.offset, maxDepth);
          break;
        }
        if (token.type === "flow-collection") pushAll(token.end, level);
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]!;
          if (item.value) stack.push({ token: item.value, depth: level });
          pushAll(item.sep, level);
          if (item.key) stack.push({ token: item.key, depth: level });
          pushAll(item.start, level);
        }
        break;
      }
      default:
        break;
    }
  }
  return scan;
}

/** Report `yaml/too-deep` at `offset` (the first mapping or sequence past the bound). */
export function reportTooDeep(report: FileReport, offset: number, maxDepth: number): void {
  report.atOffset(
    offset,
    "yaml/too-deep",
    `mappings and sequences are nested more than ${maxDepth} levels deep here`,
    `flatten the structure: mlcat accepts at most ${maxDepth} levels of nesting`,
  );
}

/** A token's source for a message, quoted and cut to a readable length. */
function quote(source: string): string {
  const s = source.trim();
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}
