/**
 * The diagnostics of one file being loaded: positions come from byte offsets
 * of the decoded text (through the parser's LineCounter), and a flood of one
 * code (a file of 100,000 aliases) is cut to a readable number.
 */
import type { LineCounter } from "yaml";
import { CODES, type DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";

/** At most this many diagnostics of one code are kept per file; the last one says how many more there were. */
export const MAX_PER_CODE = 20;

/** Collects the diagnostics of one file. */
export class FileReport {
  readonly diagnostics: Diagnostic[] = [];
  private readonly counts = new Map<DiagnosticCode, number>();
  private readonly seen = new Set<string>();

  constructor(
    readonly file: string,
    private readonly lineCounter?: LineCounter,
  ) {}

  /** Report `code` at a character offset of the decoded text. */
  atOffset(offset: number, code: DiagnosticCode, message: string, hint: string): void {
    const pos = this.lineCounter ? this.lineCounter.linePos(offset) : { line: 1, col: 1 };
    this.at({ line: pos.line, column: pos.col }, code, message, hint);
  }

  /** Report `code` at a line and column (1:1 for problems about the whole file). */
  at(position: Position, code: DiagnosticCode, message: string, hint: string): void {
    const key = `${code}@${position.line}:${position.column}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count > MAX_PER_CODE) return;
    this.diagnostics.push({ code, severity: CODES[code].severity, file: this.file, ...position, message, hint });
  }

  /** The 1-based line of a character offset. */
  lineOf(offset: number): number {
    return this.lineCounter ? this.lineCounter.linePos(offset).line : 1;
  }

  /** Whether anything was reported. */
  get hasProblems(): boolean {
    return this.diagnostics.length > 0;
  }

  /** Whether `code` was reported. */
  has(code: DiagnosticCode): boolean {
    return this.counts.has(code);
  }

  /** The diagnostics in position order, with "and N more" added to the last one of each code that overflowed. */
  finish(): Diagnostic[] {
    this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const [code, count] of this.counts) {
      if (count <= MAX_PER_CODE) continue;
      const last = this.diagnostics.findLast((d) => d.code === code);
      if (last) last.message += ` (and ${count - MAX_PER_CODE} more like it in this file, not listed)`;
    }
    return this.diagnostics;
  }
}
