/**
 * `mlcat dev`: Astro's dev server on the computed data, recomputed when a
 * catalog file changes; the browser reloads. A catalog with errors keeps the
 * last good data on screen and prints the problems.
 */
import { watch } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadSiteData, type LoadSiteDataOptions } from "../site-data/build-site-data.js";
import { astroConfig, releaseDataSource, SITE_DATA_MODULE_ID, type DataSource } from "./astro-config.js";

/** Options of `startDevServer`. */
export interface DevOptions extends LoadSiteDataOptions {
  port?: number;
  host?: string;
  /** Called after each reload with the diagnostics (errors keep the old data). */
  onReload?: (result: { ok: boolean; diagnostics: Diagnostic[] }) => void;
}

interface ViteLike {
  environments?: Record<
    string,
    { moduleGraph: { getModuleById(id: string): unknown; invalidateModule(m: unknown): void } }
  >;
  moduleGraph?: { getModuleById(id: string): unknown; invalidateModule(m: unknown): void };
  ws?: { send(payload: { type: string }): void };
  hot?: { send(payload: { type: string }): void };
}

/** Start the dev server; resolves to a function that stops it. Rejects when the first load has errors. */
export async function startDevServer(
  options: DevOptions,
): Promise<{ url: string; stop: () => Promise<void>; firstLoad: Diagnostic[] }> {
  const { port, host, onReload, ...load } = options;
  const first = await loadSiteData(load);
  if (!first.data)
    return Promise.reject(Object.assign(new Error("the catalog has errors"), { diagnostics: first.diagnostics }));
  const source: DataSource = { current: first.data };
  let vite: ViteLike | undefined;
  const integration = {
    name: "mlcat-live-reload",
    hooks: {
      "astro:server:setup": ({ server }: { server: unknown }) => {
        vite = server as ViteLike;
      },
    },
  };
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { dev } = await import("astro");
  const config = astroConfig({
    source,
    location: first.data.meta,
    outDir: "site-dist",
    logLevel: "info",
    integrations: [integration as never],
  });
  const server = await dev({ ...config, server: { port: port ?? 4321, host: host ?? "127.0.0.1" } }).catch(
    (err: unknown) => {
      releaseDataSource(source);
      throw err;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    const next = await loadSiteData(load);
    onReload?.({ ok: next.data !== undefined, diagnostics: next.diagnostics });
    if (!next.data) return;
    source.current = next.data;
    for (const env of Object.values(vite?.environments ?? {})) {
      const m = env.moduleGraph.getModuleById(SITE_DATA_MODULE_ID);
      if (m) env.moduleGraph.invalidateModule(m);
    }
    const m = vite?.moduleGraph?.getModuleById(SITE_DATA_MODULE_ID);
    if (m) vite?.moduleGraph?.invalidateModule(m);
    (vite?.hot ?? vite?.ws)?.send({ type: "full-reload" });
  };
  const watcher = watch(load.dir ?? "catalog", { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 150);
  });
  const address = server.address;
  return {
    url: `http://${address.address}:${address.port}${first.data.meta.basePath}`,
    firstLoad: first.diagnostics,
    stop: async () => {
      watcher.close();
      clearTimeout(timer);
      await server.stop();
      releaseDataSource(source);
    },
  };
}
