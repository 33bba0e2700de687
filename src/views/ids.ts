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

/** "See the full breakdown" under the feedback: value `<drill id>`; opens a modal with every check. */
export const ACTION_OPEN_BREAKDOWN = 'open_breakdown';
export const BLOCK_FEEDBACK_ACTIONS = 'feedback_actions';
export const VIEW_BREAKDOWN = 'feedback_breakdown';

/** "Practise this follow-up": a button per follow-up question, value `<drill id>:<follow-up number>`. */
export const ACTION_PRACTISE_FOLLOW_UP = 'practise_follow_up';
export const VIEW_FOLLOW_UP = 'follow_up_answer';
/** The follow-up modal's one input; its action_id is ACTION_STAR_INPUT, like the STAR inputs. */
export const BLOCK_FOLLOW_UP = 'follow_up';

/**
 * The reminder's buttons (views/progress-replies.ts): Answer now reuses ACTION_ANSWER_DRILL; Skip today's
 * value is the drill id.
 */
export const ACTION_SKIP_TODAY = 'skip_today';
export const BLOCK_REMINDER_ACTIONS = 'reminder_actions';

// App Home (views/home.ts). The Answer buttons reuse ACTION_ANSWER_DRILL, so the drill listener opens them.
export const ACTION_HOME_SUBSCRIBE = 'home_subscribe';
export const ACTION_OPEN_SETTINGS = 'open_settings';
/** Block ids of the Home tab's sections that carry buttons, for tests and listeners that look them up. */
export const BLOCK_HOME_NEXT = 'home_next';
export const BLOCK_HOME_ACTIONS = 'home_actions';
/** Prefix of each unanswered drill's section on Home; the drill id follows (`home_unanswered_42`). */
export const BLOCK_HOME_UNANSWERED_PREFIX = 'home_unanswered_';

// Settings modal (views/settings-modal.ts): state.values[block_id][action_id] on submit.
export const VIEW_SETTINGS = 'drill_settings';
export const BLOCK_SETTINGS_TIME = 'settings_time';
export const ACTION_SETTINGS_TIME = 'time';
export const BLOCK_SETTINGS_DAYS = 'settings_days';
export const ACTION_SETTINGS_DAYS = 'days';
export const BLOCK_SETTINGS_TOPICS = 'settings_topics';
export const ACTION_SETTINGS_TOPICS = 'topics';
export const BLOCK_SETTINGS_REMINDER = 'settings_reminder';
export const ACTION_SETTINGS_REMINDER = 'reminder';

// Delete-my-data confirmation (views/delete-modal.ts).
export const VIEW_DELETE_DATA = 'delete_data';

// Story bank (views/stories.ts). The thread note under an answer: "Story: <title>" and its Edit button
// (value: the drill id), which opens the story modal (rename, or "same story as" one of the others).
export const BLOCK_STORY_NOTICE = 'story_notice';
export const ACTION_EDIT_STORY = 'edit_story';
export const VIEW_STORY = 'story_edit';
export const BLOCK_STORY_TITLE = 'story_title';
export const ACTION_STORY_TITLE = 'title';
export const BLOCK_STORY_SAME = 'story_same';
export const ACTION_STORY_SAME = 'same';
/**
 * "Start from a saved story" in the STAR modal: a section whose accessory is a select of the person's
 * stories, each option's value `<drill id>:<story id>`; a pick comes as a block action at once.
 */
export const BLOCK_USE_STORY = 'use_story';
export const ACTION_USE_STORY = 'use_story';
/** Home's Stories section header block. */
export const BLOCK_HOME_STORIES = 'home_stories';

// The role being prepared for (views/role-modal.ts): `/star role` and Home's Role button open it.
export const ACTION_OPEN_ROLE = 'open_role';
export const VIEW_ROLE = 'role';
export const BLOCK_ROLE_TITLE = 'role_title';
export const BLOCK_ROLE_COMPANY = 'role_company';
export const BLOCK_ROLE_DESCRIPTION = 'role_description';
/** Slack's text inputs take at most 3,000 characters: the description's last 2,000 have an input of their own. */
export const BLOCK_ROLE_DESCRIPTION_MORE = 'role_description_more';
/** The one action_id of each role input. */
export const ACTION_ROLE_INPUT = 'value';

// The mock interview (`/star mock`, views/mock-messages.ts). Its questions reuse ACTION_ANSWER_DRILL and its
// follow-ups ACTION_PRACTISE_FOLLOW_UP, so an answer takes the drill's own path. A second `/star mock` while
// one runs offers Continue and End, each with the value `<mock id>:<round>` (a click of an older offer is stale).
export const BLOCK_MOCK_OFFER = 'mock_offer';
/** The actions block of a mock's question and follow-up messages: a click there after the mock ended is stale. */
export const BLOCK_MOCK_STEP = 'mock_step';
export const ACTION_MOCK_CONTINUE = 'mock_continue';
export const ACTION_MOCK_END = 'mock_end';
// Ask a colleague (views/peer-review*.ts). "Ask a colleague" under the feedback (value: the drill id) opens
// the ask modal: the colleague (users_select), a note, "include my score", and a preview of what they see.
export const ACTION_ASK_COLLEAGUE = 'ask_colleague';
export const VIEW_ASK_COLLEAGUE = 'ask_colleague';
export const BLOCK_ASK_REVIEWER = 'ask_reviewer';
export const ACTION_ASK_REVIEWER = 'reviewer';
export const BLOCK_ASK_NOTE = 'ask_note';
export const ACTION_ASK_NOTE = 'note';
export const BLOCK_ASK_SCORE = 'ask_score';
export const ACTION_ASK_SCORE = 'include_score';
/** The option of "include my score". */
export const INCLUDE_SCORE = 'include';
/** The colleague's DM: Review and Decline, value the request id. */
export const BLOCK_PEER_REQUEST_ACTIONS = 'peer_request_actions';
export const ACTION_PEER_REVIEW = 'peer_review';
export const ACTION_PEER_DECLINE = 'peer_decline';
/** The review modal: a select per criterion (block `peer_<criterion>`), and a comment. */
export const VIEW_PEER_REVIEW = 'peer_review';
export const BLOCK_PEER_RATING_PREFIX = 'peer_';
export const ACTION_PEER_RATING = 'rating';
export const BLOCK_PEER_COMMENT = 'peer_comment';
export const ACTION_PEER_COMMENT = 'comment';
/** Home's peer ratings section. */
export const BLOCK_HOME_PEER = 'home_peer';
// The workspace's own guide (views/guide.ts). `/star guide` shows it; admins get the Upload button, which opens
// the upload modal (a file, or text pasted); a valid guide is previewed, and the preview's submit applies it.
export const ACTION_OPEN_GUIDE_UPLOAD = 'open_guide_upload';
export const BLOCK_GUIDE_ACTIONS = 'guide_actions';
export const VIEW_GUIDE_UPLOAD = 'guide_upload';
export const BLOCK_GUIDE_FILE = 'guide_file';
export const ACTION_GUIDE_FILE = 'guide_file_input';
export const BLOCK_GUIDE_TEXT = 'guide_text';
export const ACTION_GUIDE_TEXT = 'guide_text_input';
/** private_metadata: the draft's id (guide_drafts). */
export const VIEW_GUIDE_PREVIEW = 'guide_preview';
