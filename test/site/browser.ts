/**
 * Headless Chromium for the site's browser tests, driven by playwright-core:
 * the one the run's global setup found or installed (test/setup/chromium.ts:
 * MLCAT_CHROMIUM, PATH, Debian's, Playwright's own).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { inject } from "vitest";
import { findChromium, noChromiumMessage, playwrightChromium } from "../setup/chromium.js";

/** The Chromium the global setup provisioned (or found now, outside a full run), or why there is none. */
function chromiumPath(): string {
  const given = inject("chromium");
  if (given && !given.startsWith("error:")) return given;
  const found = findChromium({ env: process.env, playwright: playwrightChromium() });
  if (found) return found;
  throw new Error(given?.startsWith("error:") ? given.slice("error:".length) : noChromiumMessage([]));
}

/** The launch flags the project uses everywhere. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A running Chromium with a fresh profile; `close` removes the profile too. */
export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch Chromium with a fresh user-data dir. */
export async function launchChromium(): Promise<Chromium> {
  const executablePath = chromiumPath();
  const userDataDir = mkdtempSync(join(tmpdir(), "mlcat-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
