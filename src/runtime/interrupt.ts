/**
 * Ctrl-C (SIGINT) and a cancelled CI job (SIGTERM) while mlcat writes: every
 * registered cleanup runs (synchronously: the process is about to end), its
 * note is printed, and the process ends by the signal (a shell shows 130 or 143). Writers register while
 * they hold temporary files, so an interruption never leaves half a result.
 */

/** A cleanup: undoes what is half done and says what the user still has (e.g. "the previous site is untouched"). */
export type InterruptCleanup = () => string | undefined;

const cleanups = new Set<InterruptCleanup>();
let installed: ((signal: NodeJS.Signals) => void) | undefined;

/** Register a cleanup for the time something is half written; call the returned function once it is done. */
export function onInterrupt(cleanup: InterruptCleanup): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Run every registered cleanup now; returns their notes. */
export function runInterruptCleanups(): string[] {
  const notes: string[] = [];
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      const note = cleanup();
      if (note) notes.push(note);
    } catch (err) {
      notes.push(`could not clean up: ${(err as Error).message}`);
    }
  }
  return notes;
}

const EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
const SIGNALS = Object.keys(EXIT) as NodeJS.Signals[];

/** Commands waiting for Ctrl-C or SIGTERM to stop in their own way (mlcat dev, preview). */
const waiters = new Set<() => void>();

/**
 * Resolves on Ctrl-C or SIGTERM, instead of the process exiting: for a command
 * that stops in its own way (a dev server closes, then returns). Said here,
 * not guessed from other listeners of the signal: packages mlcat runs (Vite's
 * bundler, through signal-exit) listen too and stand back when others do, so
 * a guess could leave nobody to end the process.
 */
export function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      waiters.delete(done);
      if (!installed) for (const signal of SIGNALS) process.off(signal, done);
      resolve();
    };
    waiters.add(done);
    // Without the CLI's handlers (a library user, a test), listen directly.
    if (!installed) for (const signal of SIGNALS) process.on(signal, done);
  });
}

/** Install the SIGINT and SIGTERM handlers (once; the CLI does this, library users keep their own). */
export function installInterruptHandlers(write: (text: string) => void): void {
  if (installed) return;
  installed = (signal) => {
    const notes = runInterruptCleanups();
    if (waiters.size > 0) {
      for (const done of [...waiters]) done();
      return;
    }
    write(`mlcat: interrupted (${signal})${notes.length > 0 ? `: ${notes.join("; ")}` : ""}\n`);
    // End as the signal ends a process (a shell shows 130 or 143), not through process.exit: Node's exit waits for
    // V8's background compile threads, which can wait on the main thread for ever (nodejs/node#54918; seen here when
    // Ctrl-C hit Astro's build). With no listener left, the signal's default action applies.
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    // Should the signal not end the process after all, exit with its code.
    setTimeout(() => process.exit(EXIT[signal] ?? 1), 1000).unref();
  };
  for (const signal of SIGNALS) process.on(signal, installed);
}
