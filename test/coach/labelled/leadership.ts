/**
 * Labelled answers for "Leadership in Technical Decision-Making". Questions: 1 "Tell me about a time when
 * you had to make a difficult technical decision", 2 "How do you build consensus around architectural
 * choices?", 3 "Describe how you mentor junior engineers in technical decision-making".
 */
import {
  ASKS_FOR_ACTION,
  ASKS_FOR_MEASURE,
  ASKS_FOR_OWN_PART,
  BLAME_NOTE,
  CALLS_IT_ROUTINE,
  CREDITS_HABIT,
  CREDITS_REFLECTION,
  creditsAsMeasured,
  FLAGS_HYPOTHETICAL,
  FLAGS_OFF_TOPIC,
  FLAGS_WE_ONLY,
  GRAMMAR_COMPLAINT,
  LIST_OF_CLAIMS,
  NAMES_TOPIC,
  OWN_THE_STORY,
  PRAISES_MEASURED_RESULT,
  SAYS_NO_RESULT,
  SAYS_RESULT_UNMEASURED,
  SHORTEN_SITUATION,
  TELL_ONE_OCCASION,
} from './golden.ts';
import { COLLABORATION, type LabelledSetAnswer, LEADERSHIP } from './types.ts';

export const LEADERSHIP_ANSWERS: LabelledSetAnswer[] = [
  // ---- strong ----
  {
    id: 'lead-plain-modest-1',
    topic: LEADERSHIP,
    question: 1,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Stops a half-built in-house search (sunk cost), talks to the people affected; modest, clear before/after.',
    answer: {
      situation:
        'Two engineers on my team had spent about three months building our own search engine for the help centre. It worked for simple queries, but every new requirement, like typo tolerance, meant weeks more work, and the end kept moving.',
      task: 'I was the team lead, and I had to decide whether we kept going or switched to the search built into the Postgres database we already ran, knowing the two engineers were proud of what they had built.',
      action:
        'I spent a day trying Postgres full-text search on a copy of our help articles with the twenty most common queries from our logs, and it handled all but two of them well. I talked to the two engineers first, before anyone else, showed them the comparison and asked what I was missing. They raised ranking and languages; I checked both and neither changed the picture. I made the call to stop, and I told our manager it was my decision so it would not look like their project had failed.',
      result:
        'Search shipped about a month later instead of "sometime next year", and the two engineers moved on to the reporting features customers had been asking for. Not everyone agreed at the time and I understand why, but nobody has asked to go back.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, BLAME_NOTE],
  },
  {
    id: 'lead-plain-modest-2',
    topic: LEADERSHIP,
    question: 3,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Mentors a junior by asking questions and a one-page design doc; result shown by her later independence.',
    answer: {
      situation:
        'A junior developer on my team had to add email reminders to our app, and she asked me whether she should use a job queue or a scheduled script.',
      task: 'I was her mentor, and I wanted her to learn how to make that kind of decision, not just get my answer.',
      action:
        'I asked her questions instead: what happens if a reminder is sent twice, or an hour late, and how many we would send. I suggested she write a one-page design note with both options and what she expected to go wrong with each. I reviewed it with her, pointed out one failure case she had missed, and let her present it at our team review.',
      result:
        'She chose the queue, built it, and it has run without trouble. A few months later she wrote the design note for her next feature without asking me, and when a new hire joined she was the one explaining the reminder system to him.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, FLAGS_HYPOTHETICAL],
  },
  {
    id: 'lead-concise-1',
    topic: LEADERSHIP,
    question: 2,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 100 words: a concrete consensus technique between two seniors; decision, sign-off and a measured end to a stall.',
    answer: {
      situation: 'Two senior engineers disagreed on REST versus gRPC for our internal services.',
      task: 'As tech lead I needed a decision both would back.',
      action:
        "I asked each to write the strongest case for the other's option, then in one meeting we scored both against latency, tooling and hiring, with the scores visible to the whole team.",
      result:
        'We chose gRPC for the three latency-critical services and REST elsewhere; both signed the decision record, and a debate that had stalled two sprints ended within a week.',
    },
    mustNotSay: [SHORTEN_SITUATION, FLAGS_OFF_TOPIC],
  },
  {
    id: 'lead-concise-2',
    topic: LEADERSHIP,
    question: 1,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 80 words: a costed decision against a higher bill; measured result in pages and on-call time.',
    answer: {
      situation: 'Our self-hosted Kafka cluster paged us weekly.',
      task: 'I had to decide whether to move to a managed service.',
      action:
        'I costed both, ran a two-week trial on one topic, and decided to migrate even though the bill would be 15% higher.',
      result:
        'Kafka pages dropped from about four a month to zero, freeing roughly a day of on-call time each week.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'lead-non-native-1',
    topic: LEADERSHIP,
    question: 1,
    label: 'strong',
    kind: 'non-native',
    heldOut: true,
    note: 'Dated decision (upgrade, not rewrite) narrated in the present tense with slips; ownership and measured result.',
    answer: {
      situation:
        'Last March we have a difficult choice: we continue with our old PHP framework, or we rewrite the whole API in Node, like many people in team want.',
      task: 'I am the tech lead, so the final decision is mine, and I know some people will be disappointed.',
      action:
        'I ask two developers to make a small test: one endpoint in Node and the same endpoint after upgrade to PHP 8. I compare speed, how many weeks for full migration, and the risk for our releases. The rewrite is maybe nine months without new features; the upgrade is three or four. I decide to upgrade, and I explain in a meeting with the numbers why, and I promise we use Node for the new notification service, so people can still work with it.',
      result:
        'In four months we finish the upgrade, response time goes down 35%, and we do not miss one feature release. Some people in team are disappointed first, but later two of them say me it was the right choice.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'lead-non-native-2',
    topic: LEADERSHIP,
    question: 3,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native mentoring story about one junior and one decision, with visible growth afterwards.',
    answer: {
      situation:
        'In 2023 I mentor two junior developers. One of them, Ana, must decide how we store the files that users upload, and she is afraid to choose wrong.',
      task: 'I want she makes the decision herself, but with a good method, so next time she does not need me.',
      action:
        'I give her a simple template: the options, what is important for us, and what happens if we are wrong. She writes three options: database, local disk, object storage. I do not say my opinion; I ask only questions, like "what happens when we have two servers?". When she chooses object storage, I help her prepare for the questions of the senior developers before the architecture meeting.',
      result:
        'Ana presents her decision in the architecture meeting alone and it is accepted with one small change. After six months she reviews the design documents of other people, and she uses the same template with the new junior.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, FLAGS_OFF_TOPIC],
  },
  {
    id: 'lead-detailed-1',
    topic: LEADERSHIP,
    question: 2,
    label: 'strong',
    kind: 'detailed',
    heldOut: true,
    note: 'Long consensus story through an RFC, a dissent taken seriously and folded in, measured and lasting outcome.',
    answer: {
      situation:
        'At an e-commerce company with about 25 engineers, the order pipeline was a chain of synchronous calls: checkout called payments, then inventory, then shipping, then email. When any one of them was slow, checkout was slow, and in the previous peak season a slow shipping provider had made checkout time out for almost an hour. Some engineers wanted to move to events, others thought that would make failures harder to follow, and the discussion had gone round in circles in Slack for weeks.',
      task: 'As the staff engineer for the order domain, I had to get the teams to one architectural decision they would actually carry out, before the next peak season, without forcing it through.',
      action:
        'I wrote a short RFC that set out the problem with data from the last peak, two options (keep synchronous calls and add timeouts and fallbacks, or publish an order-placed event that the other services consume) and the criteria we would judge them by: checkout latency, failure isolation, debuggability and effort. I deliberately gave the synchronous option its best version. I met each of the four team leads one to one before the review, because people say more in private, and the strongest objection came from the shipping lead: she worried that events would be lost between the database write and the publish. Instead of arguing, I asked her to help write that section, and together we added the transactional outbox pattern to the proposal. In the review meeting I went through the criteria one by one, recorded the open questions with owners, and gave a week for written comments before the decision.',
      result:
        '11 of the 12 engineers who voted supported the event-based option, and the one who did not wrote that his concerns had been answered. We moved the pipeline over by the end of the summer; in the next peak season checkout p99 latency stayed under 800 ms, against timeouts the year before, and a shipping provider outage that week did not affect checkout at all. The RFC template is now how the company makes architectural decisions, with 14 RFCs written with it since.',
    },
    mustNotSay: [...SAYS_RESULT_UNMEASURED, FLAGS_OFF_TOPIC],
  },
  {
    id: 'lead-detailed-2',
    topic: LEADERSHIP,
    question: 1,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long story of rolling back a launch despite a marketing date; names an outside cause neutrally and owns its own part.',
    answer: {
      situation:
        "We were launching a new version of our mobile app's sync engine, with a marketing campaign booked for the same day. The morning after the release went to 10% of users, I saw a small number of error reports where notes edited on two devices had lost the older edit. It affected maybe one user in a few thousand, and our CDN provider had also had a partial outage that night, so it was possible the two were linked and the problem would not return.",
      task: 'I was the engineering lead for the release, and I had to decide within hours whether to continue the rollout to everyone as planned, pause it, or roll it back entirely, knowing that a rollback meant missing the campaign date.',
      action:
        'I asked two engineers to try to reproduce the lost edits without the CDN in the path, and within two hours they did, on a fresh pair of devices: the problem was ours, in how the new engine merged conflicting edits. Data loss was the one thing I had said we would never trade for a date, so I decided to roll back, not just pause, because paused users would keep losing edits. I called the marketing director myself before telling anyone else, explained what users would lose and offered a new date based on the fix estimate, and then wrote the decision and its reasons in the release channel. I also said plainly that I had approved a test plan without a two-device conflict test, so part of the miss was mine. We then restored the lost edits from the server-side history for the 140 affected users and emailed each of them.',
      result:
        'No further edits were lost after the rollback, and all 140 users got their notes back. We relaunched nine days later with the merge fixed and a set of two-device conflict tests that now run on every build; they have caught two more merge bugs since. The campaign ran on the new date, and the marketing director later asked for the same kind of call early in every launch we do together.',
    },
    mustNotSay: [BLAME_NOTE, ...SAYS_RESULT_UNMEASURED, FLAGS_WE_ONLY],
  },
  // ---- weak ----
  {
    id: 'lead-buzzword',
    topic: LEADERSHIP,
    question: 2,
    label: 'weak',
    kind: 'buzzword',
    heldOut: false,
    note: 'Servant-leadership buzzwords; no architectural choice named, no consensus built that we can see.',
    answer: {
      situation:
        'In a complex, fast-moving organisation, architectural alignment is key to unlocking scale and velocity.',
      task: 'As a servant leader, I needed to drive consensus and empower the team to own the technical vision.',
      action:
        'I build consensus by fostering psychological safety, radical candour and a culture of ownership. I facilitate inclusive, outcome-focused conversations and align the team around first principles and a shared north star.',
      result:
        'This created strong alignment and buy-in across the organisation and empowered the team to deliver at pace. Going forward I continue to lead with empathy.',
    },
    mustNotSay: [...PRAISES_MEASURED_RESULT, ...CREDITS_REFLECTION],
  },
  {
    id: 'lead-we-only',
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    kind: 'we-only',
    heldOut: false,
    note: 'A difficult decision told only with "we": who decided, and what did the candidate do?',
    answer: {
      situation: 'We had to choose between keeping our monolith and splitting it into services.',
      task: 'We needed to decide before the next hiring round doubled the team.',
      action:
        'We evaluated the options over a few weeks, we listed the pros and cons, we decided on splitting out only the two busiest parts, and we planned the migration in stages.',
      result: 'We finished in six months and cut deploy time by 60%.',
    },
    mustSay: [ASKS_FOR_OWN_PART],
  },
  {
    id: 'lead-no-result',
    topic: LEADERSHIP,
    question: 3,
    label: 'weak',
    kind: 'no-result',
    heldOut: false,
    note: 'Mentoring steps with no outcome; "still" describes the present, not a result or a lesson.',
    answer: {
      situation: 'A junior engineer on my team was struggling to make design decisions on his own.',
      task: 'As his mentor I wanted to help him get more confident.',
      action:
        'I set up weekly one-to-ones, shared some articles on system design with him, and asked him to write a short design note before each bigger task so we could discuss it.',
      result: 'He is still on the team and we still have our one-to-ones every week.',
    },
    mustSay: [SAYS_NO_RESULT],
    mustNotSay: [...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lead-unmeasured-result',
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    kind: 'unmeasured-result',
    heldOut: false,
    note: 'The only numbers in the Result are a team size and a year, which measure nothing the candidate changed.',
    answer: {
      situation: 'Our team had to choose a new frontend framework for the customer portal.',
      task: 'As the senior developer I had to make the final call.',
      action:
        'I compared the main frameworks, talked to the team about what they preferred, and picked React.',
      result:
        'The decision turned out to be the right one and the team was happy with it. Our team of 12 engineers has been using it since 2021.',
    },
    mustSay: [ASKS_FOR_MEASURE],
    mustNotSay: [...PRAISES_MEASURED_RESULT, creditsAsMeasured('12 engineers'), creditsAsMeasured('2021')],
  },
  {
    id: 'lead-off-topic',
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    kind: 'off-topic',
    fitsTopic: COLLABORATION,
    heldOut: true,
    note: 'A good story about working with sales and support on a launch; asked about a difficult technical decision. Fits cross-functional collaboration.',
    answer: {
      situation:
        'We were launching a new reporting feature for our largest customers, and the sales and customer support teams had never been involved in a launch before; they found out about features from the release notes.',
      task: 'I was the engineer on the feature, and I wanted sales and support ready to sell and support it on launch day.',
      action:
        'I ran two short demos for the sales team, with the questions customers were most likely to ask and plain answers to each. I wrote a one-page guide for support on the three things most likely to go wrong and how to spot them, and sat with two support agents during the first week to answer their questions live. I set up a shared channel where sales could post customer feedback directly to the engineers.',
      result:
        'Sales closed four upgrades in the first month using the demo, and support handled all but two reporting tickets without escalating to engineering. The launch checklist with sales and support is now used for every feature.',
    },
    mustSay: [FLAGS_OFF_TOPIC, NAMES_TOPIC[COLLABORATION]],
  },
  {
    id: 'lead-hypothetical',
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    kind: 'hypothetical',
    heldOut: false,
    note: 'Asked for a time; answers with "in a situation like that I would", and an "I would own it" that is not a lesson.',
    answer: {
      situation:
        'In a situation where the team has to make a difficult technical decision, for example choosing a database.',
      task: 'As the lead I would need to make the final call.',
      action:
        'I would gather the options and weigh the trade-offs with the team. I usually involve everyone who will maintain the system, and I would write the decision down with its reasons. If the team could not agree, I would decide and explain why.',
      result: 'If the decision turned out wrong, I would own it and learn from it.',
    },
    mustSay: [TELL_ONE_OCCASION],
    mustNotSay: [...CREDITS_REFLECTION, CREDITS_HABIT],
  },
  {
    id: 'lead-stuffed-claims',
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    kind: 'stuffed-claims',
    heldOut: false,
    note: 'Bare claims and numbers in fragments; the decision and how it was made are never told.',
    answer: {
      situation: 'Hard call. Monolith versus microservices.',
      task: 'I decided. I owned it.',
      action: 'I led 8 engineers. I drove the decision. I owned the architecture.',
      result: 'Resulting in 70% lower latency, 3 new regions, 2x deploy frequency and 50% fewer incidents.',
    },
    mustSay: [LIST_OF_CLAIMS],
  },
  {
    id: 'lead-blame',
    topic: LEADERSHIP,
    question: 2,
    label: 'weak',
    kind: 'blame',
    heldOut: false,
    note: 'Blames the architects and another team for the stalled decision; takes credit for being right.',
    answer: {
      situation:
        'We needed to agree on a message broker, but the architects were disorganised and kept changing their minds, and the platform team blocked every proposal.',
      task: 'I had to get some kind of decision made despite them.',
      action:
        "I wrote up my preferred option and sent it to management, pointing out that the stall was the other team's fault.",
      result: 'Eventually management imposed a decision, which was what I had said from the start.',
    },
    mustSay: [OWN_THE_STORY],
    mustNotSay: [...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lead-situation-heavy',
    topic: LEADERSHIP,
    question: 3,
    label: 'weak',
    kind: 'situation-heavy',
    heldOut: false,
    note: 'A long description of the team and its juniors, then one passive line of mentoring and a vague result.',
    answer: {
      situation:
        'I was a senior engineer in a team of nine, five of whom had joined in the past year straight from a bootcamp or university. The company had grown fast after a funding round, and the seniors were spread thin across three products. Decisions were often made in a hurry by whoever was around, and several of them, like the choice of a state management library and the way we split our services, had caused problems later that the juniors then had to live with. There was no formal mentoring programme, no design review process, and the one staff engineer was mostly busy with hiring. The juniors were keen but often did not know which questions to ask, and they tended to copy whatever pattern they found in the nearest file.',
      task: 'I was supposed to help the juniors.',
      action: 'I answered their questions when they had them.',
      result: 'They have grown a lot.',
    },
    mustSay: [ASKS_FOR_ACTION],
  },
  {
    id: 'lead-vague-short',
    topic: LEADERSHIP,
    question: 2,
    label: 'weak',
    kind: 'vague-short',
    heldOut: true,
    note: 'A four-word Situation and two-word parts; nothing about how consensus was reached.',
    answer: {
      situation: 'Team disagreed on architecture.',
      task: 'Get consensus.',
      action: 'I talked to people.',
      result: 'We agreed.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...PRAISES_MEASURED_RESULT],
  },
];
