/**
 * The site's card: the image chat apps and social sites show when a link to
 * any page is shared (OpenGraph `og:image`, Twitter `summary_large_image`).
 * One per site, drawn from the catalog's title, description and counts as
 * SVG (every text escaped) and made a 1200×630 PNG by sharp, which Astro's
 * image service already brings. Without sharp the site has no card and
 * pages say so to unfurlers by the smaller `summary` card.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { escapeHtml } from "../site-data/markdown.js";
import type { SiteData } from "../site-data/types.js";

/** Where the card is written, under the base path. */
export const CARD_FILE = "og-card.png";

/** The card's size, as `og:image:width` and `og:image:height` say. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** `text` in lines of at most `width` characters (words kept whole), at most `max` lines, an ellipsis when cut. */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/[\s.,;:]*$/, "").slice(0, width - 1)}…`;
  return kept;
}

/** The card as SVG. */
export function cardSvg(meta: Pick<SiteData["meta"], "title" | "description">, counts: SiteData["counts"]): string {
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"`;
  const title = wrap(meta.title, 26, 2);
  const description = wrap(meta.description ?? "", 54, 3);
  const facts = [
    `${counts.components} hub components`,
    `${counts.models} models`,
    `${counts.projects} projects`,
    `${counts.organizations} organizations`,
  ].join("  ·  ");
  const titleY = 250 - (title.length - 1) * 40;
  const text = (lines: string[], x: number, y: number, step: number, attrs: string) =>
    lines.map((l, i) => `<text x="${x}" y="${y + i * step}" ${attrs}>${escapeHtml(l)}</text>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_SIZE.width}" height="${CARD_SIZE.height}" viewBox="0 0 ${CARD_SIZE.width} ${CARD_SIZE.height}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#312e81"/><stop offset="1" stop-color="#4338ca"/></linearGradient></defs>`,
    `<rect width="100%" height="100%" fill="url(#bg)"/>`,
    `<rect x="80" y="70" width="64" height="64" rx="14" fill="#eef0ff"/>`,
    `<text x="112" y="113" text-anchor="middle" ${font} font-size="30" font-weight="700" fill="#4338ca">ML</text>`,
    `<text x="164" y="112" ${font} font-size="26" font-weight="600" fill="#c7d2fe">ML catalog</text>`,
    text(title, 80, titleY, 80, `${font} font-size="68" font-weight="700" fill="#ffffff"`),
    text(description, 80, titleY + title.length * 80 + 10, 46, `${font} font-size="32" fill="#e0e7ff"`),
    `<text x="80" y="560" ${font} font-size="26" fill="#c7d2fe">${escapeHtml(facts)}</text>`,
    `</svg>`,
  ].join("");
}

/** Draw the card as PNG bytes; undefined when sharp cannot be loaded here. */
export async function cardPng(data: Pick<SiteData, "meta" | "counts">): Promise<Buffer | undefined> {
  let sharp: (typeof import("sharp"))["default"];
  try {
    sharp = (await import("sharp")).default;
  } catch {
    return undefined;
  }
  return sharp(Buffer.from(cardSvg(data.meta, data.counts)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Write the card into the site folder `dir`. */
export async function writeCard(dir: string, png: Buffer): Promise<void> {
  await writeFile(join(dir, CARD_FILE), png);
}
