/**
 * A page's search record as the small HTML document Pagefind indexes in
 * place of the rendered page: the page's title, facts, sections and
 * filters, and nothing of its frame (header, navigation, footer, scripts,
 * source YAML, history). Every text is escaped; only sanitized Markdown
 * (READMEs, model cards) is passed through as HTML.
 */
import { escapeHtml } from "./markdown.js";

/** Filters of a record, as the search page offers them. */
export interface SearchFilters {
  kind: string;
  organization?: string;
  tags?: readonly string[];
  /** Every stage some version is in (a component's or model's), so "Stage: production" finds what has one there. */
  stages?: readonly string[];
}

/** One section of a page: its heading (with the page's anchor for it) and what it says. */
export interface SearchSection {
  /** The id of the heading on the page, so a matching section links to it. */
  id?: string;
  heading: string;
  /** Lines of text, each its own sentence in excerpts. */
  lines?: ReadonlyArray<string | undefined>;
  /** Sanitized HTML (a README), indexed as it is. */
  html?: string;
  /**
   * How much the section's words count against the page's own (1 by default): a version folded into
   * its component's or model's record weighs less, so the entity's own words rank it.
   */
  weight?: number;
  /** Kept with no text: its heading says what it is (a version). Other sections with nothing to say are left out. */
  named?: boolean;
}

/** What a record says, before it becomes HTML. */
export interface SearchRecordSpec {
  url: string;
  /** The result's title (the page's title). */
  title: string;
  filters: SearchFilters;
  /**
   * The names an entity page answers to (its key, display name, username):
   * kept as the `name` meta field, which the search page ranks highest.
   */
  names?: readonly string[];
  /** Lines before the first section: kind, description, facts, tags. */
  lead: ReadonlyArray<string | undefined>;
  sections: readonly SearchSection[];
}

/** A record ready for Pagefind: the page's URL and its HTML document. */
export interface SearchRecord {
  url: string;
  html: string;
}

/** `<p>` lines, empty ones left out. */
function paragraphs(lines: ReadonlyArray<string | undefined>): string {
  return lines
    .filter((l): l is string => l !== undefined && l.trim() !== "")
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join("");
}

function span(attribute: "meta" | "filter", name: string, value: string): string {
  return `<span data-pagefind-${attribute}="${name}">${escapeHtml(value)}</span>`;
}

/**
 * A section: its heading (a sub-result of its own when it has an id) and its text. A section with
 * nothing to say is left out (unless its heading names something), so an empty label never stands in an excerpt. A lighter section's
 * words all weigh less; its heading keeps its own (higher) weight, scaled the same way.
 */
function sectionHtml(s: SearchSection): string {
  const text = `${paragraphs(s.lines ?? [])}${s.html ? `<div>${s.html}</div>` : ""}`;
  if (text === "" && !s.named) return "";
  const id = s.id ? ` id="${escapeHtml(s.id)}"` : "";
  const html = `<h2${id}>${escapeHtml(s.heading)}</h2>${text}`;
  return s.weight === undefined || s.weight === 1 ? html : `<div data-pagefind-weight="${s.weight}">${html}</div>`;
}

/** The HTML document of a record. */
export function recordHtml(spec: SearchRecordSpec): string {
  const f = spec.filters;
  const hidden = [
    span("meta", "title", spec.title),
    span("meta", "kind", f.kind),
    spec.names && spec.names.length > 0 ? span("meta", "name", [...new Set(spec.names)].join(" · ")) : "",
    spec.names && f.tags && f.tags.length > 0 ? span("meta", "tags", f.tags.join(", ")) : "",
    span("filter", "kind", f.kind),
    f.organization ? span("filter", "organization", f.organization) : "",
    ...(f.tags ?? []).map((t) => span("filter", "tag", t)),
    ...[...new Set(f.stages ?? [])].map((st) => span("filter", "stage", st)),
  ].join("");
  // The name is searched through the title and name meta fields (the search page weighs them); left out
  // of the text, it does not open every excerpt with what the result's title already says.
  const body = [paragraphs(spec.lead), ...spec.sections.map(sectionHtml)].join("");
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(spec.title)}</title></head><body><main data-pagefind-body><div hidden data-pagefind-ignore>${hidden}</div>${body}</main></body></html>`;
}

/** `a · b · c` of the parts that are there. */
export function joined(parts: ReadonlyArray<string | undefined | false>, separator = " · "): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(separator);
}

/** A labelled fact, or undefined when there is no value: `Owner: Alice`. */
export function fact(label: string, value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : `${label}: ${value}`;
}

/** A labelled list: `Tags: nlp, tabular`. */
export function listFact(label: string, values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : `${label}: ${values.join(", ")}`;
}
