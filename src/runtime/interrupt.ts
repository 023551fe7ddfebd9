/**
 * Ctrl-C (SIGINT) and a cancelled CI job (SIGTERM) while mlcat writes: every
 * registered cleanup runs (synchronously: the process is about to end), its
 * note is printed, and the process exits 130 or 143. Writers register while
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

/** Install the SIGINT and SIGTERM handlers (once; the CLI does this, library users keep their own). */
export function installInterruptHandlers(write: (text: string) => void): void {
  if (installed) return;
  installed = (signal) => {
    const notes = runInterruptCleanups();
    // A command that waits for this signal itself (mlcat dev, preview) stops in its own way.
    if (process.listenerCount(signal) > 1) return;
    write(`mlcat: interrupted (${signal})${notes.length > 0 ? `: ${notes.join("; ")}` : ""}\n`);
    process.exit(EXIT[signal] ?? 1);
  };
  for (const signal of Object.keys(EXIT) as NodeJS.Signals[]) process.on(signal, installed);
}
