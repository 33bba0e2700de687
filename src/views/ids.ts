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

/** The self-rating buttons under the feedback; a button's value is `<drill id>:<rating>`. */
export const ACTION_RATE_DRILL = 'rate_drill';
export const BLOCK_RATING = 'drill_rating';

/** "Practise this follow-up": a button per follow-up question, value `<drill id>:<follow-up number>`. */
export const ACTION_PRACTISE_FOLLOW_UP = 'practise_follow_up';
export const VIEW_FOLLOW_UP = 'follow_up_answer';
/** The follow-up modal's one input; its action_id is ACTION_STAR_INPUT, like the STAR inputs. */
export const BLOCK_FOLLOW_UP = 'follow_up';
