import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkGuide, describeProblem } from './check-guide.ts';
import { GuideError, WHOLE_DOCUMENT } from './errors.ts';
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

/**
 * GUIDE_PATH's guide, checked as a workspace's upload is (bank/check-guide.ts): every problem is named at
 * start-up, one per line, rather than the first only.
 */
export async function loadGuideFile(file: string): Promise<QuestionBank> {
  const { checked, problems } = checkGuide(await readFile(file, 'utf8'), file);
  if (checked) return checked.bank;
  throw new GuideError(file, WHOLE_DOCUMENT, `\n  ${problems.map(describeProblem).join('\n  ')}`);
}
