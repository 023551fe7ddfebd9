/**
 * vitest globalSetup: before a run that includes the site's browser tests
 * (the whole suite, or a filter naming `site`), find a Chromium or install
 * one (test/setup/chromium.ts), and hand its path, or why there is none, to
 * the tests (`inject("chromium")`). A machine without a browser then still
 * runs every other test; the browser tests fail with the commands to run.
 */
import type { TestProject } from "vitest/node";
import { provisionChromium } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Chromium to launch, or `error:<why>` when there is none. */
    chromium: string;
  }
}

/** Whether the run's file filters (none: every file) can include the browser tests. */
export function wantsBrowser(filters: readonly string[] | undefined): boolean {
  return filters === undefined || filters.length === 0 || filters.some((f) => /site|browser/.test(f));
}

export default function setup(project: TestProject): void {
  // The run's file filters: vitest's own field (not a public API; when it is gone, every run provisions).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!wantsBrowser(filters)) {
    project.provide(
      "chromium",
      "error:this run's file filters leave out the browser tests, so no browser was provisioned",
    );
    return;
  }
  try {
    project.provide("chromium", provisionChromium());
  } catch (err) {
    process.stderr.write(`\n${(err as Error).message}\n\n`);
    project.provide("chromium", `error:${(err as Error).message}`);
  }
}
