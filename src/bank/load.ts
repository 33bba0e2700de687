import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GuideError } from './errors.ts';
import { parseGuide } from './parse-guide.ts';
import { QuestionBank } from './question-bank.ts';

/**
 * Every `*.md` file directly in `contentDir` is a guide. Files are read in sorted name order so the
 * topic order does not depend on the file system. A directory without guides is an error: a bot
 * with no questions cannot drill anyone.
 */
export async function loadQuestionBank(contentDir: string): Promise<QuestionBank> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new GuideError(contentDir, '(directory)', 'no *.md guide files found');
  const guides = await Promise.all(
    names.map(async (name) => {
      const file = join(contentDir, name);
      return parseGuide(await readFile(file, 'utf8'), file);
    }),
  );
  return QuestionBank.fromGuides(guides);
}
