/** What `/star role` takes: the modal's max_length values, checked again on submit and by the database. */
export const ROLE_LIMITS = { title: 100, company: 100, description: 5000 } as const;

/** Slack's plain_text_input holds at most 3,000 characters, so the description is pasted into two inputs. */
export const DESCRIPTION_INPUT_CHARS = 3000;

/**
 * A stored description cut in two for the modal's inputs: at the last line break (else space) before 3,000
 * characters, so a word is never cut; `joinDescription` puts them back together.
 */
export function splitDescription(description: string): [string, string] {
  if (description.length <= DESCRIPTION_INPUT_CHARS) return [description, ''];
  const head = description.slice(0, DESCRIPTION_INPUT_CHARS);
  const at = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  const cut = at > 0 ? at : DESCRIPTION_INPUT_CHARS;
  return [description.slice(0, cut), description.slice(cut).replace(/^[\n ]/, '')];
}

export function joinDescription(first: string, more: string): string {
  const rest = more.trim();
  return rest === '' ? first : `${first.trimEnd()}\n${rest}`;
}

export interface RoleInput {
  title: string;
  company: string | null;
  description: string;
}

export type RoleField = 'title' | 'company' | 'description';

export type RoleCheck =
  | { ok: true; role: RoleInput }
  | { ok: false; errors: Partial<Record<RoleField, string>> };

const tooLong = (what: string, max: number, length: number) =>
  `${what} is at most ${max.toLocaleString('en-GB')} characters (this one has ${length.toLocaleString('en-GB')}). Nothing was saved.`;

/**
 * The role modal's three fields, as typed: the title and the description are needed, the company is not.
 * Every problem is reported at once, beside its field, and the text stays in the modal.
 */
export function checkRoleInput(raw: {
  title?: unknown;
  company?: unknown;
  description?: unknown;
}): RoleCheck {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const title = str(raw.title).replace(/\s+/g, ' ').trim();
  const company = str(raw.company).replace(/\s+/g, ' ').trim();
  const description = str(raw.description).trim();
  const errors: Partial<Record<RoleField, string>> = {};
  if (title === '') errors.title = 'Name the role, for example "Senior Backend Engineer". Nothing was saved.';
  else if (title.length > ROLE_LIMITS.title)
    errors.title = tooLong('A role title', ROLE_LIMITS.title, title.length);
  if (company.length > ROLE_LIMITS.company)
    errors.company = tooLong('A company name', ROLE_LIMITS.company, company.length);
  if (description === '') {
    errors.description =
      'Paste the job description: the coach reads its requirements from it. Nothing was saved.';
  } else if (description.length > ROLE_LIMITS.description) {
    errors.description = tooLong('The description', ROLE_LIMITS.description, description.length);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, role: { title, company: company === '' ? null : company, description } };
}
