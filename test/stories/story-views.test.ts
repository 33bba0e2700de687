// The story bank's and the role's Block Kit, checked against Slack's limits with the worst texts: Home with
// 200 topics, 100 unanswered drills and 200 stories; the story modal with 150 other stories; the STAR modal
// with stories to start from; the role modal filled with a 5,000-character description.
import { describe, expect, it } from 'vitest';
import { storyMatrix } from '../../src/progress/story-matrix.ts';
import type { TopicProgress } from '../../src/progress/topic-stats.ts';
import { homeView } from '../../src/views/home.ts';
import { BLOCK_ROLE_DESCRIPTION, BLOCK_ROLE_DESCRIPTION_MORE, BLOCK_USE_STORY } from '../../src/views/ids.ts';
import { roleModal } from '../../src/views/role-modal.ts';
import { starModal } from '../../src/views/star-modal.ts';
import { storiesReply, storyModal } from '../../src/views/stories.ts';
import {
  homeProblems,
  messageProblems,
  modalProblems,
  RAW_MENTION,
  shownText,
  WORST_PARTS,
} from '../views/limits.ts';

type Select = { options?: Array<{ value: string }>; initial_option?: { value: string } };
/** The STAR modal's "Start from a saved story" select. */
const useStorySelect = (modal: { blocks: unknown[] }) =>
  (modal.blocks as Array<{ block_id?: string; accessory?: Select }>).find(
    (b) => b.block_id === BLOCK_USE_STORY,
  )?.accessory;

const topicProgress = (slug: string, title: string): TopicProgress => ({
  slug,
  title,
  answered: 1,
  averageScore: 50,
  trend: null,
  readiness: { score: 0.5, level: 'getting there', rated: 1, total: 3, due: 0 },
  lastPractised: null,
});

describe('within Slack’s limits whatever the data', () => {
  it.each(Object.entries(WORST_PARTS))(
    'Home, /star stories and the story modal with texts of %s',
    (_, text) => {
      const topics = Array.from({ length: 200 }, (_, i) => ({ slug: `t${i}`, title: text }));
      const stories = Array.from({ length: 200 }, (_, i) => ({
        id: i + 1,
        title: [...text].slice(0, 40).join(''),
        bestScore: i % 101,
        topicSlugs: [`t${i % 7}`],
      }));
      const matrix = storyMatrix(topics, stories);
      const view = homeView({
        zone: 'UTC',
        now: new Date('2027-01-12T12:00:00Z'),
        streak: { current: 0, longest: 0, today: 'due' },
        topics: topics.map((t) => topicProgress(t.slug, t.title)),
        subscription: null,
        unanswered: Array.from({ length: 100 }, (_, i) => ({
          drillId: i + 1,
          topicTitle: text,
          questionText: text,
          sentAt: new Date('2027-01-11T12:00:00Z'),
        })),
        stories: matrix,
      });
      expect(homeProblems(view)).toEqual([]);
      expect(shownText(view)).not.toMatch(RAW_MENTION);
      expect(messageProblems(storiesReply(matrix))).toEqual([]);
      const modal = storyModal({ drillId: 1, story: stories[0] ?? { id: 1, title: 'x' }, others: stories });
      expect(modalProblems(modal)).toEqual([]);
      const star = starModal({ drillId: 1, topicTitle: text, questionText: text, stories });
      expect(modalProblems(star)).toEqual([]);
      // One select of the 100 most recent (Slack's limit), not a button per story.
      expect(useStorySelect(star)?.options).toHaveLength(100);
      expect(useStorySelect(star)?.options?.[0]?.value).toBe('1:1');
      // Filled from a story: the select stays, showing it; one past the 100 shown is not offered as chosen.
      const filled = starModal({
        drillId: 1,
        topicTitle: text,
        questionText: text,
        stories,
        fromStory: stories[3],
      });
      expect(modalProblems(filled)).toEqual([]);
      expect(useStorySelect(filled)?.initial_option?.value).toBe('1:4');
      const older = starModal({
        drillId: 1,
        topicTitle: text,
        questionText: text,
        stories,
        fromStory: stories[150],
      });
      expect(modalProblems(older)).toEqual([]);
      expect(useStorySelect(older)?.initial_option).toBeUndefined();
    },
  );

  it('the role modal holds a 5,000-character description across its two inputs', () => {
    const description = `${'word '.repeat(999)}tail`;
    const modal = roleModal({ title: 'T', company: null, description });
    expect(modalProblems(modal)).toEqual([]);
    const inputs = modal.blocks.filter((b) => b.type === 'input') as Array<{
      block_id: string;
      element: { initial_value?: string };
    }>;
    const first = inputs.find((b) => b.block_id === BLOCK_ROLE_DESCRIPTION)?.element.initial_value ?? '';
    const more = inputs.find((b) => b.block_id === BLOCK_ROLE_DESCRIPTION_MORE)?.element.initial_value ?? '';
    expect(first.length).toBeLessThanOrEqual(3000);
    expect(`${first} ${more}`).toBe(description);
  });
});
