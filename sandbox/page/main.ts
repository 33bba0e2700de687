// The sandbox page: a person's DM with the bot, its threads, modals and Home tab, kept live by server-sent
// events; the composer, the person and zone switchers, and the jump to the next scheduled event.

import type { LiveEvent, PageMessage, Person, Snapshot } from '../protocol.ts';
import type { RenderContext } from '../render/context.ts';
import { messageHtml } from '../render/message.ts';
import { homeContent } from '../render/view.ts';
import { byId, get, post } from './api.ts';
import { clockText } from './clock.ts';
import { atEnd, Follower } from './follow.ts';
import { renderSwitchers, showModel } from './header.ts';
import { JumpButton } from './jump-button.ts';
import { Modal } from './modal.ts';
import { homeTabSelected, setUpTabs } from './tabs.ts';

const PERSON_KEY = 'star-drill-sandbox-person';

let snapshot: Snapshot | undefined;
/** Sandbox clock minus this browser's clock, from the last snapshot or clock event. */
let clockSkew = 0;
let openThread: string | undefined;
/** Events that arrive while a snapshot loads, applied on top of it (they may be newer). */
let buffered: LiveEvent[] | undefined;

const messagesEl = byId<HTMLDivElement>('messages');
const threadEl = byId<HTMLElement>('thread');
const threadMessagesEl = byId<HTMLDivElement>('thread-messages');
const homePanel = byId<HTMLDivElement>('panel-home');
const statusEl = byId<HTMLParagraphElement>('status');
const personSelect = byId<HTMLSelectElement>('person');
const zoneSelect = byId<HTMLSelectElement>('zone');
const composer = byId<HTMLFormElement>('composer');
const messageInput = byId<HTMLTextAreaElement>('message');
const follower = new Follower(messagesEl, byId<HTMLButtonElement>('new-messages'));
const jumpButton = new JumpButton(byId<HTMLButtonElement>('jump'), () => snapshot?.me.id, say);

const me = (): Person => {
  if (!snapshot) throw new Error('not loaded yet');
  return snapshot.me;
};

function context(): RenderContext {
  const people = snapshot?.people ?? [];
  return {
    tz: snapshot?.me.tz ?? 'UTC',
    now: Date.now() + clockSkew,
    nameOf: (id) =>
      people.find((p) => p.id === id)?.name ?? (id === snapshot?.botUserId ? snapshot.botName : undefined),
    people,
  };
}

const modal = new Modal(byId<HTMLDialogElement>('modal'), () => me().id, context);

function render(m: PageMessage, inThread: boolean): string {
  const isBot = m.user === snapshot?.botUserId;
  const authorName = isBot ? (snapshot?.botName ?? 'bot') : (context().nameOf(m.user) ?? m.user);
  return messageHtml(m, context(), { inThread, authorName, isBot }).value;
}

/** Whether this message belongs in the person's DM as they see it. */
function visible(m: PageMessage): boolean {
  return m.channel === snapshot?.channel && (m.to === undefined || m.to === snapshot.me.id);
}

function renderMessages(): void {
  if (!snapshot) return;
  const top = snapshot.messages.filter((m) => m.thread_ts === undefined);
  messagesEl.innerHTML =
    top.map((m) => render(m, false)).join('') ||
    '<p class="empty">No messages yet. Try <code>/star incidents</code>.</p>';
}

function renderAll(): void {
  if (!snapshot) return;
  renderMessages();
  follower.toEnd();
  renderThread(true);
  homePanel.innerHTML = homeContent(snapshot.home, context(), snapshot.botName).value;
  modal.show(snapshot.modal);
  renderPeople();
  renderClock();
}

/** Every time shown, again, in the person's zone as it is now; the reader stays where they were. */
function renderTimes(): void {
  if (!snapshot) return;
  const scrolled = messagesEl.scrollTop;
  renderMessages();
  messagesEl.scrollTop = scrolled;
  renderThread(false);
  homePanel.innerHTML = homeContent(snapshot.home, context(), snapshot.botName).value;
  renderClock();
}

function renderThread(toEnd: boolean): void {
  if (!snapshot || openThread === undefined) {
    threadEl.hidden = true;
    return;
  }
  const ts = openThread;
  const list = snapshot.messages.filter((m) => m.ts === ts || m.thread_ts === ts);
  threadEl.hidden = false;
  // Asked before the new replies are in: they would make a reader at the end seem scrolled up.
  const follow = toEnd || atEnd(threadMessagesEl);
  const scrolled = threadMessagesEl.scrollTop;
  threadMessagesEl.innerHTML = list.map((m) => render(m, true)).join('');
  threadMessagesEl.scrollTop = follow ? threadMessagesEl.scrollHeight : scrolled;
}

function upsert(m: PageMessage): void {
  if (!snapshot || !visible(m)) return;
  const i = snapshot.messages.findIndex((x) => x.ts === m.ts);
  if (i === -1) snapshot.messages.push(m);
  else snapshot.messages[i] = m;
  if (m.thread_ts === undefined) {
    const existing = messagesEl.querySelector<HTMLElement>(`article[data-ts="${CSS.escape(m.ts)}"]`);
    if (existing) existing.outerHTML = render(m, false);
    else {
      follower.add(() => {
        messagesEl.querySelector('.empty')?.remove();
        messagesEl.insertAdjacentHTML('beforeend', render(m, false));
      });
    }
  }
  if (openThread !== undefined && (m.ts === openThread || m.thread_ts === openThread)) renderThread(false);
}

function apply(event: LiveEvent): void {
  if (buffered) {
    buffered.push(event);
    return;
  }
  if (!snapshot) return;
  switch (event.kind) {
    case 'message':
      upsert(event.message);
      jumpButton.refresh();
      return;
    case 'modal':
      if (event.user === snapshot.me.id) {
        snapshot.modal = event.view;
        modal.show(event.view);
      }
      return;
    case 'home':
      if (event.user === snapshot.me.id) {
        snapshot.home = event.view;
        homePanel.innerHTML = homeContent(event.view, context(), snapshot.botName).value;
      }
      return;
    case 'people': {
      snapshot.people = event.people;
      const mine = event.people.find((p) => p.id === snapshot?.me.id);
      const zoneChanged = mine !== undefined && mine.tz !== snapshot.me.tz;
      if (mine) snapshot.me = mine;
      renderPeople();
      // A time-zone change moves every time shown, not only the clock's next minute.
      if (zoneChanged) renderTimes();
      return;
    }
    case 'clock':
      clockSkew = event.now - Date.now();
      renderClock();
      return;
  }
}

function renderPeople(): void {
  if (snapshot) renderSwitchers(snapshot, personSelect, zoneSelect);
}

function renderClock(): void {
  if (snapshot) byId('clock').textContent = clockText(snapshot.me, Date.now() + clockSkew);
}

function say(text: string): void {
  statusEl.textContent = text;
}

async function load(userId: string): Promise<void> {
  buffered = [];
  try {
    const loaded = await get<Snapshot>(`/sandbox/state?user=${encodeURIComponent(userId)}`);
    snapshot = loaded;
    clockSkew = loaded.now - Date.now();
    showModel(loaded.model);
    localStorage.setItem(PERSON_KEY, loaded.me.id);
    renderAll();
    jumpButton.refresh();
  } finally {
    const pending = buffered;
    buffered = undefined;
    for (const event of pending) apply(event);
  }
}

async function send(): Promise<void> {
  const text = messageInput.value.trim();
  if (!text || !snapshot) return;
  messageInput.value = '';
  say('');
  // The person the switcher shows: right after a switch their conversation may still be loading, and the
  // command must not go out as the person before (their reply would land in a conversation no longer shown).
  const user = personSelect.value || me().id;
  const result = await post<{ ok: boolean; problem?: string }>('/sandbox/command', { user, text });
  if (!result.ok) say(result.problem ?? 'Something went wrong.');
}

composer.addEventListener('submit', (e) => {
  e.preventDefault();
  void send();
});
messageInput.addEventListener('keydown', (e) => {
  // Enter sends, Shift+Enter starts a new line, as in Slack.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    void send();
  }
});

document.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const threadButton = target.closest<HTMLElement>('[data-open-thread]');
  if (threadButton) {
    openThread = threadButton.dataset.openThread;
    renderThread(true);
    threadMessagesEl.focus();
    return;
  }
  const button = target.closest<HTMLButtonElement>('button[data-action-id]');
  if (button) void click(button);
});

// A select outside an input block: Slack sends the pick at once, as a click.
document.addEventListener('change', (e) => {
  const select = (e.target as HTMLElement).closest<HTMLSelectElement>('select[data-action-id]');
  if (select) void click(select);
});

async function click(control: HTMLButtonElement | HTMLSelectElement): Promise<void> {
  const view = control.closest<HTMLElement>('[data-view-id]');
  const message = control.closest<HTMLElement>('article[data-ts]');
  const where = view
    ? { viewId: view.dataset.viewId }
    : { channel: message?.dataset.channel, ts: message?.dataset.ts };
  const choice =
    control instanceof HTMLSelectElement ? { selected: control.value } : { value: control.dataset.value };
  control.disabled = true;
  try {
    const result = await post<{ ok: boolean; problem?: string }>('/sandbox/click', {
      user: me().id,
      actionId: control.dataset.actionId,
      blockId: control.dataset.blockId,
      ...choice,
      ...where,
    });
    if (!result.ok) say(result.problem ?? 'Something went wrong.');
  } finally {
    control.disabled = false;
  }
}

byId('close-thread').addEventListener('click', () => {
  openThread = undefined;
  renderThread(false);
});

personSelect.addEventListener('change', async () => {
  openThread = undefined;
  say('');
  await load(personSelect.value);
  // On Home, the other person opens their Home, as Slack would tell the bot (app_home_opened).
  if (homeTabSelected()) {
    void post('/sandbox/home-opened', { user: me().id });
  }
});

zoneSelect.addEventListener('change', async () => {
  const tz = zoneSelect.value;
  const result = await post<{ ok: boolean; problem?: string }>('/sandbox/zone', { user: me().id, tz });
  say(result.ok ? `${me().name} is now in ${tz}.` : (result.problem ?? 'Could not change the zone.'));
});

setUpTabs(() => {
  if (snapshot) void post('/sandbox/home-opened', { user: me().id });
});

setInterval(renderClock, 30_000);

const events = new EventSource('/sandbox/events');
// On every (re)connection: what changed while the stream was down is in a fresh snapshot.
events.addEventListener('open', () => {
  void load(snapshot?.me.id ?? localStorage.getItem(PERSON_KEY) ?? '');
});
events.addEventListener('message', (e) => apply(JSON.parse((e as MessageEvent<string>).data) as LiveEvent));
