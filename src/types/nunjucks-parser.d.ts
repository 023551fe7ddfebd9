/** The part of nunjucks mlcat uses: its Jinja-compatible parser, which turns a template into a tree of nodes. */
declare module "nunjucks/src/parser.js" {
  /** One node of a parsed template: `typename` says which (`Symbol`, `LookupVal`, `For`...), `fields` names its children. */
  export interface NunjucksNode {
    typename: string;
    fields: string[];
    /** 0-based line and column within the template. */
    lineno: number;
    colno: number;
    value?: unknown;
    [field: string]: unknown;
  }
  /** Parse a template; throws a `Template render error` for bad syntax (with `lineno` and `colno`). */
  export function parse(src: string, extensions?: unknown[], opts?: unknown): NunjucksNode;
}
