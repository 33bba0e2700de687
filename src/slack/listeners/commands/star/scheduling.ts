import type { Subcommand } from './subcommand.ts';

/** subscribe, unsubscribe, skip, status: filled by the scheduling work (issue 4). */
export const schedulingSubcommands: Record<string, Subcommand> = {};
