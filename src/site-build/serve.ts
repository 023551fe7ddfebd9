/** A small static server for `mlcat preview`: serves a built site under its base path, 404 page included. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Options of `serveSite`. */
export interface ServeOptions {
  dir: string;
  basePath: string;
  port?: number;
  host?: string;
}

/** Resolve a request path to a file under `root`, or undefined (outside the base, or escaping the folder). */
export async function resolveRequest(root: string, basePath: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (!path.startsWith(basePath) && `${path}/` !== basePath) return undefined;
  const rel = path.slice(basePath.length);
  const abs = resolve(root, normalize(rel));
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  for (const candidate of [abs, join(abs, "index.html")]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Start serving; resolves with the server and its URL once it listens. */
export async function serveSite(options: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.dir);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    // A request that fails to resolve is answered, never left as an unhandled rejection.
    respond(req, res).catch(() => {
      res.statusCode = 500;
      res.end("error");
    });
  });
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = await resolveRequest(root, options.basePath, req.url ?? "/");
    const notFound = join(root, "404.html");
    const target = file ?? notFound;
    res.statusCode = file ? 200 : 404;
    res.setHeader("content-type", TYPES[extname(target)] ?? "application/octet-stream");
    res.setHeader("x-content-type-options", "nosniff");
    createReadStream(target)
      .on("error", () => {
        res.statusCode = 404;
        res.end("not found");
      })
      .pipe(res);
  }
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 4321, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { server, url: `http://${host}:${port}${options.basePath}` };
}
