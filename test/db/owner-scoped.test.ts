/// <reference types="vite/client" />
// Every exported repository function that reads or changes a person's rows takes the person (team, user).
// The registry below is checked two ways: by the compiler (an entry of OWNER_SCOPED whose parameters include
// no person does not typecheck: `npm run typecheck`), and here at run time (every export that touches a
// person's table is in the registry, so a new function fails this test until someone says which it is).

import { describe, expect, it } from 'vitest';
import * as answers from '../../src/db/repositories/answers.ts';
import * as drillFeedback from '../../src/db/repositories/drill-feedback.ts';
import * as drillReminders from '../../src/db/repositories/drill-reminders.ts';
import * as drills from '../../src/db/repositories/drills.ts';
import * as exportRequests from '../../src/db/repositories/export-requests.ts';
import * as followUps from '../../src/db/repositories/follow-ups.ts';
import * as mockInterviews from '../../src/db/repositories/mock-interviews.ts';
import * as peerReviews from '../../src/db/repositories/peer-reviews.ts';
import * as people from '../../src/db/repositories/people.ts';
import * as progress from '../../src/db/repositories/progress.ts';
import * as recaps from '../../src/db/repositories/recaps.ts';
import * as reviewCards from '../../src/db/repositories/review-cards.ts';
import * as roles from '../../src/db/repositories/roles.ts';
import * as scheduledDrills from '../../src/db/repositories/scheduled-drills.ts';
import * as stories from '../../src/db/repositories/stories.ts';
import * as subscriptionClaims from '../../src/db/repositories/subscription-claims.ts';
import * as subscriptions from '../../src/db/repositories/subscriptions.ts';
import * as users from '../../src/db/repositories/users.ts';
import * as workspaceModel from '../../src/db/repositories/workspace-model.ts';
import type { Person } from '../../src/drills/person.ts';

/** A repository file's name in camelCase (token-pauses.ts -> tokenPauses). */
const moduleName = (file: string) =>
  (file.split('/').pop() ?? file).replace(/\.ts$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * Every module of src/db/repositories, found by the file system rather than listed by hand, so a new
 * repository file is checked without anyone remembering to add it here. Keyed by the file's name in
 * camelCase (token-pauses.ts -> tokenPauses).
 */
const MODULES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<Record<string, unknown>>('../../src/db/repositories/*.ts', { eager: true }),
  ).map(([file, mod]) => [moduleName(file), mod]),
);

/**
 * Each module's prepared statements (`const name = preparedFor(...)`, src/db/prepared.ts) by name, as source
 * text: a function that runs one has its SQL there, outside its own body.
 */
const PREPARED: Record<string, Map<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../src/db/repositories/*.ts', {
      eager: true,
      query: '?raw',
      import: 'default',
    }),
  ).map(([file, source]) => [
    moduleName(file),
    new Map(
      [...source.matchAll(/const (\w+) = preparedFor\(([\s\S]*?)\);\n/g)].map((m) => [m[1] ?? '', m[0]]),
    ),
  ]),
);

/** A function's source with the prepared statements it runs. */
function textOf(mod: string, f: (...args: never[]) => unknown): string {
  const own = f.toString();
  const prepared = [...(PREPARED[mod] ?? [])].filter(([name]) => new RegExp(`\\b${name}\\b`).test(own));
  return [own, ...prepared.map(([, text]) => text)].join('\n');
}

/**
 * The tables whose rows belong to one person: by their own (team_id, user_id), or through their drill
 * (answers, follow-up answers). Their names as the schema exports them.
 */
const PERSON_TABLES = [
  'drills',
  'answers',
  'followUpAnswers',
  'subscriptions',
  'users',
  'reviewCards',
  'daysOff',
  'recaps',
  'exportRequests',
  'modelFollowUps',
  'stories',
  'drillStories',
  'roles',
  'mockInterviews',
  'peerReviews',
];

/** A parameter that names the owner: a person (or a row carrying one), several people, or settings for one. */
type OwnerArg = Person | readonly Person[] | { person: Person };
type TakesOwner<F> = F extends (...args: infer A) => unknown
  ? [Extract<A[number], OwnerArg>] extends [never]
    ? false
    : true
  : false;

/** Refused by the compiler unless one of the function's parameters names the owner. */
function owned<F extends (...args: never[]) => unknown>(
  f: F & (TakesOwner<F> extends true ? unknown : { error: 'this function takes no person' }),
): F {
  return f;
}

// @ts-expect-error the claim takes every due row, whoever owns it: it has no person, and the guard says so
owned(subscriptionClaims.claimDueSubscriptions);

const OWNER_SCOPED: ReadonlyArray<(...args: never[]) => unknown> = [
  owned(answers.saveAnswer),
  owned(answers.findAnswer),
  owned(answers.recordAnalysis),
  owned(drillFeedback.claimFeedback),
  owned(drillFeedback.releaseFeedback),
  owned(drillFeedback.setFeedbackTs),
  owned(drillReminders.markReminded),
  owned(drillReminders.holdReminder),
  owned(drillReminders.releaseReminder),
  owned(drillReminders.isAnswered),
  owned(drillReminders.cancelReminder),
  owned(drills.insertDrill),
  owned(drills.findDrill),
  owned(drills.lockDrill),
  owned(drills.recordRating),
  owned(drills.markDrillPosted),
  owned(drills.completeDrillPost),
  owned(drills.deleteDrill),
  owned(drills.drillHistory),
  owned(drills.drillHistories),
  owned(drills.recentDrills),
  owned(drills.countAnsweredDrills),
  owned(drills.countRecentOnDemandDrills),
  owned(followUps.findFollowUpAnswer),
  owned(followUps.saveFollowUpAnswer),
  owned(followUps.recordFollowUpAnalysis),
  owned(followUps.claimFollowUpReply),
  owned(followUps.setFollowUpReply),
  owned(followUps.followUpsOfDrills),
  // Ask a colleague: the author's functions scope by (team, author_id), the reviewer's by (team, reviewer_id).
  owned(peerReviews.lockAuthor),
  owned(peerReviews.countAsks),
  owned(peerReviews.findRequestByKey),
  owned(peerReviews.createPeerRequest),
  owned(peerReviews.findRequestForAuthor),
  owned(peerReviews.findRequestForReviewer),
  owned(peerReviews.claimRequestDm),
  owned(peerReviews.setRequestDm),
  owned(peerReviews.releaseRequestDm),
  owned(peerReviews.declineRequest),
  owned(peerReviews.recordReview),
  owned(peerReviews.withdrawRequestsOfDrill),
  owned(peerReviews.claimPeerReply),
  owned(peerReviews.setPeerReplyTs),
  owned(peerReviews.markExpiryNoticed),
  owned(peerReviews.peerRatingsByTopic),
  owned(peerReviews.requestsMadeBy),
  owned(peerReviews.reviewsGivenBy),
  owned(peerReviews.peerCopiesOf),
  owned(peerReviews.deleteRequest),
  owned(people.ofPerson),
  owned(people.ofOwnDrill),
  owned(people.ownDrill),
  owned(people.ownDrillId),
  owned(people.ofPeople),
  owned(progress.recordDaysOff),
  owned(progress.endPauseEarly),
  owned(progress.daysOffOf),
  owned(progress.answeredDrillsOf),
  owned(progress.unansweredDrillsOf),
  owned(progress.exportRowsOf),
  owned(progress.deleteUserData),
  owned(progress.progressRowsOf),
  owned(progress.answeredDrillsOfUsers),
  owned(recaps.claimRecapWeek),
  owned(recaps.unclaimRecapWeek),
  owned(recaps.setRecapTs),
  owned(recaps.advanceRecap),
  owned(recaps.releaseRecap),
  owned(reviewCards.ratedCardsOf),
  owned(reviewCards.ratedCardsOfUsers),
  owned(reviewCards.lockCard),
  owned(reviewCards.saveCard),
  owned(roles.findRole),
  owned(roles.saveRole),
  owned(roles.deleteRole),
  owned(scheduledDrills.insertScheduledDrill),
  owned(scheduledDrills.insertScheduledDrills),
  owned(scheduledDrills.markDrillsPosted),
  owned(stories.findStory),
  owned(stories.storyOfDrill),
  owned(stories.ensureStoryForDrill),
  owned(stories.moveDrillToStory),
  owned(stories.renameStory),
  owned(stories.storiesOf),
  owned(stories.latestTextOfStory),
  owned(stories.storyTitlesByDrill),
  owned(stories.storyCountsOfPeople),
  owned(stories.storyTextsOf),
  owned(subscriptions.findSubscription),
  owned(subscriptions.saveSubscription),
  owned(subscriptions.rescheduleSubscription),
  owned(subscriptions.endSubscription),
  owned(subscriptions.hasScheduledDrill),
  owned(subscriptionClaims.releaseClaim),
  owned(subscriptionClaims.deactivateSubscription),
  owned(subscriptionClaims.endInterviewDrills),
  owned(subscriptions.updateSubscription),
  owned(users.ensureUser),
  owned(users.userUpsert),
  owned(users.findUser),
  owned(users.updateUserZone),
  owned(users.markHomeOpened),
  owned(subscriptions.userWithSubscription),
  owned(exportRequests.takeExportSlot),
  owned(exportRequests.releaseExportSlot),
  owned(workspaceModel.addModelFollowUps),
  owned(workspaceModel.findModelFollowUp),
  owned(mockInterviews.runningMock),
  owned(mockInterviews.findMock),
  owned(mockInterviews.mockOfDrill),
  owned(mockInterviews.startMock),
  owned(mockInterviews.deleteMock),
  owned(mockInterviews.attachMockDrill),
  owned(mockInterviews.markMockStepPosted),
  owned(mockInterviews.advanceMock),
  owned(mockInterviews.continueMock),
  owned(mockInterviews.endMock),
  owned(mockInterviews.claimMockSummary),
  owned(mockInterviews.markMockSummaryPosted),
  owned(mockInterviews.releaseMockSummary),
  owned(mockInterviews.mockInterviewsOf),
];

/**
 * Functions that touch a person's table for no one person in particular, each with why. Nothing here
 * returns or changes one person's rows on an id from a request.
 */
const ACROSS_PEOPLE: Record<string, string> = {
  'subscriptionClaims.claimDueSubscriptions':
    'the scheduler claims every due row, whoever owns it; what follows names the row and its owner',
  'subscriptionClaims.claimQuery': 'the statement of claimDueSubscriptions (bench/tick-cost.ts explains it)',
  'subscriptionClaims.advanceSubscriptions':
    'stores the next delivery of the rows this replica claimed (claimed_by), the batch of the claim',
  'drillReminders.claimDueReminders': 'the scheduler claims every due reminder, whoever it belongs to',
  'recaps.claimDueRecaps': 'the scheduler claims every due recap, whoever it belongs to',
  'tick.surveyTick': 'whether anything at all is due: counts, no one’s rows',
  'tick.surveySql': 'the statement of surveyTick',
  'users.teamsOfEnterprise': 'the workspaces of an organisation, for its installation (no one person)',
  'users.enterpriseOfTeam': 'the organisation of a workspace, for its installation (no one person)',
  'users.adoptLegacyUsers': 'moves the rows of the single-workspace era into their workspace, all at once',
  'installations.purgeWorkspace': 'an uninstalled workspace’s data goes, everyone’s in it',
  'guides.applyGuide':
    'a change of the workspace’s guide: every subscription there whose topics all left the guide falls back to all topics',
  'users.deleteLegacyUsers':
    'rows of the single-workspace era that no one workspace can own (several or only org-wide installs): no person to name',
  'users.hasLegacyUsers': 'whether any row of the single-workspace era is left, at start-up',
  'revokedTeams.purgeRevokedTeam':
    'a workspace that an org-wide app lost access to (team_access_revoked) is purged after 30 days, everyone’s in it',
  'mockInterviews.claimDueMockSummaries':
    'the scheduler claims every mock interview that owes its summary, whoever it belongs to',
  'peerReviews.claimExpiredRequests':
    'the scheduler closes every request past its 7 days, whoever asked; the notices then name the row’s author',
  'exportRequests.forgetOldExportRequests':
    'housekeeping: every request older than the hour the limit counts',
};

/** The exports that touch a person's table: by name in their code, or through another export that does. */
function exportsTouchingPersonTables(): Map<string, (...args: never[]) => unknown> {
  const all = new Map<string, (...args: never[]) => unknown>();
  const texts = new Map<string, string>();
  for (const [mod, exports] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function') continue;
      all.set(`${mod}.${name}`, value as (...args: never[]) => unknown);
      texts.set(`${mod}.${name}`, textOf(mod, value as (...args: never[]) => unknown));
    }
  }
  const tables = new RegExp(`\\b(${PERSON_TABLES.join('|')})\\b`);
  const touching = new Set([...texts].filter(([, text]) => tables.test(text)).map(([k]) => k));
  // Calls to a touching export count too (progressRowsOf reads through findUser, findSubscription ...).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, f] of all) {
      if (touching.has(key)) continue;
      const calls = [...touching].some((t) => new RegExp(`\\b${t.split('.')[1]}\\b`).test(f.toString()));
      if (calls) {
        touching.add(key);
        grew = true;
      }
    }
  }
  return new Map([...all].filter(([k]) => touching.has(k)));
}

describe('owner-scoped repositories', () => {
  const touching = exportsTouchingPersonTables();

  it('finds the functions that touch a person’s table (the detector itself works)', () => {
    expect(touching.has('drills.findDrill')).toBe(true);
    expect(touching.has('followUps.saveFollowUpAnswer')).toBe(true);
    expect(touching.has('reviewCards.ratedCardsOfUsers')).toBe(true);
    expect(touching.has('reviewCards.ratedCardsOf')).toBe(true); // its SQL in a prepared statement
    expect(touching.has('progress.progressRowsOf')).toBe(true); // through findUser, findSubscription ...
    expect(touching.has('installations.installationIdOf')).toBe(false);
    expect(touching.has('events.firstTimeSeen')).toBe(false);
    expect(touching.size).toBeGreaterThan(50);
  });

  it('every exported function touching a person’s table takes the person, or says why it cannot', () => {
    const scoped = new Set<unknown>(OWNER_SCOPED);
    const unaccounted = [...touching]
      .filter(([key, f]) => !scoped.has(f) && !(key in ACROSS_PEOPLE))
      .map(([key]) => key);
    expect(unaccounted).toEqual([]);
  });

  it('every function said to work across people exists and touches a person’s table', () => {
    for (const key of Object.keys(ACROSS_PEOPLE)) expect(touching.has(key), key).toBe(true);
  });
});
