// A small memo for health checks and the like: the composition root's only helper that is not wiring.

/** `fn`'s answer, reused for `ms`: concurrent callers share one call. */
export function cachedFor<T>(ms: number, fn: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.at > ms) last = { at: now, value: fn() };
    return last.value;
  };
}
