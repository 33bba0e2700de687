import { type HTTPReceiver, HTTPModuleFunctions as http, type Logger } from '@slack/bolt';

/**
 * Bolt 5.1's HTTPReceiver reads `body.ssl_check` right after parsing the body, outside its try blocks. A
 * correctly signed body that parses to `null` (JSON `null`, or `payload=null` in a form) throws there: the
 * rejection goes unhandled and the request is never answered. This answers such a request 400 before Bolt
 * parses it and hands everything else to Bolt unchanged (already buffered, which Bolt accepts). An unsigned
 * `null` still reaches Bolt, which refuses it with 401 before it parses anything.
 */
export function guardNullBodies(
  receiver: HTTPReceiver,
  { endpoint, signingSecret, logger }: { endpoint: string; signingSecret: string; logger: Logger },
): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    // Other routes stay synchronous: Bolt's server turns an unknown route's throw into a 404.
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== endpoint) {
      return bolt(req, res);
    }
    http.bufferIncomingMessage(req, http.defaultBodyLimit).then(
      async (buffered) => {
        if (await isSignedNull(buffered, signingSecret)) {
          logger.warn('refused a signed request: its body is null');
          http.buildNoBodyResponse(res, 400);
          return;
        }
        bolt(buffered, res);
      },
      (err: unknown) => {
        const tooLarge = http.isRawBodyError(err) && (err as { statusCode: number }).statusCode === 413;
        http.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      },
    );
  };
}

type BufferedRequest = Awaited<ReturnType<typeof http.bufferIncomingMessage>>;

async function isSignedNull(req: BufferedRequest, signingSecret: string): Promise<boolean> {
  // Every request passes here: only a body that can parse to null (it says `null`) is worth a full parse.
  if (!req.rawBody.includes('null')) return false;
  try {
    if (http.parseHTTPRequestBody(req) !== null) return false;
    await http.parseAndVerifyHTTPRequest({ signingSecret }, req);
    return true;
  } catch {
    return false;
  }
}
