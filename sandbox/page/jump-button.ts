// The header's Jump button names the person's next scheduled event (drill, reminder or recap), refreshed as
// things change, and moves the sandbox clock to it when clicked (jump.ts on the server).

import type { JumpResult, NextEvent } from '../protocol.ts';
import { post } from './api.ts';

const LABELS: Record<NextEvent['kind'], string> = {
  drill: 'Jump to the next drill',
  reminder: 'Jump to the next reminder',
  recap: 'Jump to the next recap',
};

export const jumpLabel = (next: NextEvent | null): string =>
  next ? LABELS[next.kind] : 'Jump to the next scheduled event';

/** Refreshes wait this long for more changes: a drill, its reminder and Home arrive together. */
const SETTLE_MS = 150;

export class JumpButton {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly user: () => string | undefined,
    say: (text: string) => void,
  ) {
    button.addEventListener('click', async () => {
      const userId = this.user();
      if (!userId) return;
      say('Jumping…');
      const result = await post<JumpResult>('/sandbox/jump', { user: userId });
      say(result.message);
      if (result.next !== undefined) this.show(result.next);
    });
  }

  /** Asks the server for the person's next event, once things settle. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const userId = this.user();
      if (!userId) return;
      const { next } = await post<{ next: NextEvent | null }>('/sandbox/next-event', { user: userId });
      if (this.user() === userId) this.show(next);
    }, SETTLE_MS);
  }

  private show(next: NextEvent | null): void {
    this.button.textContent = jumpLabel(next);
  }
}
