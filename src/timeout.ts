/**
 * `work`'s result, or `fallback()`'s if `work` has not settled within `ms`. The timer is cleared as soon as
 * either wins and never keeps the process alive. `work` itself is not cancelled: a caller that must stop it
 * passes an AbortSignal of its own.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
