import type { KnownBlock, ModalView } from '@slack/types';
import {
  DESCRIPTION_INPUT_CHARS,
  ROLE_LIMITS,
  type RoleInput,
  splitDescription,
} from '../drills/role-input.ts';
import {
  ACTION_ROLE_INPUT,
  BLOCK_ROLE_COMPANY,
  BLOCK_ROLE_DESCRIPTION,
  BLOCK_ROLE_DESCRIPTION_MORE,
  BLOCK_ROLE_TITLE,
  COMMAND,
  VIEW_ROLE,
} from './ids.ts';

/** The role modal, filled with the role already set. Its inputs' max_length are Slack's own first check. */
export function roleModal(current?: RoleInput): ModalView {
  const [first, more] = current ? splitDescription(current.description) : ['', ''];
  const input = (
    blockId: string,
    label: string,
    max: number,
    p: { initial?: string | null; multiline?: boolean; optional?: boolean; hint?: string },
  ): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    ...(p.optional ? { optional: true } : {}),
    label: { type: 'plain_text', text: label },
    ...(p.hint ? { hint: { type: 'plain_text', text: p.hint } } : {}),
    element: {
      type: 'plain_text_input',
      action_id: ACTION_ROLE_INPUT,
      max_length: max,
      ...(p.multiline ? { multiline: true } : {}),
      ...(p.initial ? { initial_value: p.initial } : {}),
    },
  });
  return {
    type: 'modal',
    callback_id: VIEW_ROLE,
    title: { type: 'plain_text', text: 'The role' },
    submit: { type: 'plain_text', text: 'Save role' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `The role you are preparing for. With it, the feedback on each answer adds *Connects to the role*: which of the description's requirements your answer shows. \`${COMMAND} role off\` removes it.`,
        },
      },
      input(BLOCK_ROLE_TITLE, 'Role title', ROLE_LIMITS.title, { initial: current?.title }),
      input(BLOCK_ROLE_COMPANY, 'Company', ROLE_LIMITS.company, {
        initial: current?.company,
        optional: true,
      }),
      input(BLOCK_ROLE_DESCRIPTION, 'Job description', DESCRIPTION_INPUT_CHARS, {
        initial: first,
        multiline: true,
        hint: `Paste it: responsibilities and requirements. Up to ${ROLE_LIMITS.description.toLocaleString('en-GB')} characters in all: Slack takes 3,000 here, the rest below.`,
      }),
      input(
        BLOCK_ROLE_DESCRIPTION_MORE,
        'Job description, continued',
        ROLE_LIMITS.description - DESCRIPTION_INPUT_CHARS,
        { initial: more, multiline: true, optional: true },
      ),
    ],
  };
}
