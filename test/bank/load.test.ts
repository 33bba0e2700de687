import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuideError } from '../../src/bank/errors.ts';
import { loadGuideFile, loadQuestionBank } from '../../src/bank/load.ts';
import { guideMd, shippedGuide, topicMd } from './fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'star-drill-bank-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadQuestionBank', () => {
  it('rejects a directory without guides, ignoring other files', async () => {
    await writeFile(join(dir, 'notes.txt'), '# Not a guide');
    await mkdir(join(dir, 'folder.md'));
    const error = await loadQuestionBank(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideError);
    expect((error as GuideError).message).toBe(`${dir}: section "(directory)": no *.md guide files found`);
  });

  it('loads one guide', async () => {
    await writeFile(join(dir, 'behavioral.md'), shippedGuide());
    const bank = await loadQuestionBank(dir);
    expect(bank.topics).toHaveLength(5);
    expect(bank.strategies).toHaveLength(6);
    expect(bank.topics[0]?.sourceFile).toBe(join(dir, 'behavioral.md'));
  });

  it('loads two guides in file-name order', async () => {
    await writeFile(join(dir, 'b.md'), guideMd(topicMd('1. From B')));
    await writeFile(join(dir, 'a.md'), guideMd(topicMd('1. From A')));
    const bank = await loadQuestionBank(dir);
    expect(bank.topics.map((t) => [t.slug, t.sourceFile])).toEqual([
      ['from-a', join(dir, 'a.md')],
      ['from-b', join(dir, 'b.md')],
    ]);
  });

  it('reports a clash between two guides with both file names', async () => {
    await writeFile(join(dir, 'a.md'), guideMd(topicMd('1. Same')));
    await writeFile(
      join(dir, 'b.md'),
      guideMd(topicMd('2. Same', { questions: '### Example Questions\n\n- "B?"' })),
    );
    await expect(loadQuestionBank(dir)).rejects.toThrow(
      `${join(dir, 'b.md')}: section "2. Same": topic slug "same" is already used by section "1. Same" in ${join(dir, 'a.md')}`,
    );
  });

  it('reports a malformed guide with its path', async () => {
    await writeFile(join(dir, 'broken.md'), guideMd(topicMd('1. Broken', { followUps: null })));
    await expect(loadQuestionBank(dir)).rejects.toThrow(
      `${join(dir, 'broken.md')}: section "1. Broken": missing "### Follow-up Questions to Anticipate"`,
    );
  });
});

describe('loadGuideFile (GUIDE_PATH)', () => {
  it('loads the one file as the bank', async () => {
    const file = join(dir, 'team.md');
    await writeFile(file, guideMd(topicMd('1. Team Topic'), topicMd('2. Other Topic')));
    const bank = await loadGuideFile(file);
    expect(bank.topics.map((t) => t.slug)).toEqual(['team-topic', 'other-topic']);
    expect(bank.title).toBe('A Guide');
  });

  it('stops start-up naming every problem, each with its line', async () => {
    const file = join(dir, 'broken.md');
    const md = guideMd(
      topicMd('1. No Concepts', { keyConcepts: null }),
      topicMd('2. No Follow-ups', { followUps: null }),
    );
    await writeFile(file, md);
    const error = await loadGuideFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideError);
    const line = (text: string) => md.split('\n').indexOf(text) + 1;
    expect((error as GuideError).message).toBe(
      `${file}: section "(document)": \n` +
        `  line ${line('## 1. No Concepts')}: topic "1. No Concepts": missing "### Key Concepts"\n` +
        `  line ${line('## 2. No Follow-ups')}: topic "2. No Follow-ups": missing "### Follow-up Questions to Anticipate"`,
    );
  });
});
