import { describe, expect, it } from 'vitest';
import { GuideError } from '../../src/bank/errors.ts';
import { parseGuide } from '../../src/bank/parse-guide.ts';
import { guideMd, topicMd } from './fixtures.ts';

function errorOf(markdown: string): GuideError {
  try {
    parseGuide(markdown, 'bad.md');
  } catch (error) {
    if (error instanceof GuideError) return error;
    throw error;
  }
  throw new Error('expected parseGuide to throw a GuideError');
}

const T = '1. Broken Topic';
const onlyTopic = (parts: Parameters<typeof topicMd>[1]) => guideMd(topicMd(T, parts));
const STAR = '### Sample Response Using STAR';

describe('parseGuide rejects a malformed guide, naming file, section and problem', () => {
  it('sanity: the fixture itself is well-formed', () => {
    expect(parseGuide(onlyTopic({}), 'ok.md').topics).toHaveLength(1);
  });

  it('takes a topic without a sample answer (a workspace guide may have none: check-guide.ts warns)', () => {
    const [topic] = parseGuide(onlyTopic({ sampleAnswer: null }), 'ok.md').topics;
    expect(topic?.sampleAnswer).toBeUndefined();
    expect(topic?.questions).toHaveLength(2);
  });

  it.each<[string, string, string, string]>([
    // [case, markdown, section, problem]
    ['no topics at all', guideMd(), '(document)', 'no topics (sections headed "## N. Title") found'],
    ['no title', topicMd(T), '(document)', 'missing the "# Title" heading'],
    ['questions subsection missing', onlyTopic({ questions: null }), T, 'missing "### Example Questions"'],
    [
      'questions subsection empty',
      onlyTopic({ questions: '### Example Questions' }),
      T,
      '"### Example Questions" has no questions',
    ],
    [
      'questions as prose',
      onlyTopic({ questions: '### Example Questions\n\nTell me about a time.' }),
      T,
      '"### Example Questions" should hold only a list of questions, but has a paragraph',
    ],
    [
      'question with nested content',
      onlyTopic({ questions: '### Example Questions\n\n- "Q?"\n  - "nested?"' }),
      T,
      '"### Example Questions" item 1 should be a single paragraph',
    ],
    [
      'empty quoted question',
      onlyTopic({ questions: '### Example Questions\n\n- "Q?"\n- ""' }),
      T,
      '"### Example Questions" item 2 is empty',
    ],
    [
      'missing STAR part',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Situation**: "S."\n\n**Task**: "T."\n\n**Action**: "A."` }),
      T,
      `"${STAR}" is missing the **Result** part`,
    ],
    [
      'several missing STAR parts',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Task**: "T."\n\n**Action**: "A."` }),
      T,
      `"${STAR}" is missing the **Situation**, **Result** parts`,
    ],
    [
      'STAR part twice',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Situation**: "S."\n\n**Situation**: "S2."` }),
      T,
      `"${STAR}" has the **Situation** part twice`,
    ],
    [
      'STAR paragraph without a label',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Situation**: "S."\n\nMore situation.` }),
      T,
      `"${STAR}" paragraph 2 does not start with a bold label such as **Situation**`,
    ],
    [
      'unknown STAR label',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Outcome**: "O."` }),
      T,
      `"${STAR}" has an unknown label **Outcome** (expected Situation, Task, Action or Result)`,
    ],
    [
      'empty STAR part',
      onlyTopic({ sampleAnswer: `${STAR}\n\n**Situation**: "S."\n\n**Task**: ""` }),
      T,
      `"${STAR}" has an empty **Task** part`,
    ],
    [
      'follow-ups missing',
      onlyTopic({ followUps: null }),
      T,
      'missing "### Follow-up Questions to Anticipate"',
    ],
    [
      'follow-ups empty',
      onlyTopic({ followUps: '### Follow-up Questions' }),
      T,
      '"### Follow-up Questions" has no follow-up questions',
    ],
    ['key concepts missing', onlyTopic({ keyConcepts: null }), T, 'missing "### Key Concepts"'],
    [
      'key concepts empty',
      onlyTopic({ keyConcepts: '### Key Concepts' }),
      T,
      '"### Key Concepts" has no text',
    ],
    [
      'key concepts as a list',
      onlyTopic({ keyConcepts: '### Key Concepts\n\n- a concept' }),
      T,
      '"### Key Concepts" should hold only paragraphs, but has a list',
    ],
    [
      'topic number not a number',
      guideMd(topicMd('X. Handling Incidents')),
      'X. Handling Incidents',
      'topic number "X" is not a number',
    ],
    ['topic number zero', guideMd(topicMd('0. Zero')), '0. Zero', 'topic number 0 should be 1 or more'],
    [
      'topic heading without number',
      guideMd(topicMd('Handling Incidents')),
      'Handling Incidents',
      'the heading should read "N. Title", e.g. "1. Handling Production Incidents"',
    ],
    [
      'title without letters',
      guideMd(topicMd('3. ???')),
      '3. ???',
      'the title has no letters or digits to make a slug from',
    ],
    [
      'unexpected subsection',
      guideMd(`${topicMd(T)}\n\n### Tips\n\nBe calm.`),
      T,
      'unexpected subsection "### Tips" (expected ### Key Concepts, ### Example Questions, ' +
        '### Sample Response Using STAR, ### Follow-up Questions to Anticipate)',
    ],
    [
      'repeated subsection',
      guideMd(`${topicMd(T)}\n\n### Follow-up Questions\n\n- "Again?"`),
      T,
      '"### Follow-up Questions" repeats "### Follow-up Questions to Anticipate"',
    ],
    [
      'content before the first subsection',
      guideMd(topicMd(T).replace('\n\n###', '\n\nStray text.\n\n###')),
      T,
      'found a paragraph before the first ### subsection',
    ],
    [
      'two topics with one number',
      guideMd(topicMd('2. One'), topicMd('2. Two')),
      '2. Two',
      'topic number 2 is already used by "2. One"',
    ],
    [
      'strategies without a list',
      `# G\n\n${topicMd(T)}\n\n## Preparation Strategies\n\nJust practice.`,
      'Preparation Strategies',
      'has no numbered list of strategies',
    ],
    [
      'strategies as bullets',
      `# G\n\n${topicMd(T)}\n\n## Preparation Strategies\n\n- **Practice**: Out loud.`,
      'Preparation Strategies',
      'the list of strategies should be numbered',
    ],
    [
      'strategy without a bold title',
      `# G\n\n${topicMd(T)}\n\n## Preparation Strategies\n\n1. **Practice**: Out loud.\n2. Sleep well.`,
      'Preparation Strategies',
      'strategy 2 does not start with a bold title',
    ],
    [
      'strategy without text',
      `# G\n\n${topicMd(T)}\n\n## Preparation Strategies\n\n1. **Practice**:`,
      'Preparation Strategies',
      'strategy 1 ("Practice") has no text',
    ],
  ])('%s', (_, markdown, section, problem) => {
    const error = errorOf(markdown);
    expect({ file: error.file, section: error.section, problem: error.problem }).toEqual({
      file: 'bad.md',
      section,
      problem,
    });
    expect(error.message).toBe(`bad.md: section "${section}": ${problem}`);
  });
});
