// The Messages and Home tabs (arrow keys move between them, as the ARIA tabs pattern has it). Opening Home
// is what Slack tells the bot as app_home_opened: `onHomeOpened` passes it on.

import { byId } from './api.ts';

export function homeTabSelected(): boolean {
  return byId('tab-home').getAttribute('aria-selected') === 'true';
}

export function setUpTabs(onHomeOpened: () => void): void {
  const selectTab = (tab: HTMLElement): void => {
    if (tab.id === 'tab-home' && !homeTabSelected()) onHomeOpened();
    for (const t of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      byId(t.getAttribute('aria-controls') ?? '').hidden = !selected;
    }
    tab.focus();
  };
  for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
      const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      if (next) selectTab(next);
    });
  }
}
