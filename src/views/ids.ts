/**
 * Every Block Kit id the bot uses, defined once and shared by the view builders and the listeners, so a
 * renamed id can never leave a listener waiting for clicks that no longer come.
 */
export const COMMAND = '/star';

export const ACTION_ANSWER_DRILL = 'answer_drill';
export const BLOCK_DRILL_ACTIONS = 'drill_actions';

export const VIEW_STAR_ANSWER = 'star_answer';
export const VIEW_NOTICE = 'star_notice';
/** The single action_id of each STAR input; the block_id is the STAR part itself. */
export const ACTION_STAR_INPUT = 'value';
