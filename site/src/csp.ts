/**
 * The site's Content-Security-Policy, sent in a `<meta http-equiv>` tag of
 * every page (static hosts cannot be relied on to set headers). Scripts come
 * only from the site itself, as files: no inline script, no event-handler
 * attribute, no `javascript:` URL runs, so markup that slipped into a page
 * through catalog text could not run script. `'wasm-unsafe-eval'` lets
 * Pagefind compile its WebAssembly search engine. Styles may be inline (pages
 * use `style` attributes; no script comes that way). Images may come from
 * http(s), as READMEs and model cards may show them.
 * `frame-ancestors` and `report-uri` have no effect in a `<meta>` tag: set them
 * as headers where the host allows.
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
