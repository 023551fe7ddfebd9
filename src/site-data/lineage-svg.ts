/**
 * Draw a lineage graph as SVG at build time: columns of nodes, left to right,
 * joined by curved arrows, for a wide screen; one column joined by elbows
 * for a phone. Linked nodes are `<a>` elements (keyboard
 * focusable). Every text is escaped; colours come from CSS classes so the
 * graph follows the page's light or dark theme.
 */
import { escapeHtml, isHttpUrl } from "./markdown.js";
import type { LineageEdge, LineageNode } from "./types.js";

const NODE_W = 236;
const NODE_H = 52;
const COL_GAP = 56;
const ROW_GAP = 18;
const PAD = 12;
const MAX_CHARS = 26;

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

/** Shorten `text` to fit a node, with an ellipsis. */
function fit(text: string, max = MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Where each node is, and the drawing's size. */
interface Layout {
  width: number;
  height: number;
  nodeWidth: number;
  maxChars: number;
  pos: Map<string, { x: number; y: number }>;
  /** One edge's path. */
  edge(a: { x: number; y: number }, b: { x: number; y: number }, from: LineageNode): string;
}

/** Columns of nodes, left to right, joined by curves: for a wide screen. */
function wideLayout(nodes: readonly LineageNode[]): Layout {
  const columns = new Map<number, LineageNode[]>();
  for (const n of nodes) columns.set(n.column, [...(columns.get(n.column) ?? []), n]);
  const colIndexes = [...columns.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
  const width = PAD * 2 + colIndexes.length * NODE_W + Math.max(0, colIndexes.length - 1) * COL_GAP;
  const pos = new Map<string, { x: number; y: number }>();
  colIndexes.forEach((c, i) => {
    const col = columns.get(c)!;
    const colHeight = col.length * NODE_H + (col.length - 1) * ROW_GAP;
    const top = (height - colHeight) / 2;
    col.forEach((n, j) => pos.set(n.id, { x: PAD + i * (NODE_W + COL_GAP), y: top + j * (NODE_H + ROW_GAP) }));
  });
  return {
    width,
    height,
    nodeWidth: NODE_W,
    maxChars: MAX_CHARS,
    pos,
    edge: (a, b) => {
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
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
  const pos = new Map<string, { x: number; y: number }>();
  ordered.forEach((n, i) => pos.set(n.id, { x: GUTTER, y: PAD + i * (NODE_H + ROW_GAP) }));
  const height = PAD * 2 + ordered.length * NODE_H + Math.max(0, ordered.length - 1) * ROW_GAP;
  const firstColumn = Math.min(...ordered.map((n) => n.column));
  return {
    width: NARROW_W,
    height,
    nodeWidth,
    maxChars: 38,
    pos,
    edge: (a, b, from) => {
      const lane = GUTTER - 8 - LANE_GAP * Math.min(2, from.column - firstColumn);
      const y1 = a.y + NODE_H / 2;
      const y2 = b.y + NODE_H / 2;
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
  const { width, height, pos, nodeWidth, maxChars } = layout;
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
    const label = fit(n.label, maxChars);
    const detail = n.detail === undefined ? "" : fit(n.detail, maxChars + 4);
    const full = `${KIND_LABEL[n.kind]}: ${n.label}${n.detail ? ` (${n.detail})` : ""}`;
    const body = [
      `<rect class="lineage-node lineage-${n.kind}" x="${p.x}" y="${p.y}" width="${nodeWidth}" height="${NODE_H}" rx="8"/>`,
      `<text class="lineage-kind" x="${p.x + 12}" y="${p.y + 17}">${escapeHtml(KIND_LABEL[n.kind])}</text>`,
      `<text class="lineage-label" x="${p.x + 12}" y="${p.y + 35}">${escapeHtml(label)}</text>`,
      detail ? `<text class="lineage-detail" x="${p.x + 12}" y="${p.y + 47}">${escapeHtml(detail)}</text>` : "",
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
