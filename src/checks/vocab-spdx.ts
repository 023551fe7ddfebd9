/**
 * SPDX license expressions behind a small interface. A parser of the SPDX
 * expression grammar (AND, OR, WITH, parentheses, `+`, LicenseRef-/DocumentRef-)
 * checks ids against the full SPDX lists when the packages `spdx-license-ids`
 * and `spdx-exceptions` are installed, and otherwise against a compact
 * built-in list of common ones (vocab-spdx-ids.ts).
 */
import { createRequire } from "node:module";
import { BUILTIN_DEPRECATED_IDS, BUILTIN_EXCEPTION_IDS, BUILTIN_LICENSE_IDS } from "./vocab-spdx-ids.js";

/** The outcome of parsing a license expression: its license ids, or why it is not valid. */
export type LicenseParse = { ok: true; ids: string[] } | { ok: false; reason: string };

/** Parses SPDX license expressions. */
export interface LicenseExpressionParser {
  /** Where the license list comes from: `packages` or `built-in`. */
  readonly source: "packages" | "built-in";
  parse(expression: string): LicenseParse;
  /** The license ids it knows, for suggestions. */
  readonly ids: readonly string[];
}

const REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/** A parser of the SPDX expression grammar over the given license and exception ids. */
export function createSpdxParser(licenseIds: readonly string[], exceptionIds: readonly string[], source: LicenseExpressionParser["source"] = "built-in"): LicenseExpressionParser {
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
        if (exception === undefined || !exceptions.has(exception)) fail(`"${exception ?? ""}" after WITH is not an SPDX license exception id`);
        i += 2;
      }
    };
    const conjunction = (): void => {
      atom();
      while (tokens[i] === "AND") (i++, atom());
    };
    const disjunction = (): void => {
      conjunction();
      while (tokens[i] === "OR") (i++, conjunction());
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
  return { source, parse, ids: licenseIds };
}

/**
 * The parser over the full lists of the `spdx-license-ids` and `spdx-exceptions`
 * packages (the data `spdx-expression-parse` uses), or `undefined` when they are
 * not installed. The grammar stays this module's, so messages are the same either way.
 */
function loadPackagedParser(): LicenseExpressionParser | undefined {
  try {
    const require = createRequire(import.meta.url);
    const ids = [...(require("spdx-license-ids") as string[]), ...(require("spdx-license-ids/deprecated.json") as string[])];
    const exceptions = require("spdx-exceptions") as string[];
    return createSpdxParser(ids, exceptions, "packages");
  } catch {
    return undefined;
  }
}

let cached: LicenseExpressionParser | undefined;

/** The SPDX parser: over the full packaged license list when installed, else over the built-in list. */
export function loadSpdxParser(): LicenseExpressionParser {
  cached ??= loadPackagedParser() ?? createSpdxParser([...BUILTIN_LICENSE_IDS, ...BUILTIN_DEPRECATED_IDS], BUILTIN_EXCEPTION_IDS);
  return cached;
}
