/** The longest story title: a name shown in lists and selects, not a summary (the database checks it too). */
export const MAX_STORY_TITLE_CHARS = 80;

export type StoryTitleCheck = { ok: true; title: string } | { ok: false; error: string };

/** A title typed by the person: trimmed; blank or too long is refused with a message that says why. */
export function checkStoryTitle(raw: string | null | undefined): StoryTitleCheck {
  const title = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, error: 'Give the story a title, for example "Checkout outage".' };
  if (title.length > MAX_STORY_TITLE_CHARS) {
    return {
      ok: false,
      error: `A story title is at most ${MAX_STORY_TITLE_CHARS} characters (this one has ${title.length}): a short name you would say out loud.`,
    };
  }
  return { ok: true, title };
}

/** The guide's number: "Identify 2-3 strong examples for each category". */
export const STORY_GOAL = { min: 2, max: 3 } as const;
