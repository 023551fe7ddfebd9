/**
 * The sample catalog's site, built at a fixed date, served on a free port,
 * with Chromium to read it: what the browser tests of the sample share.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite } from "../../src/site-build/build-site.js";
import { serveSite } from "../../src/site-build/serve.js";
import { launchChromium, type Chromium } from "./browser.js";

const SAMPLE = join(import.meta.dirname, "../../catalog");

export interface ServedSample {
  /** The site's root URL (ends with `/`). */
  url: string;
  chrome: Chromium;
  /** Close the browser and the server, and remove the built site. */
  close(): Promise<void>;
}

/** Build and serve the sample site (`name` labels its temporary folder) and launch Chromium. */
export async function serveSample(name: string): Promise<ServedSample> {
  const out = mkdtempSync(join(tmpdir(), `mlcat-${name}-`));
  const site = await buildSite({ dir: SAMPLE, outDir: join(out, "site"), now: new Date("2026-02-10T00:00:00Z") });
  if (!site.ok) throw new Error("the sample catalog did not build");
  const { server, url } = await serveSite({ dir: site.outDir, basePath: "/", port: 0 });
  const chrome = await launchChromium();
  return {
    url,
    chrome,
    async close() {
      await chrome.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
