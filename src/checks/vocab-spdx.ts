/**
 * SPDX license expressions behind a small interface. A parser of the SPDX
 * expression grammar (AND, OR, WITH, parentheses, `+`, LicenseRef-/DocumentRef-)
 * checks ids against the full SPDX lists of the packages `spdx-license-ids`
 * and `spdx-exceptions`, with messages of its own.
 */
import { createRequire } from "node:module";

/** The outcome of parsing a license expression: its license ids, or why it is not valid. */
export type LicenseParse = { ok: true; ids: string[] } | { ok: false; reason: string };

/** Parses SPDX license expressions. */
export interface LicenseExpressionParser {
  parse(expression: string): LicenseParse;
  /** The license ids it knows, for suggestions. */
  readonly ids: readonly string[];
}

const REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/** A parser of the SPDX expression grammar over the given license and exception ids. */
export function createSpdxParser(
  licenseIds: readonly string[],
  exceptionIds: readonly string[],
): LicenseExpressionParser {
  const licenses = new Set(licenseIds);
  const exceptions = new Set(exceptionIds);
  const parse = (expression: string): LicenseParse => {
    const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
    const ids: string[] = [];
    let i = 0;
    const fail = (reason: string): never => {
      throw new SyntaxError(reason);
    };
    const atom = (): void => {
      const token = tokens[i++];
      if (token === undefined) fail("it ends where a license id was expected");
      if (token === "(") {
        disjunction();
        if (tokens[i++] !== ")") fail("a parenthesis is not closed");
        return;
      }
      const id = token!.endsWith("+") ? token!.slice(0, -1) : token!;
      if (!licenses.has(id) && !REF.test(token!)) fail(`"${token}" is not an SPDX license id`);
      ids.push(token!);
      if (tokens[i] === "WITH") {
        const exception = tokens[i + 1];
        if (exception === undefined || !exceptions.has(exception))
          fail(`"${exception ?? ""}" after WITH is not an SPDX license exception id`);
        i += 2;
      }
    };
    const conjunction = (): void => {
      atom();
      while (tokens[i] === "AND") {
        i++;
        atom();
      }
    };
    const disjunction = (): void => {
      conjunction();
      while (tokens[i] === "OR") {
        i++;
        conjunction();
      }
    };
    try {
      if (tokens.length === 0) fail("it is empty");
      disjunction();
      if (i < tokens.length) fail(`"${tokens[i]}" is unexpected there (operators are AND, OR and WITH, in capitals)`);
      return { ok: true, ids };
    } catch (err) {
      if (err instanceof SyntaxError) return { ok: false, reason: err.message };
      throw err;
    }
  };
  return { parse, ids: licenseIds };
}

let cached: LicenseExpressionParser | undefined;

/** The SPDX parser over the full lists of the `spdx-license-ids` and `spdx-exceptions` packages (loaded once). */
export function loadSpdxParser(): LicenseExpressionParser {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const ids = [
      ...(require("spdx-license-ids") as string[]),
      ...(require("spdx-license-ids/deprecated.json") as string[]),
    ];
    const exceptions = require("spdx-exceptions") as string[];
    cached = createSpdxParser(ids, exceptions);
  }
  return cached;
}
