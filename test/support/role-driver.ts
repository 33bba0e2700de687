// Setting the role being prepared for as a person does: `/star role`, the modal filled in and saved.
import { expect } from 'vitest';
import {
  ACTION_ROLE_INPUT,
  BLOCK_ROLE_DESCRIPTION,
  BLOCK_ROLE_TITLE,
  VIEW_ROLE,
} from '../../src/views/ids.ts';
import type { TestBot } from './test-bot.ts';

export async function setRole(t: TestBot, userId: string, title: string, description: string): Promise<void> {
  await t.standin.slashCommand(t.url, { userId, text: 'role' });
  await t.bot.idle();
  const modal = t.standin.openModal(userId);
  expect(modal?.view.callback_id).toBe(VIEW_ROLE);
  const reply = await t.standin.submitView(t.url, {
    userId,
    viewId: modal?.id ?? '',
    values: {
      [BLOCK_ROLE_TITLE]: { [ACTION_ROLE_INPUT]: title },
      [BLOCK_ROLE_DESCRIPTION]: { [ACTION_ROLE_INPUT]: description },
    },
  });
  expect(reply.json).toMatchObject({ response_action: 'update' });
  await t.bot.idle();
}
