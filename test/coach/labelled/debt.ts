/**
 * Labelled answers for "Balancing Technical Debt with New Features". Questions: 1 "How do you approach
 * prioritizing technical debt versus new feature development?", 2 "Tell me about a time when you had to
 * convince stakeholders to invest in addressing technical debt", 3 "Describe how you measure and
 * communicate the impact of technical debt".
 */
import {
  ASKS_FOR_ACTION,
  ASKS_FOR_MEASURE,
  ASKS_FOR_OWN_PART,
  CALLS_IT_ROUTINE,
  CREDITS_HABIT,
  CREDITS_REFLECTION,
  FLAGS_OFF_TOPIC,
  GRAMMAR_COMPLAINT,
  LIST_OF_CLAIMS,
  NAMES_TOPIC,
  OWN_THE_STORY,
  PRAISES_MEASURED_RESULT,
  quotedFragment,
  SAYS_NO_RESULT,
  SAYS_NOTHING_CHANGED,
  SAYS_RESULT_UNMEASURED,
  SHORTEN_SITUATION,
  TELL_ONE_OCCASION,
  VAGUE_THINGS,
} from './golden.ts';
import { DEBT, type LabelledSetAnswer, LEADERSHIP } from './types.ts';

export const DEBT_ANSWERS: LabelledSetAnswer[] = [
  // ---- strong ----
  {
    id: 'debt-plain-modest-1',
    topic: DEBT,
    question: 1,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Lists the five things that slowed the team, fixes one per sprint beside features; modest before/after.',
    answer: {
      situation:
        'I was one of four developers on a booking website. Feature work always won, and the same annoyances cost us time every week.',
      task: 'I wanted to chip away at them without asking to stop feature work, which the business would not have accepted.',
      action:
        'I wrote down the five things that slowed us down most: the flaky deploy script, the shared staging database, manual migrations, the 20-minute test suite and an outdated React version. For a month I noted each time one of them cost us time, and showed the list to my manager. We agreed that each sprint I would take the worst one that was left, next to my normal feature tickets, starting with the deploy script.',
      result:
        'By the end of that half-year deploys went from something one of us babysat every Friday afternoon to one button that anybody could press, and the staging database stopped being a fight. We still shipped the features on the plan. The list is now a standing item in our sprint planning.',
    },
    mustNotSay: [VAGUE_THINGS, FLAGS_OFF_TOPIC],
  },
  {
    id: 'debt-plain-modest-2',
    topic: DEBT,
    question: 2,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Convinces a manager with support tickets customers noticed; few numbers, clear before/after.',
    answer: {
      situation:
        'Our scheduled jobs ran on a home-made cron system on one old server. Now and then a job silently did not run, and customers noticed before we did, for example when their weekly report did not arrive.',
      task: 'I wanted my manager and the product owner to give me time to move the jobs to the managed scheduler our cloud provider offers.',
      action:
        'Rather than talk about old servers, I collected the support tickets from the last six months that were caused by a job not running and put them on one page with what each customer had said. I estimated the move at two sprints and suggested doing it in the quiet weeks after the summer release. I also said what we would not build in that time, so the trade-off was clear.',
      result:
        'They agreed. After the move, the "did my report run?" tickets stopped, and the Monday morning check of the job logs that I had been doing for a year was no longer needed.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC],
  },
  {
    id: 'debt-concise-1',
    topic: DEBT,
    question: 3,
    label: 'strong',
    kind: 'concise',
    heldOut: true,
    note: 'About 80 words: tags debt-caused work for a quarter, shows its share, gets funding, measured drop.',
    answer: {
      situation: 'Nobody outside engineering could see what our debt cost.',
      task: 'I had to make its cost visible.',
      action:
        'For one quarter I tagged every bug and delay caused by the legacy billing module, and showed the total in our monthly review: 23% of engineering hours.',
      result: 'Leadership funded a rewrite; afterwards billing bugs fell from 15 a month to 3.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'debt-concise-2',
    topic: DEBT,
    question: 1,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 80 words with a four-word Situation: a rule tying refactors to features; measured result.',
    answer: {
      situation: 'Checkout code was fragile.',
      task: 'I had to keep shipping features and stabilise it.',
      action:
        'I agreed with our PM that every feature touching checkout paid for refactoring the code it touched, and I wrote tests first for each of those areas.',
      result:
        'Over two quarters checkout incidents went from six to one, and we shipped all eight planned features.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'debt-non-native-1',
    topic: DEBT,
    question: 2,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Dated story in the present tense with slips: convinces a director with build times; measured result.',
    answer: {
      situation:
        'In the spring 2022 our monolith is so slow to build that every build takes 35 minutes, and developers wait many times per day.',
      task: 'I want to convince my director to give us two sprints for split the build and clean the old modules.',
      action:
        'I measure for two weeks how many builds we do and how long we wait, and I calculate it is around 60 hours of waiting per week for the team. I show this in euros to the director, because she thinks in budget, and I propose a plan with small steps, so we can stop after each step if it does not help.',
      result:
        'She gives us the two sprints. The build goes from 35 to 9 minutes, and now the director ask me each quarter what is the next debt item we should fix.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'debt-non-native-2',
    topic: DEBT,
    question: 3,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native narration of a dashboard that made debt visible to product managers; measured result.',
    answer: {
      situation:
        "Last year our product managers don't understand why small features take so long, and they think the developers are slow.",
      task: 'I decide to show them the impact of our technical debt with real numbers, not only with words.',
      action:
        'I make a small dashboard with three numbers per module: how many hotfixes, how long the review takes, and how many files a normal change touches. I present it in the planning every two weeks, and I explain one module each time with a real example of a feature that was slow because of it.',
      result:
        'The product managers start to put debt tickets in the plan by themselves. After six months the hotfixes go down from twelve to four per quarter, and the PMs still look the dashboard in every planning.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE],
  },
  {
    id: 'debt-detailed-1',
    topic: DEBT,
    question: 2,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long, rich business case to move off an end-of-life database, saving $2M a year; a figure to quote whole.',
    answer: {
      situation:
        'At a travel company, our booking platform ran on a commercial database version that was two years past end of support. We paid for extended support and licences on large servers, the team avoided touching the oldest stored procedures, and every upgrade of anything around it was blocked by it. Leadership saw it as working fine, and a migration had been proposed twice before and turned down as too risky and with no visible benefit for customers.',
      task: 'As the lead engineer for bookings, I had to convince the CTO and the finance director to fund a migration to Postgres, which meant taking three engineers off feature work for most of a year.',
      action:
        'I started by learning why the earlier proposals had failed: both had argued from technology and given no figure for the risk. So I worked with finance to get the real licence and support costs, and with the on-call rota to list every incident of the last two years that involved the database, with the hours each cost. I asked one engineer to spend two weeks migrating a read-only reporting schema as a pilot, to replace guesses about effort with a measured rate. I put it all on two pages: what we pay each year, what the risks cost us, what the migration costs, and a plan in four stages where each stage could be stopped without leaving us worse off. I presented it to the CTO first, took his questions on rollback, added a section on running both databases in parallel for each stage, and then presented it together with him to the finance director.',
      result:
        'The migration was approved and finished in eleven months, one month later than planned. It is saving about $2M a year in licences and support, and the booking search queries that had been slowest got about three times faster on Postgres. Database-related incidents went from eleven in the year before to two in the year after. The two-page format, with the cost of doing nothing first, is now the template our engineering managers use for any large technical investment.',
    },
    mustNotSay: [quotedFragment('$2'), /\$2(?!M)/, ...SAYS_RESULT_UNMEASURED, SAYS_NOTHING_CHANGED],
  },
  {
    id: 'debt-detailed-2',
    topic: DEBT,
    question: 3,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long account of measuring a legacy path\'s cost and reporting it; "from 20% to 0.1%" must be quoted whole.',
    answer: {
      situation:
        'Our pricing service had two code paths: a new one and a legacy one kept for older product types. Everyone agreed the legacy path was bad, but nobody could say how bad, so it never made it into a roadmap. It was slower, it caused most of our pricing bugs, and new developers lost days learning it.',
      task: 'As the tech lead for pricing, I wanted to measure the cost of the legacy path in terms the product and finance people cared about, and report it regularly until it was gone.',
      action:
        'I added a metric for which path each request took, and found that 20% of all price requests still went through the legacy one, most of them for three product types. I went through a quarter of bug tickets and incident reports and tagged those caused by the legacy path: 61% of pricing bugs. I also asked the last three people who joined how long they had spent on it. I turned this into a one-page monthly report: share of traffic on the legacy path, bugs it caused, and the slowest price requests, each with the trend. I proposed moving the three product types one at a time, and agreed with product that each move would ship with a small feature the sales team wanted for that product type, so the work had a visible benefit each month.',
      result:
        'Over five months the share of requests on the legacy path went from 20% to 0.1%, the last of them being a product we retired. Pricing bugs fell from about nine a month to two, and the slowest 1% of price requests got four times faster. The monthly one-page report is now used for two other legacy systems. What I took from it is that a number people can watch fall each month does more than any argument, and I now put a trend line in every proposal about debt.',
    },
    mustNotSay: [
      quotedFragment('20%'),
      quotedFragment('0.1%'),
      quotedFragment('20'),
      ...SAYS_RESULT_UNMEASURED,
    ],
  },
  // ---- weak ----
  {
    id: 'debt-buzzword',
    topic: DEBT,
    question: 1,
    label: 'weak',
    kind: 'buzzword',
    heldOut: false,
    note: 'Framework talk about velocity and sustainability; no debt named, no decision, no result.',
    answer: {
      situation:
        'In an agile, product-led organisation, balancing innovation with platform sustainability is always a key strategic challenge.',
      task: 'I needed to holistically optimise our investment mix between new value creation and engineering excellence.',
      action:
        'I take a holistic, strategic approach, leveraging a north-star framework to prioritise high-impact debt. I champion a culture of continuous improvement and align stakeholders around a shared vision of sustainable velocity.',
      result:
        'We achieved a healthy equilibrium between features and debt and world-class engineering excellence.',
    },
    mustNotSay: [...PRAISES_MEASURED_RESULT, ...CREDITS_REFLECTION],
  },
  {
    id: 'debt-we-only',
    topic: DEBT,
    question: 2,
    label: 'weak',
    kind: 'we-only',
    heldOut: false,
    note: 'A business case told only with "we"; a measured result, but no sign of the candidate\'s part.',
    answer: {
      situation: 'We had a slow, old frontend build that the business did not see as a problem.',
      task: 'We needed the stakeholders to fund a rewrite of the frontend build and the oldest pages.',
      action:
        'We built a business case, we collected page load times and conversion data, we presented it to the stakeholders and we answered their questions.',
      result: 'We got three sprints and we reduced page load time by 40%.',
    },
    mustSay: [ASKS_FOR_OWN_PART],
  },
  {
    id: 'debt-no-result',
    topic: DEBT,
    question: 3,
    label: 'weak',
    kind: 'no-result',
    heldOut: false,
    note: 'Reasonable measurement work, but the Result is only that it was presented; nothing changed or was decided.',
    answer: {
      situation: 'Our team felt that technical debt was slowing us down, but we had no data on it.',
      task: 'I decided to measure it so we could talk about it properly.',
      action:
        'I set up a code quality tool in CI that reports complexity and duplication, and I made a spreadsheet of the modules where we spend the most time fixing bugs. I combined the two into a ranking of the worst modules.',
      result: 'I presented the ranking at the engineering all-hands.',
    },
    mustSay: [SAYS_NO_RESULT],
    mustNotSay: [...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'debt-unmeasured-result',
    topic: DEBT,
    question: 2,
    label: 'weak',
    kind: 'unmeasured-result',
    heldOut: true,
    note: 'Convincing story whose result is only feelings ("went well", "felt much better").',
    answer: {
      situation: 'Our order service had grown messy and every change seemed to break something else.',
      task: 'I wanted the stakeholders to let us spend time refactoring it.',
      action:
        'I explained to the product manager and my manager that the code was hard to work with and that a refactor would make us faster. I suggested we take two sprints for it.',
      result:
        'The stakeholders agreed and the refactor went well. Everyone felt much better about the codebase afterwards.',
    },
    mustSay: [ASKS_FOR_MEASURE],
    mustNotSay: [...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'debt-off-topic',
    topic: DEBT,
    question: 2,
    label: 'weak',
    kind: 'off-topic',
    fitsTopic: LEADERSHIP,
    heldOut: false,
    note: 'A good mentoring story (guiding a junior through a caching decision); asked about convincing stakeholders on debt. Fits leadership in technical decisions.',
    answer: {
      situation:
        'A junior engineer on my team, six months into her first job, was asked to speed up our product catalogue pages, and she came to me unsure how to choose between caching options.',
      task: 'As her mentor, I wanted her to make the decision herself and be able to defend it, not just follow my advice.',
      action:
        'Instead of giving her an answer, I asked her to write down what the pages needed: how fresh the data must be, how much traffic, and what happens when the cache is wrong. I suggested she test two options, an in-memory cache and a CDN cache, on one page each, and we met twice a week for twenty minutes to go through what she found. When she presented her choice to the team, I let her answer the questions and only added one point about cache invalidation.',
      result:
        'She chose the CDN cache, the catalogue pages went from 1.8 seconds to 400 ms, and she led the rollout to the rest of the site. A year later she was mentoring our new graduate the same way.',
    },
    mustSay: [FLAGS_OFF_TOPIC, NAMES_TOPIC[LEADERSHIP]],
  },
  {
    id: 'debt-hypothetical',
    topic: DEBT,
    question: 2,
    label: 'weak',
    kind: 'hypothetical',
    heldOut: false,
    note: 'Asked for a time they convinced stakeholders; gives a hypothetical plan in "would" and "usually".',
    answer: {
      situation:
        'Stakeholders often do not see the value of addressing technical debt because it is invisible to them.',
      task: 'In that case I would need to convince them to invest in it.',
      action:
        'I would build a business case and quantify the cost of the debt in developer hours. I usually present it in terms the business cares about, like time to market, and I would propose a fixed share of each sprint, around 20%, for debt.',
      result:
        'Stakeholders would then see the value and approve the investment, and the team would be faster.',
    },
    mustSay: [TELL_ONE_OCCASION],
    mustNotSay: [...PRAISES_MEASURED_RESULT, CREDITS_HABIT],
  },
  {
    id: 'debt-stuffed-claims',
    topic: DEBT,
    question: 3,
    label: 'weak',
    kind: 'stuffed-claims',
    heldOut: false,
    note: 'Short claims and a stack of percentages; no way of measuring or communicating is described.',
    answer: {
      situation: 'Debt was high. Velocity was low.',
      task: 'I measured it. I owned it.',
      action: 'I built dashboards. I communicated it. I owned the roadmap. I drove alignment.',
      result: '40% less debt. 25% more velocity. 3x fewer bugs. $1M saved. 90% stakeholder satisfaction.',
    },
    mustSay: [LIST_OF_CLAIMS],
  },
  {
    id: 'debt-blame',
    topic: DEBT,
    question: 1,
    label: 'weak',
    kind: 'blame',
    heldOut: false,
    note: 'Blames product management and the previous lead; no prioritisation of its own; result is "still a mess".',
    answer: {
      situation:
        'Product management never let us touch technical debt because they only care about features, and the previous tech lead had written spaghetti code everywhere.',
      task: 'I had to deal with the mess they left.',
      action:
        'I kept raising the debt in every planning meeting, but product always said no, so I fixed things on my own time when I could.',
      result: 'The system is still a mess, but that is on leadership, not on me.',
    },
    mustSay: [OWN_THE_STORY],
    mustNotSay: [...PRAISES_MEASURED_RESULT, ...CREDITS_REFLECTION],
  },
  {
    id: 'debt-situation-heavy',
    topic: DEBT,
    question: 1,
    label: 'weak',
    kind: 'situation-heavy',
    heldOut: true,
    note: 'Paragraphs of history about the codebase, then "I raised it in retro" and "some of it got done".',
    answer: {
      situation:
        'The product was a B2B scheduling tool that had started as a hackathon project eight years earlier and then grown to serve about 2,000 companies. It was written in an old version of Django, and the frontend mixed server-rendered templates with three generations of JavaScript: jQuery, an early Angular and some React. The original founders had written most of the core and had since left. The sales team had signed several large customers with custom features, which were implemented as special cases all over the code, behind checks on the customer id. Tests covered maybe a fifth of the code, mostly the newest parts. The roadmap for the year was full of features promised to customers, and the engineering team had lost two senior people in the spring.',
      task: 'There was a lot of debt and also a lot of features to build.',
      action: 'I raised it in our retro.',
      result: 'Some of it got done.',
    },
    mustSay: [ASKS_FOR_ACTION],
  },
  {
    id: 'debt-vague-short',
    topic: DEBT,
    question: 3,
    label: 'weak',
    kind: 'vague-short',
    heldOut: false,
    note: 'A few words per part: no measure named, no audience, no outcome.',
    answer: {
      situation: 'Lots of debt.',
      task: 'Measure it.',
      action: 'I used metrics.',
      result: 'People saw the impact.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...PRAISES_MEASURED_RESULT],
  },
];
