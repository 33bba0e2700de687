import { GUIDE_LIMITS } from '../bank/check-guide.ts';
import type { Logger } from '../logger.ts';
import { guideReplies } from '../views/guide.ts';
import type { RequestContext } from './context.ts';

/** The download shares the submission's 3 s with the check and the draft's save. */
const DOWNLOAD_TIMEOUT_MS = 1_500;

/** Names and Slack file types a Markdown guide comes as. */
const GUIDE_NAME = /\.(md|markdown|txt)$/i;
const GUIDE_FILETYPES = new Set(['markdown', 'text', 'md']);

export type GuideFile = { ok: true; text: string } | { ok: false; error: string };

/**
 * The text of a file chosen in the upload modal's file_input: files.info names it and gives its `url_private`,
 * which Slack serves only with the bot token in an Authorization header. A file that is too big or not text is
 * refused from what files.info says, before it is downloaded. The text is never logged.
 */
export async function readGuideFile(ctx: RequestContext, fileId: string, log: Logger): Promise<GuideFile> {
  const client = ctx.slack.interactive;
  let file: { name?: string; filetype?: string; size?: number; url_private?: string } | undefined;
  try {
    file = (await client.files.info({ file: fileId })).file;
  } catch (err) {
    // An install from before files:read was asked for: a missing scope for this one call, not a dead token
    // (reporting it would pause the workspace's drills).
    if ((err as { data?: { error?: string } }).data?.error === 'missing_scope') {
      log.warn({ file: fileId }, 'files.info refused: the installation lacks files:read');
      return { ok: false, error: guideReplies.noFileScope };
    }
    await ctx.tokens.report(err, ctx.teamId).catch(() => undefined);
    log.warn({ err, file: fileId }, 'files.info failed for an uploaded guide');
    return { ok: false, error: guideReplies.fileUnreadable };
  }
  if (!file?.url_private) return { ok: false, error: guideReplies.fileUnreadable };
  if (!GUIDE_NAME.test(file.name ?? '') && !GUIDE_FILETYPES.has(file.filetype ?? '')) {
    return {
      ok: false,
      error: `${file.name ?? 'This file'} is not a Markdown file: a guide is a .md (or .markdown, .txt) text file.`,
    };
  }
  if ((file.size ?? 0) > GUIDE_LIMITS.maxBytes) return { ok: false, error: tooBig(file.size ?? 0) };
  try {
    const response = await fetch(file.url_private, {
      headers: { authorization: `Bearer ${client.token ?? ''}` },
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`download answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > GUIDE_LIMITS.maxBytes) return { ok: false, error: tooBig(bytes.length) };
    // Bytes that are not UTF-8 become U+FFFD, which the check names as "not a Markdown text file".
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (err) {
    log.warn({ err, file: fileId }, 'could not download an uploaded guide');
    return { ok: false, error: guideReplies.fileUnreadable };
  }
}

function tooBig(bytes: number): string {
  const kb = Math.ceil(bytes / 1024).toLocaleString('en-US');
  return `The file is ${kb} KB; a guide is at most ${GUIDE_LIMITS.maxBytes / 1024} KB. Nothing was changed.`;
}
