/**
 * Templates such as `orgs/{org}/teams/{name}.yaml` or `{org}/{parent}:{name}`: compiled once, then
 * matched against a path's segments, filled from variables, or read back from a filled string.
 */

/** One segment of a path template: fixed text, or a variable with an optional fixed ending (`.yaml`). */
export type TemplateSegment = { literal: string } | { variable: string; ending: string };

const VARIABLE = /^\{([a-z]+)\}(.*)$/;
const PLACEHOLDER = /\{([a-z]+)\}/g;

/** The segments of a `/`-separated path template. */
export function compilePath(template: string): TemplateSegment[] {
  return template.split("/").map((segment) => {
    const m = VARIABLE.exec(segment);
    if (m === null) return { literal: segment };
    if (m[2]!.includes("{")) throw new Error(`template ${template}: one variable a segment`);
    return { variable: m[1]!, ending: m[2]! };
  });
}

/** A compiled path template: its variables, and the values a path split on `/` gives them (in that order). */
export interface SegmentMatcher {
  variables: readonly string[];
  /**
   * The variables' values, or `undefined` when the path does not match. A variable takes a whole segment,
   * less its ending, and never an empty one. Fixed segments are compared first, so most paths are turned
   * away before anything is allocated.
   */
  match(segments: readonly string[]): string[] | undefined;
}

/** Compile `template` for matching (`classifyPath` runs this for every file of a catalog: plain loops, no objects). */
export function segmentMatcher(template: readonly TemplateSegment[]): SegmentMatcher {
  const length = template.length;
  const literalAt: number[] = [];
  const literalText: string[] = [];
  const variableAt: number[] = [];
  const endings: string[] = [];
  const variables: string[] = [];
  template.forEach((t, i) => {
    if ("literal" in t) {
      literalAt.push(i);
      literalText.push(t.literal);
    } else {
      variableAt.push(i);
      endings.push(t.ending);
      variables.push(t.variable);
    }
  });
  return {
    variables,
    match(segments) {
      if (segments.length !== length) return undefined;
      for (let i = 0; i < literalAt.length; i++) if (segments[literalAt[i]!] !== literalText[i]) return undefined;
      const values = new Array<string>(variableAt.length);
      for (let i = 0; i < variableAt.length; i++) {
        const s = segments[variableAt[i]!]!;
        const ending = endings[i]!;
        if (ending === "") values[i] = s;
        else if (s.length > ending.length && s.endsWith(ending)) values[i] = s.slice(0, s.length - ending.length);
        else return undefined;
      }
      return values;
    },
  };
}

/** A filler of `template` from values given in the order of `variables` (what `SegmentMatcher.match` gives). */
export function positionalFiller(
  template: string,
  variables: readonly string[],
): (values: readonly string[]) => string {
  const parts = template.split(PLACEHOLDER);
  if (parts.length === 1) return () => template;
  const texts = parts.filter((_, i) => i % 2 === 0);
  const at = parts
    .filter((_, i) => i % 2 === 1)
    .map((name) => {
      const i = variables.indexOf(name);
      if (i < 0) throw new Error(`template ${template}: {${name}} is not one of ${variables.join(", ")}`);
      return i;
    });
  return (values) => {
    let out = texts[0]!;
    for (let i = 0; i < at.length; i++) out += values[at[i]!]! + texts[i + 1]!;
    return out;
  };
}

/** The variables a template names, in order. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** A template filled from `vars` (a variable it lacks is an error: the caller broke the kind's contract). */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template ${template}: no value for {${name}}`);
    return value;
  });
}

/** A filler of `template`, compiled once: `fillTemplate` without parsing the template at each call. */
export function templateFiller(template: string): (vars: Readonly<Record<string, string | undefined>>) => string {
  const parts = template.split(PLACEHOLDER);
  if (parts.length === 1) return () => template;
  return (vars) => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = vars[parts[i]!];
      if (value === undefined) throw new Error(`template ${template}: no value for {${parts[i]}}`);
      out += value + parts[i + 1]!;
    }
    return out;
  };
}

/**
 * A reader of strings filled from `template`: each variable takes the shortest text up to the fixed
 * text that follows it (the last one takes the rest). `undefined` when the string does not fit.
 */
export function templateReader(template: string): (text: string) => Record<string, string> | undefined {
  const names = templateVariables(template);
  const pieces = template.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
  const source = pieces
    .map((piece, i) => escapeRegExp(piece) + (i < names.length ? (i === names.length - 1 ? "(.*)" : "(.*?)") : ""))
    .join("");
  const re = new RegExp(`^${source}$`, "s");
  return (text) => {
    const m = re.exec(text);
    if (m === null) return undefined;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = m[i + 1]!));
    return vars;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
