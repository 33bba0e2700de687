// The full breakdown one click from the feedback's glance, answers the coach cannot read (not English), and
// the caps an interviewer's outright rejections put on the score: over signed HTTP through the local Slack.
//
// Bad inputs tried: a click on another user's breakdown, a forged non-numeric drill id, a drill id that
// does not exist, a Spanish answer (saved, no score, no English-grammar reasons), a hypothetical answer.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_OPEN_BREAKDOWN, VIEW_BREAKDOWN } from '../../src/views/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answeredDrill,
  answerRow,
  buttonsOf,
  forgedClick,
  newUser,
  openBreakdown,
  shownText,
  VAGUE_ANSWER,
  WE_ANSWER,
} from './support.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const SPANISH = {
  situation:
    'El año pasado, el sistema de pagos de nuestra tienda empezó a fallar durante las horas de más tráfico.',
  task: 'Yo era el ingeniero de guardia y tenía que restaurar el servicio lo antes posible.',
  action:
    'Revisé los registros y encontré que el grupo de conexiones de la base de datos estaba agotado. Aumenté el tamaño del grupo y añadí alertas.',
  result:
    'Restauramos el servicio en cuarenta minutos y desde entonces no hemos tenido otro incidente igual.',
};

const HYPOTHETICAL = {
  situation: 'Production incidents happen in every company, usually at the worst possible time.',
  task: 'In that kind of situation I would take ownership of the incident as the on-call engineer.',
  action:
    'I would first check the dashboards and the logs to find the root cause. Then I would roll back the last deploy and I would keep the stakeholders updated every half hour.',
  result: 'I would make sure service is restored quickly and I usually write a post-mortem afterwards.',
};

describe('the full breakdown', () => {
  it('one click opens a modal with every check, its points, evidence and suggestion, and the part scores', async () => {
    const userId = newUser();
    const { channel, drill, feedback } = await answeredDrill(t, userId, 'incidents', WE_ANSWER);
    const stored = await answerRow(t, drill.id);
    const modal = await openBreakdown(t, userId, { channel, feedbackTs: feedback.ts, drillId: drill.id });
    expect(modal.callback_id).toBe(VIEW_BREAKDOWN);
    const shown = shownText(modal.blocks);
    expect(shown).toContain(drill.questionText);
    expect(shown).toContain(`Score: ${stored?.score}/100`);
    expect(shown).toMatch(/\*Part scores:\* Situation \d+ · Task \d+ · Action \d+ · Result \d+/);
    // Every check of the stored analysis, each on its own line with its points.
    for (const c of stored?.feedback?.checks ?? []) {
      const line = shown.split('\n').find((l) => l.includes(`*${c.label}* (${c.points}/${c.maxPoints})`));
      expect(line, c.label).toBeDefined();
      expect(line).toMatch(c.passed ? /^:white_check_mark:/ : /^:small_orange_diamond:/);
    }
    expect(stored?.feedback?.checks).toHaveLength(8);
    // Evidence in the candidate's words: "we" counted by hand, the before/after quoted whole.
    expect(shown).toContain("'we' 5 times");
    expect(shown).toContain("'from 12% to 0.5%'");
  });

  it('filler is quoted back in full: the vague words and the passive', async () => {
    const userId = newUser();
    const { channel, drill, feedback } = await answeredDrill(t, userId, 'incidents', VAGUE_ANSWER);
    const shown = shownText(
      (await openBreakdown(t, userId, { channel, feedbackTs: feedback.ts, drillId: drill.id })).blocks,
    );
    expect(shown).toMatch(/\*Specific, not vague\* \(\d+\/\d+\): Vague: .*'a lot'/);
    expect(shown).toMatch(/→ Replace '(stuff|a lot)'/);
    expect(shown).toContain("'was fixed'");
  });

  it('another user’s breakdown, a forged id and a missing drill get the same notice, and nothing else', async () => {
    const owner = newUser();
    const { channel, drill, feedback } = await answeredDrill(t, owner, 'incidents', WE_ANSWER);
    const intruder = newUser();
    for (const value of [String(drill.id), 'abc', '999999999']) {
      const opens = t.standin.callsTo('views.open').length;
      const reply = await forgedClick(t, {
        userId: intruder,
        actionId: ACTION_OPEN_BREAKDOWN,
        value,
        channel,
        messageTs: feedback.ts,
      });
      expect(reply.status).toBe(200);
      await t.bot.idle();
      const open = t.standin.callsTo('views.open')[opens];
      if (!open) throw new Error(`no modal opened for ${value}`);
      const shown = shownText((open.args as { view?: { blocks?: unknown } }).view?.blocks);
      expect(shown, value).toContain('This drill is not available to you');
      expect(shown).not.toContain('Score:');
    }
  });
});

describe('an answer the coach cannot read', () => {
  it('Spanish: saved as written, no score, the thread says plainly the coach reads English only; sample and follow-ups still shown', async () => {
    const userId = newUser();
    const { channel, ts, drill, feedback } = await answeredDrill(t, userId, 'incidents', SPANISH);
    const row = await answerRow(t, drill.id);
    expect(row).toMatchObject(SPANISH);
    expect(row?.score).toBeNull();
    expect(row?.feedback?.language).toBe('other');
    const shown = shownText(feedback.blocks);
    expect(shown).toContain('The coach reads English only for now');
    expect(shown).toContain('Your answer is saved');
    expect(shown).not.toMatch(/Score: \d|verb|Improve first|What worked/);
    expect(shown).toContain('our payment processing system began failing intermittently');
    expect(buttonsOf(feedback.blocks).filter((b) => b.label === 'Practise this follow-up')).toHaveLength(3);
    expect(buttonsOf(feedback.blocks).some((b) => b.label === 'See the full breakdown')).toBe(false);
    expect(feedback.text).toMatch(/English only/);
    // The drill message says it was answered, without a score it does not have.
    const message = shownText(t.standin.message(channel, ts)?.blocks);
    expect(message).toContain('Answered');
    expect(message).not.toContain('Score:');
  });
});

describe('caps', () => {
  it('a hypothetical answer scores at most 50, and the first thing said is to tell one real occasion', async () => {
    const userId = newUser();
    const { drill, feedback } = await answeredDrill(t, userId, 'incidents', HYPOTHETICAL);
    const row = await answerRow(t, drill.id);
    expect(row?.score).toBeLessThanOrEqual(50);
    const shown = shownText(feedback.blocks);
    const firstItem = shown.split('\n').find((l) => /^\d\. \*/.test(l));
    expect(firstItem).toMatch(/^1\. \*Tell one real occasion \(score capped at 50\)\*/);
    expect(feedback.text).toContain('Improve first: Tell one real occasion');
  });
});
