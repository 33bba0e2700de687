import type { KnownBlock, ModalView } from '@slack/types';
import { describeProblem, GUIDE_LIMITS, type GuideProblem } from '../bank/check-guide.ts';
import type { Topic } from '../bank/types.ts';
import { plainReply } from './command-replies.ts';
import type { SlackMessage } from './drill-message.ts';
import {
  ACTION_GUIDE_FILE,
  ACTION_GUIDE_TEXT,
  ACTION_OPEN_GUIDE_UPLOAD,
  BLOCK_GUIDE_ACTIONS,
  BLOCK_GUIDE_FILE,
  BLOCK_GUIDE_TEXT,
  COMMAND,
  VIEW_GUIDE_PREVIEW,
  VIEW_GUIDE_UPLOAD,
  VIEW_NOTICE,
} from './ids.ts';
import { clip, escapeMrkdwn, slackDate } from './mrkdwn.ts';

/** Slack's limit for one text box: a longer guide goes as a file. */
export const GUIDE_PASTE_CHARS = 3000;

/** What `/star guide` says of the guide in use; `setBy` unset: the built-in guide, never changed here. */
export interface GuideStatus {
  title: string;
  topics: ReadonlyArray<Pick<Topic, 'number' | 'title' | 'questions'>>;
  custom: boolean;
  setBy?: string;
  setAt?: Date;
}

function topicLines(topics: GuideStatus['topics']): string {
  return topics
    .map((t) => {
      const n = t.questions.length;
      return `${t.number}. ${escapeMrkdwn(t.title)} (${n} question${n === 1 ? '' : 's'})`;
    })
    .join('\n');
}

/** `/star guide`: the guide in use, for everyone; the Upload button for admins. */
export function guideStatusReply(status: GuideStatus, admin: boolean): SlackMessage {
  const who = status.setBy && status.setAt ? ` Set by <@${status.setBy}> on ${slackDate(status.setAt)}.` : '';
  const heading = status.custom
    ? `*This workspace's guide: ${escapeMrkdwn(status.title)}*${who}`
    : `*This workspace drills the built-in guide: ${escapeMrkdwn(status.title)}*${who}`;
  const footer = admin
    ? `Upload your own guide (Markdown, the built-in guide's shape) to drill your team's questions.${status.custom ? ` \`${COMMAND} guide reset\` returns to the built-in guide.` : ''}`
    : 'Only a workspace admin, or whoever installed Star Drill, can change it.';
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${heading}\n${topicLines(status.topics)}`) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: footer }] },
  ];
  if (admin) {
    blocks.push({
      type: 'actions',
      block_id: BLOCK_GUIDE_ACTIONS,
      elements: [
        {
          type: 'button',
          action_id: ACTION_OPEN_GUIDE_UPLOAD,
          text: { type: 'plain_text', text: 'Upload a guide' },
          style: 'primary',
        },
      ],
    });
  }
  return { text: `${status.custom ? "This workspace's" : 'The built-in'} guide: ${status.title}`, blocks };
}

/** The upload modal: a Markdown file, or the text pasted (a short guide: Slack's box holds 3,000 characters). */
export function guideUploadModal(): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_GUIDE_UPLOAD,
    title: { type: 'plain_text', text: 'Upload a guide' },
    submit: { type: 'plain_text', text: 'Check guide' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            'A Markdown guide shaped like the built-in one: a `# Title`, then numbered topics (`## 1. Title`) each with ' +
            '`### Key Concepts`, `### Example Questions`, `### Sample Response Using STAR` and ' +
            `\`### Follow-up Questions to Anticipate\`. At most ${GUIDE_LIMITS.maxTopics} topics, ` +
            `${GUIDE_LIMITS.maxQuestionsPerTopic} questions a topic, ${GUIDE_LIMITS.maxBytes / 1024} KB. ` +
            'It is checked and previewed first: nothing changes until you press *Use this guide*.',
        },
      },
      {
        type: 'input',
        block_id: BLOCK_GUIDE_FILE,
        optional: true,
        label: { type: 'plain_text', text: 'Guide file (.md)' },
        element: {
          type: 'file_input',
          action_id: ACTION_GUIDE_FILE,
          filetypes: ['md', 'markdown', 'txt'],
          max_files: 1,
        },
      },
      {
        type: 'input',
        block_id: BLOCK_GUIDE_TEXT,
        optional: true,
        label: { type: 'plain_text', text: 'Or paste the guide' },
        hint: {
          type: 'plain_text',
          text: `Up to ${GUIDE_PASTE_CHARS.toLocaleString('en-US')} characters (Slack's limit for a text box); a longer guide goes as a file.`,
        },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_GUIDE_TEXT,
          multiline: true,
          max_length: GUIDE_PASTE_CHARS,
        },
      },
    ],
  } as ModalView;
}

/** The field error of a guide that cannot be used: every problem on its own line. */
export function guideProblemsText(problems: readonly GuideProblem[]): string {
  const lines = problems.map((p) => `• ${describeProblem(p)}`);
  const head = `${problems.length === 1 ? 'One problem' : `${problems.length} problems`}; nothing was changed:`;
  return clip([head, ...lines].join('\n'), 2000);
}

/** The preview of a valid guide: its topics and question counts, the warnings, and **Use this guide**. */
export function guidePreviewModal(p: {
  title: string;
  topics: GuideStatus['topics'];
  warnings: readonly GuideProblem[];
  draftId: number;
}): ModalView {
  const questions = p.topics.reduce((n, t) => n + t.questions.length, 0);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${escapeMrkdwn(p.title)}*: ${p.topics.length} topic${p.topics.length === 1 ? '' : 's'}, ${questions} questions\n${topicLines(p.topics)}`,
        ),
      },
    },
  ];
  if (p.warnings.length > 0) {
    const text = p.warnings.map((w) => `:warning: ${escapeMrkdwn(describeProblem(w))}`).join('\n');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text) }] });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Everyone in the workspace will drill these questions. Past drills and answers keep their questions; a question whose text is unchanged keeps its progress.',
      },
    ],
  });
  return {
    type: 'modal',
    callback_id: VIEW_GUIDE_PREVIEW,
    private_metadata: String(p.draftId),
    title: { type: 'plain_text', text: 'Preview the guide' },
    submit: { type: 'plain_text', text: 'Use this guide' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** After **Use this guide** (or `/star guide reset`): what the workspace drills now. */
export function guideAppliedModal(title: string, topicCount: number): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_NOTICE,
    title: { type: 'plain_text', text: 'Guide in use' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: guideAppliedText(title, topicCount) } }],
  };
}

export function guideAppliedText(title: string, topicCount: number): string {
  return `:white_check_mark: This workspace now drills *${escapeMrkdwn(title)}* (${topicCount} topic${topicCount === 1 ? '' : 's'}).`;
}

export const guideReplies = {
  notAdmin: plainReply(
    'Only a workspace admin, or whoever installed Star Drill here, can change the guide. `/star guide` shows the one in use.',
  ),
  cannotCheckAdmin: plainReply(
    'Slack could not tell whether you are a workspace admin just now, so nothing was changed. Try again in a minute.',
  ),
  usage: plainReply(
    '`/star guide` shows the guide in use; admins can upload one, and `/star guide reset` returns to the built-in guide.',
  ),
  alreadyBuiltIn: plainReply('This workspace already drills the built-in guide: nothing to reset.'),
  reset: (title: string, topicCount: number) => plainReply(guideAppliedText(title, topicCount)),
  noneGiven: 'Choose a Markdown file, or paste the guide here.',
  both: 'Choose a file or paste the text, not both.',
  fileUnreadable: 'Slack could not give the file to the bot just now. Try again, or paste the guide.',
  noFileScope:
    'Star Drill may not read files in this workspace yet (its install predates the files:read permission: reinstall the app to allow it). Paste the guide instead. Nothing was changed.',
  draftGone: 'This preview has expired. Upload the guide again.',
};

/** Told once to a person whose daily drills were on topics the workspace's new guide no longer has. */
export function topicsGoneNotice(oldTopics: readonly string[], guideTitle: string): SlackMessage {
  const names = oldTopics.map((t) => `\`${escapeMrkdwn(t)}\``).join(', ');
  return plainReply(
    `Your daily drills were on ${names}, which the workspace's new guide (*${escapeMrkdwn(guideTitle)}*) no longer has, so they now cover all its topics. \`${COMMAND} subscribe\` picks others.`,
  );
}
