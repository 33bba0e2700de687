// Raw bodies: `payload=` with non-JSON, JSON null, arrays, strings, numbers or deep nesting; bare JSON
// null/array/number/string; empty bodies; binary noise; url_verification; content types text/plain,
// multipart, XML, form with a charset, JSON for a form and none at all. None of them may change anything.

import fc from 'fast-check';
import { FORM } from '../drill-driver.ts';
import { type HostileCase, JSON_TYPE } from './common.ts';

export const rawCase = fc
  .record({
    body: fc.oneof(
      fc.constantFrom(
        '',
        'payload=',
        'payload={',
        'payload=%ZZ',
        'payload=null',
        'payload=[]',
        'payload=%22str%22',
        'payload=42',
        `payload=${encodeURIComponent(`${'['.repeat(5000)}${']'.repeat(5000)}`)}`,
        `payload=${encodeURIComponent(JSON.stringify({ type: 'shortcut', callback_id: 'x' }))}`,
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_suggestion', action_id: 'answer_drill' }))}`,
        'null',
        '[]',
        '42',
        '"string"',
        'true',
        '{}',
        `{"type":"url_verification","challenge":"${'c'.repeat(100)}"}`,
        '{"type":"url_verification"}',
        'ssl_check=1&token=x',
        '<?xml version="1.0"?><payload/>',
        '--x\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{}\r\n--x--',
      ),
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
    ),
    contentType: fc.constantFrom(
      FORM,
      JSON_TYPE,
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
      `${FORM}; charset=utf-8`,
      '',
    ),
  })
  .map(
    ({ body, contentType }): HostileCase => ({
      label: `raw ${contentType || '(no content type)'} ${JSON.stringify(body.slice(0, 40))}`,
      body,
      contentType,
    }),
  );
