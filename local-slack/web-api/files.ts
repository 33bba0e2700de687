// Files as @slack/web-api's filesUploadV2 sends them: files.getUploadURLExternal gives an upload URL and a file
// id, the bytes are POSTed to that URL, and files.completeUploadExternal shares the file in a channel (a
// message carrying it, in a thread when thread_ts is given). The file is then downloadable from the local Slack.

import { randomId } from '../ids.ts';
import type { SharedFile, StoredMessage } from '../types.ts';
import { countReply } from './chat.ts';
import { type Core, fail, isObj, missing, type Obj, ok, type Result, resolveChannel, str } from './common.ts';

/** Slack's limit for one file. */
const MAX_FILE_BYTES = 1024 ** 3;

export const UPLOAD_PATH = '/upload/';
export const DOWNLOAD_PATH = '/files/';

export function getUploadURLExternal(core: Core, args: Obj): Result {
  const filename = str(args.filename);
  if (!filename) return missing('filename');
  const length = Number(args.length);
  if (!Number.isInteger(length) || length < 1 || length > MAX_FILE_BYTES) return fail('invalid_arguments');
  const id = randomId('F');
  const file: SharedFile = {
    id,
    name: filename,
    title: filename,
    url: `${core.baseUrl()}${DOWNLOAD_PATH}${id}/${encodeURIComponent(filename)}`,
    completed: false,
  };
  core.store.files.set(id, { file });
  return ok({ upload_url: `${core.baseUrl()}${UPLOAD_PATH}${id}`, file_id: id });
}

/** The bytes of a POST to an upload URL: raw, or the first part of a multipart form (WebClient sends one). */
export async function uploadedBytes(contentType: string | undefined, body: Buffer): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const first = [...form.values()][0];
  if (first === undefined) return Buffer.alloc(0);
  return typeof first === 'string' ? Buffer.from(first) : Buffer.from(await first.arrayBuffer());
}

/** The POST to an upload URL; Slack answers 200 with a short text. */
export function receiveUpload(core: Core, fileId: string, bytes: Buffer): { status: number; text: string } {
  const stored = core.store.files.get(fileId);
  if (!stored || stored.file.completed) return { status: 404, text: 'not found' };
  stored.bytes = bytes;
  stored.file.size = bytes.length;
  return { status: 200, text: `OK - ${bytes.length}` };
}

export function completeUploadExternal(core: Core, args: Obj): Result {
  if (!Array.isArray(args.files) || args.files.length === 0) return missing('files');
  const files: SharedFile[] = [];
  for (const entry of args.files) {
    const stored = isObj(entry) && typeof entry.id === 'string' ? core.store.files.get(entry.id) : undefined;
    if (!stored || stored.bytes === undefined) return fail('file_not_found');
    if (typeof (entry as Obj).title === 'string') stored.file.title = (entry as Obj).title as string;
    stored.file.completed = true;
    files.push(stored.file);
  }
  if (args.channel_id !== undefined || args.channels !== undefined) {
    const channel = resolveChannel(core, args.channel_id ?? args.channels, true);
    if (!channel) return fail('channel_not_found');
    let parent: StoredMessage | undefined;
    if (typeof args.thread_ts === 'string' && args.thread_ts !== '') {
      parent = core.store.message(channel, args.thread_ts);
      if (!parent || parent.thread_ts !== undefined) return fail('thread_not_found');
    }
    const message: StoredMessage = {
      channel,
      ts: core.ts.next(),
      text: str(args.initial_comment) ?? '',
      blocks: [],
      user: core.workspace.botUserId,
      files,
    };
    if (parent) message.thread_ts = parent.ts;
    for (const f of files) {
      const stored = core.store.files.get(f.id);
      if (stored) stored.channel = channel;
    }
    core.store.addMessage(message);
    if (parent) countReply(core, parent);
  }
  return ok({ files: files.map((f) => ({ id: f.id, title: f.title, name: f.name, size: f.size })) });
}

/**
 * A file a person picks in a modal's file_input: Slack uploads it as they choose it, and the submission then
 * carries its id (view.state.values: `{ type: 'file_input', files: [fileObject] }`).
 */
export function userUpload(core: Core, userId: string, name: string, bytes: Buffer): SharedFile {
  const id = randomId('F');
  const file: SharedFile = {
    id,
    name,
    title: name,
    size: bytes.length,
    url: `${core.baseUrl()}${DOWNLOAD_PATH}${id}/${encodeURIComponent(name)}`,
    completed: true,
    uploadedBy: userId,
  };
  core.store.files.set(id, { file, bytes });
  return file;
}

/** Slack's file object, as files.info and a file_input's state carry it. */
export function fileObject(file: SharedFile): Obj {
  const dot = file.name.lastIndexOf('.');
  const extension = dot === -1 ? '' : file.name.slice(dot + 1).toLowerCase();
  const filetype =
    extension === 'md' || extension === 'markdown'
      ? 'markdown'
      : extension === 'txt'
        ? 'text'
        : extension || 'binary';
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype:
      filetype === 'markdown'
        ? 'text/markdown'
        : filetype === 'text'
          ? 'text/plain'
          : 'application/octet-stream',
    filetype,
    size: file.size ?? 0,
    user: file.uploadedBy,
    url_private: file.url,
    url_private_download: file.url,
  };
}

/** files.info: the file's object; its bytes are fetched from url_private with the bot token. */
export function filesInfo(core: Core, args: Obj): Result {
  const id = str(args.file);
  if (!id) return missing('file');
  const stored = core.store.files.get(id);
  if (!stored?.file.completed) return fail('file_not_found');
  return ok({ file: fileObject(stored.file) });
}
