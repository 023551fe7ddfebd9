/**
 * Draw a lineage graph as SVG at build time: columns of nodes, left to right,
 * joined by curved arrows, for a wide screen; one column joined by elbows
 * for a phone. Linked nodes are `<a>` elements (keyboard
 * focusable). Every text is escaped; colours come from CSS classes so the
 * graph follows the page's light or dark theme.
 */
import { escapeHtml, isHttpUrl } from "./markdown.js";
import type { LineageEdge, LineageNode } from "./types.js";
import { wrapLabel } from "./wrap-label.js";

/** The widest a wide graph is drawn: what the page's main column holds at desktop width. */
const WIDE_BUDGET = 1120;
const NODE_W_MAX = 236;
const NODE_W_MIN = 150;
const COL_GAP = 44;
const ROW_GAP = 18;
const PAD = 12;
const TEXT_X = 12;
/** Average advance of a label's and a detail's character, in px, at their font sizes (wide sans fonts included). */
const LABEL_CHAR = 7.7;
const DETAIL_CHAR = 6.4;
const LABEL_LINES = 3;
const LINE_H = 15;
const DETAIL_LINES = 2;
const DETAIL_H = 13;
const MIN_H = 52;
/** The baseline of a node's first label line, from the node's top (the kind's line is above it). */
const LABEL_Y = 35;

/** Lines of one `<text>`, each a `<tspan>` at `x`, `lineHeight` below the one before. */
function tspans(lines: readonly string[], x: number, lineHeight: number): string {
  return lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeHtml(l)}</tspan>`).join("");
}

const KIND_LABEL: Record<LineageNode["kind"], string> = {
  project: "project",
  component: "component",
  code: "code",
  params: "parameters",
  data: "data",
  "base-model": "base model",
  experiment: "experiment",
  "model-version": "model version",
  artifact: "artifact",
};

/** A node's text as drawn: its label in lines, its detail in at most two (the full text is in its title). */
interface NodeText {
  lines: string[];
  detail: string[];
  height: number;
}

/** Wrap a node's label to `nodeWidth` and size the node to hold it. */
function nodeText(n: LineageNode, nodeWidth: number): NodeText {
  const lines = wrapLabel(n.label, Math.floor((nodeWidth - 2 * TEXT_X) / LABEL_CHAR), LABEL_LINES);
  const detail =
    n.detail === undefined
      ? []
      : wrapLabel(n.detail, Math.floor((nodeWidth - 2 * TEXT_X) / DETAIL_CHAR), DETAIL_LINES, true);
  const height = Math.max(MIN_H, LABEL_Y + (lines.length - 1) * LINE_H + detail.length * DETAIL_H + 8);
  return { lines, detail, height };
}

/** A node's place and height. */
interface Box {
  x: number;
  y: number;
  h: number;
}

/** Where each node is, and the drawing's size. */
interface Layout {
  width: number;
  height: number;
  nodeWidth: number;
  pos: Map<string, Box>;
  text: Map<string, NodeText>;
  /** One edge's path. */
  edge(a: Box, b: Box, from: LineageNode): string;
}

/**
 * Columns of nodes, left to right, joined by curves: for a wide screen. The
 * nodes narrow (their labels wrap) so that the graph fits the main column.
 */
function wideLayout(nodes: readonly LineageNode[]): Layout {
  const columns = new Map<number, LineageNode[]>();
  for (const n of nodes) columns.set(n.column, [...(columns.get(n.column) ?? []), n]);
  const colIndexes = [...columns.keys()].sort((a, b) => a - b);
  const count = Math.max(1, colIndexes.length);
  const fitted = Math.floor((WIDE_BUDGET - 2 * PAD - (count - 1) * COL_GAP) / count);
  const nodeWidth = Math.max(NODE_W_MIN, Math.min(NODE_W_MAX, fitted));
  const text = new Map(nodes.map((n) => [n.id, nodeText(n, nodeWidth)]));
  const stack = (col: readonly LineageNode[]) =>
    col.reduce((sum, n) => sum + text.get(n.id)!.height, 0) + Math.max(0, col.length - 1) * ROW_GAP;
  const height = PAD * 2 + Math.max(MIN_H, ...[...columns.values()].map(stack));
  const width = PAD * 2 + count * nodeWidth + (count - 1) * COL_GAP;
  const pos = new Map<string, Box>();
  colIndexes.forEach((c, i) => {
    const col = columns.get(c)!;
    let y = (height - stack(col)) / 2;
    for (const n of col) {
      const h = text.get(n.id)!.height;
      pos.set(n.id, { x: PAD + i * (nodeWidth + COL_GAP), y, h });
      y += h + ROW_GAP;
    }
  });
  return {
    width,
    height,
    nodeWidth,
    pos,
    text,
    edge: (a, b) => {
      const x1 = a.x + nodeWidth;
      const y1 = a.y + a.h / 2;
      const x2 = b.x;
      const y2 = b.y + b.h / 2;
      const mx = (x1 + x2) / 2;
      return `M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2 - 2} ${y2}`;
    },
  };
}

/** Narrow: the width a phone gives the graph (its viewBox; it scales to fit). */
const NARROW_W = 340;
const GUTTER = 30;
const LANE_GAP = 8;

/**
 * One column, top to bottom in the order of the wide layout's columns
 * (sources, then the experiment, the version, its artifacts), joined by
 * elbows in a gutter on the left, a lane per step: for a phone.
 */
function narrowLayout(nodes: readonly LineageNode[]): Layout {
  const ordered = [...nodes].sort((a, b) => a.column - b.column);
  const nodeWidth = NARROW_W - GUTTER - PAD;
  const text = new Map(nodes.map((n) => [n.id, nodeText(n, nodeWidth)]));
  const pos = new Map<string, Box>();
  let y = PAD;
  for (const n of ordered) {
    const h = text.get(n.id)!.height;
    pos.set(n.id, { x: GUTTER, y, h });
    y += h + ROW_GAP;
  }
  const height = Math.max(y - ROW_GAP, PAD) + PAD;
  const firstColumn = Math.min(...ordered.map((n) => n.column));
  return {
    width: NARROW_W,
    height,
    nodeWidth,
    pos,
    text,
    edge: (a, b, from) => {
      const lane = GUTTER - 8 - LANE_GAP * Math.min(2, from.column - firstColumn);
      const y1 = a.y + a.h / 2;
      const y2 = b.y + b.h / 2;
      return `M ${GUTTER} ${y1} H ${lane} V ${y2} H ${GUTTER - 2}`;
    },
  };
}

/**
 * Render `nodes` and `edges` as an accessible SVG document fragment: `wide`
 * in columns left to right, `narrow` in one column for a phone (it scales to
 * the width it is given).
 */
export function renderLineageSvg(
  nodes: readonly LineageNode[],
  edges: readonly LineageEdge[],
  title: string,
  id = "lineage",
  shape: "wide" | "narrow" = "wide",
): string {
  const slug = `${id.replace(/[^a-zA-Z0-9_-]/g, "-")}${shape === "narrow" ? "-narrow" : ""}`;
  const layout = shape === "narrow" ? narrowLayout(nodes) : wideLayout(nodes);
  const { width, height, pos, nodeWidth, text } = layout;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const size = shape === "narrow" ? `width="100%"` : `width="${width}" height="${height}"`;

  const parts: string[] = [];
  const titleId = `${slug}-title`;
  parts.push(
    `<svg class="lineage-graph lineage-${shape}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ${size} role="group" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escapeHtml(title)}</title>`,
    `<defs><marker id="${slug}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="lineage-arrow"/></marker></defs>`,
  );
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    const from = byId.get(e.from);
    if (!a || !b || !from) continue;
    parts.push(
      `<path class="lineage-edge" d="${layout.edge(a, b, from)}" marker-end="url(#${slug}-arrow)"><title>${escapeHtml(e.label ?? "")}</title></path>`,
    );
  }
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const { lines, detail } = text.get(n.id)!;
    const full = `${KIND_LABEL[n.kind]}: ${n.label}${n.detail ? ` (${n.detail})` : ""}`;
    const detailY = p.y + LABEL_Y + (lines.length - 1) * LINE_H + DETAIL_H;
    const body = [
      `<rect class="lineage-node lineage-${n.kind}" x="${p.x}" y="${p.y}" width="${nodeWidth}" height="${p.h}" rx="8"/>`,
      `<text class="lineage-kind" x="${p.x + TEXT_X}" y="${p.y + 17}">${escapeHtml(KIND_LABEL[n.kind])}</text>`,
      `<text class="lineage-label" x="${p.x + TEXT_X}" y="${p.y + LABEL_Y}">${tspans(lines, p.x + TEXT_X, LINE_H)}</text>`,
      detail.length > 0
        ? `<text class="lineage-detail" x="${p.x + TEXT_X}" y="${detailY}">${tspans(detail, p.x + TEXT_X, DETAIL_H)}</text>`
        : "",
    ].join("");
    if (n.url) {
      parts.push(
        `<a class="lineage-link" href="${escapeHtml(n.url)}"${isHttpUrl(n.url) ? ' rel="nofollow noopener noreferrer"' : ""} data-node="${escapeHtml(n.kind)}" aria-label="${escapeHtml(full)}"><title>${escapeHtml(full)}</title>${body}</a>`,
      );
    } else {
      parts.push(
        `<g data-node="${escapeHtml(n.kind)}" role="img" aria-label="${escapeHtml(full)}"><title>${escapeHtml(full)}</title>${body}</g>`,
      );
    }
  }
  parts.push("</svg>");
  return parts.join("");
}
