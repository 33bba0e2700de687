import pLimit, { type LimitFunction } from 'p-limit';

/**
 * A concurrency limit per workspace, made on first use: a workspace whose posts are slow (Slack retrying 5xx,
 * a Retry-After) fills only its own slots, and the others' posts go on.
 */
export function perWorkspaceLimit(concurrency: number): (teamId: string) => LimitFunction {
  const limits = new Map<string, LimitFunction>();
  return (teamId) => {
    let limit = limits.get(teamId);
    if (!limit) {
      limit = pLimit(concurrency);
      limits.set(teamId, limit);
    }
    return limit;
  };
}
