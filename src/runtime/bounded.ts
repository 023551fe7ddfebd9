/**
 * Fan-outs of file work with a bounded number in flight: a build opens a
 * bounded number of file handles whatever the size of the catalog (a hard
 * limit of 256 open files is common in containers and CI images).
 */

/** How many file operations a fan-out keeps in flight by default. */
export const FILE_CONCURRENCY = 32;

/** `work` on every item, at most `limit` at a time; the results in the items' order. Rejects with the first failure once the work in flight settles. */
export async function mapBounded<T, R>(
  items: Iterable<T>,
  work: (item: T) => Promise<R>,
  limit = FILE_CONCURRENCY,
): Promise<R[]> {
  const list = [...items];
  const results = new Array<R>(list.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < list.length && !failure) {
      const i = next++;
      try {
        results[i] = await work(list[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

/** `work` on every item, at most `limit` at a time. */
export async function forEachBounded<T>(
  items: Iterable<T>,
  work: (item: T) => Promise<unknown>,
  limit = FILE_CONCURRENCY,
): Promise<void> {
  await mapBounded(items, work, limit);
}
