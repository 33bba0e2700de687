import { skip } from './skip.ts';
import { status } from './status.ts';
import type { Subcommand } from './subcommand.ts';
import { subscribe } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';

/** The daily-drill subcommands: subscribe, unsubscribe, skip, status. */
export const schedulingSubcommands: Record<string, Subcommand> = { subscribe, unsubscribe, skip, status };
