/** HTML escaping. Imports nothing: the site's highlighter, which pages import as source, uses it too. */

/** Escape text for HTML and SVG markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
