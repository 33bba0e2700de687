// Bad inputs tried: no counts (the modal opens before any lookup); counts of 0, 1 and 1,234,567; messages
// kept and deleted.
import { describe, expect, it } from 'vitest';
import { deleteModal } from '../../src/views/delete-modal.ts';
import { VIEW_DELETE_DATA } from '../../src/views/ids.ts';
import { modalProblems, shownText } from './limits.ts';

describe('deleteModal', () => {
  it('names the callback, the buttons and everything that goes', () => {
    const view = deleteModal({ deletesMessages: false });
    expect(view.callback_id).toBe(VIEW_DELETE_DATA);
    expect(VIEW_DELETE_DATA).toBe('delete_data');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Delete your data' });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Delete everything' });
    expect(view.close).toEqual({ type: 'plain_text', text: 'Keep my data' });
    expect(view.blocks.map((b) => b.type)).toEqual(['section', 'section', 'context']);
    expect(shownText(view.blocks)).toBe(
      [
        '*This deletes, for good and at once:*',
        '• every drill sent to you: the questions, when they came, and any reminders',
        '• every answer you wrote: the four STAR parts, follow-up answers, scores and self-ratings',
        '• your progress: streaks, readiness, weekly recaps sent',
        '• your subscription and settings: time, days, topics, reminder, pause, interview date, recap',
        '• what Star Drill keeps about you: your Slack user id and time zone',
        'The messages already in your DM with Star Drill stay in Slack: delete them there if you wish.',
        'It cannot be undone. To keep a copy, cancel and run `/star export` first. You can subscribe again later and start afresh.',
      ].join('\n'),
    );
    expect(modalProblems(view)).toEqual([]);
  });

  it.each([
    [{ drills: 0, answers: 0 }, 'your 0 drills', 'your 0 answers'],
    [{ drills: 1, answers: 1 }, 'your 1 drill:', 'your 1 answer:'],
    [{ drills: 1_234_567, answers: 1_000 }, 'your 1,234,567 drills', 'your 1,000 answers'],
  ])('with counts %j', (counts, drills, answers) => {
    const view = deleteModal({ counts, deletesMessages: true });
    const text = shownText(view.blocks);
    expect(text).toContain(drills);
    expect(text).toContain(answers);
    expect(text).toContain('The drill messages in your DM with Star Drill are deleted too.');
    expect(modalProblems(view)).toEqual([]);
  });

  it('names the workspace whose data goes, and says the others stay (a person is workspace and user)', () => {
    const text = shownText(deleteModal({ deletesMessages: false, workspace: 'acme-eu' }).blocks);
    expect(text).toContain('*This deletes, for good and at once, in the workspace `acme-eu`:*');
    expect(text).toContain(
      'What you have in other workspaces is kept apart and stays: run `/star delete` there for it.',
    );
    // A domain is letters, digits and hyphens: anything else Slack might send is dropped, not rendered.
    expect(shownText(deleteModal({ deletesMessages: false, workspace: 'a*b`<!here>' }).blocks)).toContain(
      'in the workspace `abhere`',
    );
  });
});
