/**
 * Patterns for golden expectations on the coach's feedback text. They are about meaning, loose on wording:
 * the coach's sentences are not written yet, so each pattern accepts the usual ways of saying one thing and
 * rejects the ways of saying its opposite ("no measured result" must not count as praise of the result).
 * labelled-set.test.ts checks each pattern against sample phrasings on both sides.
 */
import { COLLABORATION, DEBT, INCIDENTS, LEADERSHIP, LEARNING, type TopicSlug } from './types.ts';

// A negation earlier in the same sentence ("there is no clear measured result") turns praise into criticism.
const NOT_NEGATED = String.raw`(?<!\b(?:no|not|nothing|without|lacks?|lacking|missing|needs?|add|give|include|show|state|name|try|could|should|would|want|isn't|wasn't|never)\b[^.!?\n]{0,30})`;

// A praise word before "result" ("a clear result", "solid, measured result"). A bare "Measured result" is
// not praise: it may be the check's name, as in "Measured result: a 3-hour outage is context".
const PRAISE = '(?:good|great|clear|strong|nice|solid|specific|concrete|tangible|real)';

/** Praise of the Result as measured or concrete ("a clear measured result", "Result ✓", "quantified the impact"). */
export const PRAISES_MEASURED_RESULT: RegExp[] = [
  new RegExp(
    `${NOT_NEGATED}\\b${PRAISE},? (?:and \\w+ )?(?:measured |measurable |quantified )?(?:result|outcome|impact)s?\\b`,
    'i',
  ),
  new RegExp(
    `${NOT_NEGATED}\\b(?:has|gives|includes|shows) (?:a )?(?:measured|measurable|quantified) (?:result|outcome|impact)`,
    'i',
  ),
  new RegExp(
    `${NOT_NEGATED}\\b(?:result|outcome|impact)s? (?:is|was|are) (?:well |clearly )?(?:measured|quantified|concrete|specific)`,
    'i',
  ),
  new RegExp(`${NOT_NEGATED}\\bquantif(?:ied|ies) (?:the |your )?(?:result|outcome|impact)`, 'i'),
  /\bresults?\*?\s*(?:✓|✅|:white_check_mark:)|(?:✓|✅|:white_check_mark:)\s*\*?(?:measured )?results?\b/i,
  /\bwhat worked\b[^\n]*\b(?:measured|quantified)\b/i,
];

/**
 * A line that credits `fragment` (a delay, a duration, a team size) as a measured result, without saying
 * on the same line that it is not one ("Measured result ✓: '3 hours'").
 */
export function creditsAsMeasured(fragment: string): RegExp {
  const escaped = escapeRegExp(fragment);
  return new RegExp(
    `^(?![^\\n]*\\b(?:no|not|isn't|wasn't|without|missing|context|lasted|only|rather than)\\b)[^\\n]*\\b(?:measured|quantified)\\b[^\\n]*${escaped}`,
    'im',
  );
}

/** A claim that the Result is not measured ("no measured result", "quantify the outcome"). */
export const SAYS_RESULT_UNMEASURED: RegExp[] = [
  /\b(?:no|missing|lacks?|without|add|give|include)\b[^.!?\n]{0,30}\b(?:measured|measurable|quantified)\b[^.!?\n]{0,12}\b(?:result|outcome|impact)/i,
  /\b(?:result|outcome)\b[^.!?\n]{0,30}\b(?:not|isn't|wasn't|never)\b[^.!?\n]{0,10}\b(?:measured|quantified)/i,
  /\bquantify (?:the |your )?(?:result|outcome|impact)/i,
];

/** Asks for a measure of the result (a number, a before and after, how much). */
export const ASKS_FOR_MEASURE =
  /\b(?:measur\w*|quantif\w*|numbers?|figures?|metrics?|how (?:much|many|fast|often)|before\b[^.!?\n]{0,40}\bafter)\b/i;

/** Credit for reflection: a lesson or lasting change ("shows reflection", "Reflection ✓", "a clear lesson"). */
export const CREDITS_REFLECTION: RegExp[] = [
  new RegExp(
    `${NOT_NEGATED}\\b(?:shows|showing|good|great|clear|strong|nice|solid|includes|has|credit(?:ed)? for) (?:a |some |real |genuine )?(?:reflection|lessons?(?: learned)?|lasting change)\\b`,
    'i',
  ),
  /\breflect(?:ion|s)?\*?\s*(?:✓|✅|:white_check_mark:)|(?:✓|✅|:white_check_mark:)\s*\*?reflect/i,
  /\bwhat worked\b[^\n]*\breflect/i,
];

/** Credit for a habit or practice ("a good habit", "a solid routine"): conditionals and frequency are not habits. */
export const CREDITS_HABIT = new RegExp(
  `${NOT_NEGATED}\\b(?:good|great|strong|clear|solid|nice|healthy) (?:habit|routine|practice|process)\\b`,
  'i',
);

/** A claim that nothing changed afterwards, for answers where something did. */
export const SAYS_NOTHING_CHANGED =
  /\b(?:nothing|no word|not say|doesn't say|does not say|missing)\b[^.!?\n]{0,30}\bwhat changed\b|\bno lasting change\b/i;

/** The short, kind note on owning the story instead of blaming others. */
export const OWN_THE_STORY =
  /\b(?:own(?:ing)?|take|taking) (?:the |your )?(?:story|part|share|outcome|responsibility)\b|\bownership\b|\bblam\w*|\bfault\b|\bpoint(?:s|ing)? (?:the )?fingers?\b/i;

/** A blame note, for answers that name a cause outside the team while owning their response. */
export const BLAME_NOTE = /\bblam\w*|\bpoint(?:s|ing)? (?:the )?fingers?\b|\bown(?:ing)? the story\b/i;

/** Asks for one real occasion instead of what the candidate would or usually does. */
export const TELL_ONE_OCCASION =
  /\b(?:real|actual|specific|particular|single|one|concrete)\b[^.!?\n]{0,15}\b(?:occasion|time|instance|example|story|event)\b|\bhypothetical\b|\bwhat (?:you )?actually (?:did|happened)\b/i;

/** The answer is flagged as hypothetical. */
export const FLAGS_HYPOTHETICAL =
  /\bhypothetical\b|\b(?:real|actual|specific|single) (?:occasion|instance)\b|\b(?:would|usually) do\b[^.!?\n]{0,40}\b(?:instead|rather)\b/i;

/** The answer is flagged as answering another question or topic. */
export const FLAGS_OFF_TOPIC =
  /\boff[- ]topic\b|\b(?:fits|suits|answers|belongs (?:to|in)|better fit for|better suited to) (?:a |an |the )?(?:different|another|other) (?:topic|question)\b|\btouches none of the key concepts\b|\bdoes(?:n't| not) (?:answer|address) the question\b|\bfits\b[^.!?\n]{0,60}\bbetter\b/i;

/** Words that name each topic, so an off-topic note can be checked for saying which topic the story fits. */
export const NAMES_TOPIC: Record<TopicSlug, RegExp> = {
  [INCIDENTS]: /\bincidents?\b|\boutages?\b|\bproduction (?:issue|problem|failure)/i,
  [COLLABORATION]: /\bcollaborat\w*|\bcross[- ]functional\b|\bteams outside\b|\bnon-technical\b/i,
  [LEARNING]:
    /\blearning (?:a |new )?(?:new )?tech\w*|\bnew technolog\w*|\blearning agility\b|\blearn(?:ing)? (?:a |the )?new\b/i,
  [DEBT]: /\b(?:technical|tech) debt\b/i,
  [LEADERSHIP]: /\bleadership\b|\btechnical decisions?\b|\bdecision[- ]making\b|\bmentor\w*/i,
};

/** Names a run of fragments or bare claims ("reads as a list of claims, not what happened"). */
export const LIST_OF_CLAIMS =
  /\b(?:list|string|series|run|pile|set) of (?:bare |short )?(?:claims|fragments|numbers|statements|figures|assertions)\b|\bfragments?\b|\bbare claims?\b|\bnot (?:a |the )?story\b|\bfull sentences\b|\bnot what happened\b|\bwhat actually happened\b/i;

/** Asks what the candidate did themselves, for answers told only with "we". */
export const ASKS_FOR_OWN_PART =
  /\byour (?:own |personal )?(?:part|role|contribution|actions?|decisions?|steps)\b|\byou (?:personally|yourself)\b|\bfirst[- ]person\b|\bwhat you (?:did|decided|changed)\b|["“']we["”']|["“']I["”']/i;

/** The answer is flagged as told only with "we". */
export const FLAGS_WE_ONLY =
  /\bonly (?:says? )?["“']?we\b|\bnever (?:says? )?["“']?I\b|\bno first[- ]person\b/i;

/** Says the result is missing. */
export const SAYS_NO_RESULT =
  /\b(?:no|missing|lacks?|without|add|give|say|tell|state|end with|finish with|close with)\b[^.!?\n]{0,40}\b(?:result|outcome|what changed|how it ended|impact)\b/i;

/** Asks for more of what the candidate did (the Action), for answers that spend their words on context. */
export const ASKS_FOR_ACTION =
  /\b(?:thin|short|brief|little|more|expand|add|detail\w*|longer|one line)\b[^.!?\n]{0,40}\baction\b|\baction\b[^.!?\n]{0,40}\b(?:thin|short|brief|vague|one line|more|expand|detail\w*)\b|\bwhat you (?:did|tried|changed)\b|\bsteps you took\b|\byour (?:own )?steps\b|\b(?:too much|most of the|long) (?:context|situation|background)\b/i;

/** Tells the candidate to shorten the Situation: wrong when the Situation is a few words. */
export const SHORTEN_SITUATION =
  /\b(?:cut|shorten|trim|condense|tighten|reduce)\b[^.!?\n]{0,40}\bsituation\b|\bsituation\b[^.!?\n]{0,40}\b(?:shorter|too long|fewer (?:sentences|words)|trim|shorten)\b/i;

/** Calls the word "things" vague: wrong when the answer lists the things right after. */
export const VAGUE_THINGS = /\bvague\b[^.!?\n]{0,30}["“'‘]things["”'’]/i;

/** Grammar complaints, which a strong non-native answer (or a non-English one) must not get. */
export const GRAMMAR_COMPLAINT =
  /\bgrammar\w*|\bno verb\b|\bspelling\b|\btypos?\b|\b(?:past|present) tense\b/i;

/** Reads a dated one-off story as a routine or a hypothetical. */
export const CALLS_IT_ROUTINE =
  /\broutine\b|\bhypothetical\b|\bwhat you usually\b|\bgeneral (?:approach|practice)\b/i;

/** Says the coach reads only English. */
export const READS_ENGLISH_ONLY = /\bEnglish\b/i;

/** A score ("62/100", "Score: 46"), which an answer the coach cannot read must not get. */
export const GIVES_A_SCORE: RegExp[] = [/\b\d{1,3}\s*(?:\/|out of)\s*100\b/i, /\bscored?\b\W{0,5}\d{1,3}\b/i];

/** Quotes a bare number cut from a fuller figure ("'$2'" from "$2M", "'20%'" from "from 20% to 0.1%"). */
export function quotedFragment(fragment: string): RegExp {
  return new RegExp(`["“'‘]${escapeRegExp(fragment)}["”'’]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
