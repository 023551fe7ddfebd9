/**
 * Read every template of a component spec with Jinja's grammar and check
 * each name it reads against the context Polyaxon renders that field in
 * (template-contexts.ts), and point at each problem in the source.
 */
import type { Scalar, YAMLMap } from "yaml";
import { isMap } from "yaml";
import type { Position } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { SourceFile } from "../model/entity.js";
import { positionOfOffset } from "../yaml/positions.js";
import { analyzeTemplate, type TemplateRead } from "./jinja.js";
import { JINJA_GLOBALS, PARAM_FIELDS } from "./polyaxon-names.js";
import { contextStrings, type TemplateContext } from "./template-contexts.js";
import { findClosest } from "../text/suggest.js";

/** A template problem, ready to report. */
export interface TemplateFinding {
  code: Extract<DiagnosticCode, `spec/${string}` | `dag/${string}`>;
  position: Position;
  message: string;
  hint: string;
}

/** Resolves a DAG operation to its component's inputs and outputs (hub and path references); undefined when unknown. */
export type OpResolver = (op: YAMLMap) => { inputs: string[]; outputs: string[] } | undefined;

/** Every template problem of the spec in `source` (whose root is a component spec mapping). */
export function findTemplateProblems(source: SourceFile, resolveOp?: OpResolver): TemplateFinding[] {
  const root = source.doc.contents;
  if (!isMap(root) || !(source.text.includes("{{") || source.text.includes("{%"))) return [];
  const out: TemplateFinding[] = [];
  for (const { node, context } of contextStrings(root, resolveOp)) checkString(node, context, source, out);
  return out;
}

function checkString(node: Scalar<string>, context: TemplateContext, source: SourceFile, out: TemplateFinding[]): void {
  const at = (offset: number) => positionInScalar(node, offset, source);
  const analysis = analyzeTemplate(node.value);
  if (!analysis.ok) {
    out.push({
      code: "spec/template-syntax",
      position: at(0),
      message: `Jinja cannot parse this template (${context.where}): ${analysis.error}`,
      hint: "close every {{ with }} and every {% with %} (Polyaxon renders the string with Jinja and fails on it); to write a literal {{, use {{ '{{' }}",
    });
    return;
  }
  const skip = new Set<number>();
  for (const { left, right } of analysis.subtractions) {
    const joined = [`${left.name}_${right.name}`, `${left.name}-${right.name}`].find((n) => context.io.includes(n));
    if (!joined || context.io.includes(left.name) || context.io.includes(right.name)) continue;
    skip.add(left.offset).add(right.offset);
    const read = joined.includes("-") ? `{{ params['${joined}'].value }}` : `{{ ${joined} }}`;
    out.push({
      code: "spec/hyphenated-template-name",
      position: at(left.offset),
      message: `{{ ${left.name}-${right.name} }} reads "${left.name}" minus "${right.name}" (Jinja names cannot hold "-"), not the declared name "${joined}"`,
      hint: `did you mean ${joined}? Write ${read}`,
    });
  }
  const seen = new Set<string>();
  for (const read of analysis.reads) {
    if (skip.has(read.offset)) continue;
    const finding = checkRead(read, context);
    if (!finding) continue;
    const id = `${finding.code}:${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...finding, position: at(finding.offset) });
  }
}

type ReadFinding = Omit<TemplateFinding, "position"> & { offset: number };

/** What is wrong with one read in its context, if anything. */
function checkRead(read: TemplateRead, context: TemplateContext): ReadFinding | undefined {
  const { name } = read;
  if (context.own !== undefined) {
    if (name === context.own || JINJA_GLOBALS.includes(name)) return undefined;
    return {
      code: "spec/arg-format-scope",
      offset: read.offset,
      message: `argFormat of "${context.own}" reads "${name}": Polyaxon renders an argFormat with its own value only, so "${name}" renders empty`,
      hint: `read only {{ ${context.own} }} here; combine other inputs in the command or args instead`,
    };
  }
  if (context.io.includes(name) || JINJA_GLOBALS.includes(name)) return undefined;
  if (context.namespaces.includes(name)) return checkNamespaceRead(read, context);
  const candidates = [...context.io, ...context.namespaces];
  const closest = findClosest(name, candidates);
  const declare = `declare "${name}" under inputs or outputs`;
  return {
    code: "spec/unknown-template-variable",
    offset: read.offset,
    message: `template variable "${name}" is not a declared input or output, nor in the context Polyaxon renders ${context.where} with (${context.namespaces.join(", ") || "its own value only"})`,
    hint: closest
      ? `did you mean "${closest}"? Otherwise ${declare}`
      : `${declare}, or fix the spelling (${context.io.length > 0 ? `declared: ${context.io.join(", ")}` : "this component declares no inputs or outputs"})`,
  };
}

function checkNamespaceRead(read: TemplateRead, context: TemplateContext): ReadFinding | undefined {
  const [first, second, third] = read.keys;
  if (read.name === "params" && first) {
    if (first.key === "as_args") return undefined;
    if (!context.io.includes(first.key)) {
      const closest = findClosest(first.key, context.io);
      return {
        code: "spec/unknown-template-variable",
        offset: first.offset,
        message: `template reads params.${first.key}, but "${first.key}" is not a declared input or output`,
        hint: `${closest ? `did you mean "${closest}"? Otherwise d` : "D"}eclare "${first.key}" under inputs or outputs (params also has as_args)`,
      };
    }
    if (second && !PARAM_FIELDS.includes(second.key)) {
      const closest = findClosest(second.key, PARAM_FIELDS);
      return {
        code: "spec/unknown-template-variable",
        offset: second.offset,
        message: `template reads params.${first.key}.${second.key}, but Polyaxon gives params.${first.key} only ${PARAM_FIELDS.join(", ")}`,
        hint: closest ? `did you mean params.${first.key}.${closest}?` : `use one of ${PARAM_FIELDS.join(", ")}`,
      };
    }
    return undefined;
  }
  if (
    read.name === "dag" &&
    context.dag &&
    first?.key === "inputs" &&
    second &&
    !context.dag.inputs.includes(second.key)
  ) {
    const closest = findClosest(second.key, context.dag.inputs);
    return {
      code: "dag/unknown-ref",
      offset: second.offset,
      message: `template reads dag.inputs.${second.key}, but the DAG declares no input "${second.key}"`,
      hint: closest
        ? `did you mean dag.inputs.${closest}?`
        : `declare "${second.key}" under the DAG component's inputs (it has ${context.dag.inputs.join(", ") || "none"})`,
    };
  }
  if (read.name === "ops" && context.dag && first) {
    const ops = [...context.dag.ops.keys()];
    if (!context.dag.ops.has(first.key)) {
      const closest = findClosest(first.key, ops);
      return {
        code: "dag/unknown-ref",
        offset: first.offset,
        message: `template reads ops.${first.key}, but the DAG has no operation "${first.key}"`,
        hint: closest
          ? `did you mean ops.${closest}?`
          : `name one of the DAG's operations: ${ops.join(", ") || "none"}`,
      };
    }
    const io = context.dag.ops.get(first.key);
    if (
      io &&
      second &&
      (second.key === "outputs" || second.key === "inputs") &&
      third &&
      !io[second.key].includes(third.key)
    ) {
      const closest = findClosest(third.key, io[second.key]);
      return {
        code: "dag/unknown-ref",
        offset: third.offset,
        message: `template reads ops.${first.key}.${second.key}.${third.key}, but the component of operation "${first.key}" has no ${second.key === "outputs" ? "output" : "input"} "${third.key}"`,
        hint: closest
          ? `did you mean ops.${first.key}.${second.key}.${closest}?`
          : `its ${second.key}: ${io[second.key].join(", ") || "none"}`,
      };
    }
  }
  return undefined;
}

/**
 * The position of offset `offset` of a scalar's value: exact when the scalar
 * sits on one line and its source text between quotes equals its value (plain,
 * or quoted without escapes); the scalar's start otherwise.
 */
export function positionInScalar(node: Scalar, offset: number, source: SourceFile): Position {
  const range = node.range;
  if (!range) return { line: 1, column: 1 };
  const raw = source.text.slice(range[0], range[1]);
  const value = String(node.value);
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  const inner = quoted ? raw.slice(1, -1) : raw;
  const exact = (node.type === "PLAIN" || quoted) && !raw.includes("\n") && inner === value;
  return positionOfOffset(source, range[0] + (exact ? (quoted ? 1 : 0) + offset : 0));
}
