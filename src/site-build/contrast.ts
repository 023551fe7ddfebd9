/**
 * Colour contrast as WCAG 2 defines it (relative luminance of sRGB colours),
 * and the nearest colour of the same hue that reads on a background: the
 * syntax highlighting's token colours are Shiki's themes', brought to at
 * least 4.5:1 (AA for body text) against the site's code background.
 */

/** `#rgb` or `#rrggbb` (an alpha part is ignored) as 0–255 channels; undefined for anything else. */
export function rgb(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{1,2})?$/i.exec(hex);
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c!).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** The contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  if (!x || !y) throw new Error(`not a colour: ${x ? b : a}`);
  const [l1, l2] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * `color` as it is when it has `min` contrast on `background`; else mixed
 * toward black (on a light background) or white (on a dark one), a step at
 * a time, until it does. The hue stays; only the lightness moves.
 */
export function readableOn(color: string, background: string, min = 4.5): string {
  const c = rgb(color);
  const bg = rgb(background);
  if (!c || !bg) return color;
  if (contrast(color, background) >= min) return color.toUpperCase();
  const toward = luminance(bg) > 0.18 ? 0 : 255;
  for (let step = 1; step <= 100; step++) {
    const t = step / 100;
    const mixed = hex(c.map((v) => v + (toward - v) * t));
    if (contrast(mixed, background) >= min) return mixed;
  }
  return toward === 0 ? "#000000" : "#FFFFFF";
}
