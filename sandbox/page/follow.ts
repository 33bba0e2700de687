// A message log that follows the conversation as Slack's does: while the reader is at the bottom, what
// arrives is scrolled into view; when they have scrolled up to read, it is not, and a "New messages" marker
// says something arrived below (clicking it, or scrolling down, goes there and hides it).

/** Within this many pixels of the end counts as at the end (a last message half shown, rounding). */
const AT_END_PX = 80;

export function atEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < AT_END_PX;
}

export class Follower {
  constructor(
    private readonly el: HTMLElement,
    private readonly marker: HTMLButtonElement,
  ) {
    el.addEventListener('scroll', () => {
      if (atEnd(el)) marker.hidden = true;
    });
    marker.addEventListener('click', () => this.toEnd());
  }

  /**
   * Runs `change`, which adds to the end of the log; follows it when the reader was at the end before it
   * (asked after the change, the new content itself would make them seem scrolled up), else shows the marker.
   */
  add(change: () => void): void {
    const wasAtEnd = atEnd(this.el);
    change();
    if (wasAtEnd) this.toEnd();
    else this.marker.hidden = false;
  }

  toEnd(): void {
    this.el.scrollTop = this.el.scrollHeight;
    this.marker.hidden = true;
  }
}
