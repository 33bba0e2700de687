// Slack's Block Kit limits (Slack's Block Kit reference; /work/shared/SLACK.md): the one table the local
// Slack enforces and the view tests check the bot's views against. Not the bot's code: a builder and the
// check of it cannot drift together.

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  /** A modal's or a Home tab's blocks. */
  viewBlocks: 100,
  /** A message's top-level `text`. */
  messageText: 40_000,
  /** A modal's title, submit and close. */
  viewTitle: 24,
  privateMetadata: 3000,
  /** action_id, block_id, callback_id, external_id. */
  id: 255,
  /** Section and context text objects. */
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  /** Input labels and hints. */
  inputLabel: 2000,
  inputMaxLength: 3000,
  placeholder: 150,
  /** Options of static and multi-static selects. */
  selectOptions: 100,
  /** Options of checkboxes and radio buttons. */
  checkboxOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
} as const;
