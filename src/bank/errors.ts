/** A guide that cannot become questions; the message names the file, the section and what is wrong. */
export class GuideError extends Error {
  override readonly name = 'GuideError';
  readonly file: string;
  readonly section: string;
  readonly problem: string;

  constructor(file: string, section: string, problem: string) {
    super(`${file}: section "${section}": ${problem}`);
    this.file = file;
    this.section = section;
    this.problem = problem;
  }
}

/** Section name used for problems that concern the whole file rather than one `##` section. */
export const WHOLE_DOCUMENT = '(document)';
