// The role's pure rules: input checks, requirement extraction, which requirements an answer shows (with its
// words), the "Connects to the role" check's sentences, the score with and without a role, and the
// requirements no story covers.
//
// Bad inputs tried: blank title and description, 101-character title and company, 5,001 and 50,000-character
// descriptions; a description of boilerplate only; an answer that shares no word with the role.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import { assessRole, ROLE_POINTS } from '../../src/coach/checks/role.ts';
import { englishNlp } from '../../src/coach/nlp.ts';
import { checkRoleInput, joinDescription, splitDescription } from '../../src/drills/role-input.ts';
import { extractRequirements, matchRequirements } from '../../src/drills/role-requirements.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { uncoveredRequirements } from '../../src/progress/role-coverage.ts';

let nlp: WinkMethods;
let bank: QuestionBank;
beforeAll(async () => {
  nlp = englishNlp();
  bank = await loadQuestionBank(CONTENT_DIR);
});

const DESCRIPTION = `Senior Backend Engineer, Payments
You will own on-call for payment systems and lead incident reviews.
- Experience with Kubernetes
- 5+ years of experience building distributed systems
- Mentor junior engineers
We are looking for a strong team player.`;

const ROLE = { title: 'Senior Backend Engineer', description: DESCRIPTION };

const ON_CALL: StarAnswer = {
  situation: 'I was on call for the checkout service when card payments started failing at 9pm.',
  task: 'I had to restore payments and find the cause.',
  action: 'I rolled back the release, then I traced the failure to an expired certificate and rotated it.',
  result: 'Payments recovered in 12 minutes and we added expiry alerts; no repeat in 14 months.',
};
const UNRELATED: StarAnswer = {
  situation: 'Our marketing site looked dated.',
  task: 'I redesigned the landing page.',
  action: 'I sketched three layouts and tested them with five visitors.',
  result: 'Sign-ups rose 8% in a month.',
};

describe('checkRoleInput', () => {
  it('needs a title and a description, keeps the company optional, and reports every problem at once', () => {
    expect(checkRoleInput({ title: ' Staff  Engineer ', company: '', description: 'Own on-call.' })).toEqual({
      ok: true,
      role: { title: 'Staff Engineer', company: null, description: 'Own on-call.' },
    });
    const blank = checkRoleInput({ title: ' ', description: '' });
    expect(blank.ok).toBe(false);
    expect(Object.keys(blank.ok ? {} : blank.errors).sort()).toEqual(['description', 'title']);
    const long = checkRoleInput({
      title: 'x'.repeat(101),
      company: 'y'.repeat(101),
      description: 'z'.repeat(5001),
    });
    expect(long).toEqual({
      ok: false,
      errors: {
        title: 'A role title is at most 100 characters (this one has 101). Nothing was saved.',
        company: 'A company name is at most 100 characters (this one has 101). Nothing was saved.',
        description: 'The description is at most 5,000 characters (this one has 5,001). Nothing was saved.',
      },
    });
    expect(checkRoleInput({ title: 'T', description: 'd'.repeat(50_000) })).toMatchObject({ ok: false });
  });

  it('splits a long description across the two inputs at a word boundary, and joins it back', () => {
    const text = `${'word '.repeat(900)}tail`;
    const [first, more] = splitDescription(text);
    expect(first.length).toBeLessThanOrEqual(3000);
    expect(more.startsWith('word') || more.startsWith('tail')).toBe(true);
    expect(joinDescription(first, more).replace(/\s+/g, ' ')).toBe(text);
    expect(splitDescription('short')).toEqual(['short', '']);
  });
});

describe('extractRequirements', () => {
  it('reads the distinctive phrases, not boilerplate or the title', () => {
    const phrases = extractRequirements(DESCRIPTION, nlp, ROLE.title).map((r) => r.phrase);
    expect(phrases).toEqual([
      'Payments',
      'on-call for payment systems',
      'lead incident reviews',
      'Kubernetes',
      'building distributed systems',
      'Mentor junior engineers',
    ]);
    expect(extractRequirements('We are looking for a strong team player with great skills.', nlp)).toEqual(
      [],
    );
  });
});

describe('matchRequirements and the role check', () => {
  it('quotes the description and the answer, strongest first; says what else the role asks', () => {
    const reqs = extractRequirements(DESCRIPTION, nlp, ROLE.title);
    const text = Object.values(ON_CALL).join('\n');
    const matches = matchRequirements(text, reqs, nlp);
    expect(matches[0]).toEqual({
      requirement: expect.objectContaining({ phrase: 'on-call for payment systems' }),
      quote: 'I was on call for the checkout service when card payments started failing at 9pm',
    });
    const check = assessRole(ON_CALL, ROLE);
    expect(check).toMatchObject({
      id: 'role',
      label: 'Connects to the role',
      passed: true,
      maxPoints: ROLE_POINTS,
    });
    expect(check.why).toBe(
      'The role asks for ‘on-call for payment systems’; your answer shows ‘I was on call for the checkout service when card payments started failing at 9pm’. It shows 1 more of the role’s requirements. It also asks for ‘lead incident reviews’: say where you did that.',
    );
  });

  it('fails an answer that shows none, naming what the role asks, and must not claim a quote', () => {
    const check = assessRole(UNRELATED, ROLE);
    expect(check.passed).toBe(false);
    expect(check.points).toBe(0);
    expect(check.why).toBe(
      'None of the role’s distinctive requirements shows in your answer. The role asks for ‘Payments’, ‘on-call for payment systems’ and ‘lead incident reviews’.',
    );
    expect(check.why).not.toContain('your answer shows');
    expect(check.suggestion).toContain('‘Payments’');
  });

  it('leaves the analysis and score unchanged without a role; with one, adds the check and scales to 100', () => {
    const topic = bank.topics[0];
    if (!topic) throw new Error('no topic');
    const context = { topic, questionText: topic.questions[0]?.text ?? '', strategies: bank.strategies };
    const plain = analyseAnswer(ON_CALL, context);
    expect(plain.checks.map((c) => c.id)).not.toContain('role');
    const withRole = analyseAnswer(ON_CALL, { ...context, role: ROLE });
    const role = withRole.checks.find((c) => c.id === 'role');
    expect(role).toBeDefined();
    const points = plain.checks.reduce((n, c) => n + c.points, 0) + (role?.points ?? 0);
    expect(withRole.score).toBe(Math.round((100 * points) / (100 + ROLE_POINTS)));
    expect(analyseAnswer(UNRELATED, { ...context, role: ROLE }).score).toBeLessThan(
      (analyseAnswer(UNRELATED, context).score ?? 0) + 1,
    );
  });
});

describe('uncoveredRequirements', () => {
  it('lists what no story shows', () => {
    const reqs = extractRequirements(DESCRIPTION, nlp, ROLE.title);
    const gaps = uncoveredRequirements(reqs, [Object.values(ON_CALL).join('\n')], nlp).map((r) => r.phrase);
    expect(gaps).toEqual([
      'lead incident reviews',
      'Kubernetes',
      'building distributed systems',
      'Mentor junior engineers',
    ]);
    expect(uncoveredRequirements(reqs, [], nlp)).toHaveLength(reqs.length);
  });
});
