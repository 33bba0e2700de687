/**
 * Labelled answers for "Cross-Functional Collaboration". Questions: 1 "Describe a project where you had to
 * work closely with teams outside of engineering", 2 "How do you explain complex technical concepts to
 * non-technical stakeholders?", 3 "Tell me about a time when you had to push back on a product requirement".
 */
import {
  ASKS_FOR_ACTION,
  ASKS_FOR_MEASURE,
  ASKS_FOR_OWN_PART,
  CALLS_IT_ROUTINE,
  CREDITS_HABIT,
  CREDITS_REFLECTION,
  creditsAsMeasured,
  FLAGS_OFF_TOPIC,
  GRAMMAR_COMPLAINT,
  LIST_OF_CLAIMS,
  NAMES_TOPIC,
  OWN_THE_STORY,
  PRAISES_MEASURED_RESULT,
  SAYS_NO_RESULT,
  SAYS_NOTHING_CHANGED,
  SAYS_RESULT_UNMEASURED,
  SHORTEN_SITUATION,
  TELL_ONE_OCCASION,
} from './golden.ts';
import { COLLABORATION, INCIDENTS, type LabelledSetAnswer } from './types.ts';

export const COLLABORATION_ANSWERS: LabelledSetAnswer[] = [
  // ---- strong ----
  {
    id: 'col-plain-modest-1',
    topic: COLLABORATION,
    question: 1,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Works on the warehouse floor with non-engineers, changes the design from what they learn; modest before/after.',
    answer: {
      situation:
        'Our warehouse still printed paper picking lists, and the operations team asked engineering for a tablet app to replace them. The first version we built was used for two days and then quietly abandoned.',
      task: 'I was the developer on the app, and I wanted to find out why the pickers went back to paper and fix that with them, not guess from my desk.',
      action:
        'I asked the operations manager if I could spend two days working shifts on the floor. I saw that the pickers wore gloves, so our small buttons did not work, and that the wifi dropped in the back aisles, so the app froze. I made the buttons much bigger, added an offline mode that syncs when the signal comes back, and set up a 15-minute check-in every Thursday with the shift lead to go through what was annoying people that week.',
      result:
        'The shift leads stopped printing lists after the second week. Mis-picks, which used to come up in every weekly operations meeting, went down to a couple a month, and the Thursday check-in is still running with a different developer each quarter.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, SAYS_NOTHING_CHANGED],
  },
  {
    id: 'col-plain-modest-2',
    topic: COLLABORATION,
    question: 2,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Explains eventual consistency to finance with an analogy and an agreed rule; the complaints stop.',
    answer: {
      situation:
        'The finance team kept finding that the revenue dashboard did not match the billing system in the mornings, and they thought our numbers were wrong.',
      task: 'I built the data sync, so it was up to me to explain why the numbers differed for a while and agree with them on when to trust them.',
      action:
        'Instead of talking about replication and batch jobs, I compared it to a bank transfer that shows as pending before it clears. I drew a simple timeline of one invoice moving from billing to the dashboard, with the time each step takes, and went through it with the finance lead. We agreed that the numbers are final at 6 in the morning, and I added a small "still syncing" label to the dashboard until then.',
      result:
        'The finance lead stopped escalating mismatches, and the questions about wrong numbers in our channel went from most mornings to almost none by the next quarter close. Finance now uses the same timeline to explain the delay to auditors.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC],
  },
  {
    id: 'col-concise-1',
    topic: COLLABORATION,
    question: 3,
    label: 'strong',
    kind: 'concise',
    heldOut: true,
    note: 'About 90 words: pushes back with evidence and a prototype of the alternative; measured result.',
    answer: {
      situation: 'Product wanted an instant, in-browser export of all account data.',
      task: 'I had to tell the PM what was feasible without just saying no.',
      action:
        'I showed her that a synchronous export for our largest accounts would take 40 minutes and time out, proposed an emailed download link instead, and built a prototype in two days so she could try it.',
      result:
        'She agreed; it shipped in the planned sprint, and export support tickets fell from about 30 a month to 4.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'col-concise-2',
    topic: COLLABORATION,
    question: 2,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 80 words: explains integration cost to sales with a one-page diagram; escalations drop.',
    answer: {
      situation: 'Sales kept promising customers custom integrations within a day.',
      task: 'I needed them to understand why those took weeks.',
      action:
        'I ran a 30-minute session with a one-page diagram of everything an integration touches, and gave them three questions to ask a customer before promising a date.',
      result: 'Over the next quarter, escalations about missed integration dates fell from nine to two.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'col-non-native-1',
    topic: COLLABORATION,
    question: 1,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native narration (present tense, dropped articles) of a dated project with legal; clear before/after.',
    answer: {
      situation:
        'In 2023 I work with our legal team on GDPR data deletion. Lawyers do not speak our language and we do not speak theirs, and every deletion request is done by hand and takes around three weeks.',
      task: 'I am the engineer who must build automatic deletion, but legal must approve what "deleted" means for each system.',
      action:
        'I organise one workshop where lawyers explain the articles of the regulation, and I make from each article a simple table: which system, which data, delete or anonymise. Legal sign each line. I make also a shared tracker where they can see each request and its status, so they stop asking in email. When the lawyers want to delete also invoices, I explain with the accountant that invoices must stay ten years, and we agree to anonymise the name only.',
      result:
        'Deletion requests that take three weeks by hand before are now done in two days automatically, and the legal team still use the tracker I make for their own audits.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, FLAGS_OFF_TOPIC],
  },
  {
    id: 'col-non-native-2',
    topic: COLLABORATION,
    question: 3,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native push-back story with numbers and an A/B test; slips in grammar only.',
    answer: {
      situation:
        'Two years ago the product manager ask to show real-time stock on every product page, updated each second, for the big sale in November.',
      task: 'I am responsible for the product service, and I know real-time means many thousand calls per second to the warehouse system, which is old and slow.',
      action:
        'I prepare a small table with the numbers: real-time needs around 5,000 requests per second, the warehouse system can do 300. I propose to update the stock each 5 minutes and show "only few left" when stock is low. I ask the PM to test both in A/B test on one category before we decide, and I build the 5-minute version in one week.',
      result:
        'The A/B test shows same conversion for both versions, so the PM agrees. We ship in three weeks instead of three months, and the warehouse system has no problem during the sale.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE],
  },
  {
    id: 'col-detailed-1',
    topic: COLLABORATION,
    question: 1,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long project with support and design: admits a wrong first idea, changes course, measured and lasting result.',
    answer: {
      situation:
        'At a software company with about 40,000 customers, every support ticket landed in one shared queue and agents picked tickets by hand. First response time had crept up to around 11 hours, and the support director asked engineering for "AI routing". I was the engineer assigned, working with the support operations lead, a designer and two senior agents.',
      task: 'I had to deliver routing that support actually trusted, within one quarter, without adding work for the agents who were already overloaded.',
      action:
        'My first idea was a text classifier, and I was wrong to start there. When I sat with the two senior agents for a morning, I saw that most of the delay came from tickets bouncing between teams, not from the first pick, and that the agents already knew which customer plan and product area decided where a ticket should go. So I proposed to the support lead that we start with simple rules built from those two fields, and keep the classifier for later. The designer and I ran three short sessions with agents to agree the rules in their own words, and I turned each rule into a line in a table that support operations could edit themselves without a deploy. I added a "wrong team" button, so every bounce was recorded, and every two weeks I reviewed the bounces with the support lead and we changed the rules together. I also wrote a one-page explainer for the agents, since the director wanted everyone to understand why a ticket went where it did.',
      result:
        'Within the quarter, first response time went from about 11 hours to 3, and bounces between teams fell by more than half. Support operations have since changed the rules over 30 times on their own, without asking engineering. I learned to watch the work before choosing the technology, and I now start every internal tool project with a morning next to the people who will use it.',
    },
    mustNotSay: [SAYS_NOTHING_CHANGED, ...SAYS_RESULT_UNMEASURED, FLAGS_OFF_TOPIC],
  },
  {
    id: 'col-detailed-2',
    topic: COLLABORATION,
    question: 3,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long push-back on storing card numbers: involves compliance, offers tokenisation, the feature ships safely.',
    answer: {
      situation:
        'Our product team planned "one-click refunds" for the customer service tool. The requirement, written with the head of customer service, was to store customers\' full card numbers so agents could refund to any card without looking it up. We were a mid-sized online retailer handling card payments through a payment provider, and we had deliberately kept full card numbers out of our systems to keep our PCI compliance scope small.',
      task: 'As the engineer leading the refunds work, I had to push back on storing card numbers while still giving customer service the faster refunds they needed, and I had to do it without it becoming engineering against product.',
      action:
        'Before saying anything in the planning meeting, I asked the product manager for half an hour to understand what agents actually struggled with. It turned out the slow part was finding the original payment, not the card number itself. I then met our compliance officer and wrote down, in plain language, what storing card numbers would mean: a much larger audit, quarterly scans of more systems, and months of work before we could launch. I brought both to the PM and the head of customer service with an alternative: our payment provider already gave us a token for every payment, so a refund could be sent to the original card with the token and no card number ever stored. I built a quick mock of the agent screen showing the order, the payment and a refund button, so they could see the flow rather than read about it. When the head of customer service worried about refunds to a different card, I agreed we would handle those rare cases through the existing manual process and count how often they happened.',
      result:
        'They agreed to the token approach, and one-click refunds launched six weeks after that meeting, with our compliance scope unchanged. Refund handling time for agents went from about eight minutes to under one, and refunds to a different card turned out to be about 2% of cases, so the manual path stayed. The PM now asks me to review requirements that touch payment data before they go into planning.',
    },
    mustNotSay: [...SAYS_RESULT_UNMEASURED, FLAGS_OFF_TOPIC],
  },
  // ---- weak ----
  {
    id: 'col-buzzword',
    topic: COLLABORATION,
    question: 2,
    label: 'weak',
    kind: 'buzzword',
    heldOut: false,
    note: 'Buzzwords about storytelling and empathy; no stakeholder, no concept explained, no outcome.',
    answer: {
      situation:
        'In my role I am passionate about bridging the gap between technology and the business in a highly matrixed organisation.',
      task: 'I needed to democratise complex technical concepts and drive shared understanding across the value chain.',
      action:
        'I leverage storytelling, empathy and a customer-obsessed mindset to translate technical complexity into business value. I proactively over-communicate, meet stakeholders where they are, and create synergies through transparent, inclusive alignment sessions.',
      result:
        'Stakeholders were empowered and aligned, creating a culture of transparency and trust that unlocked significant value.',
    },
    mustNotSay: [...PRAISES_MEASURED_RESULT, ...CREDITS_REFLECTION],
  },
  {
    id: 'col-we-only',
    topic: COLLABORATION,
    question: 1,
    label: 'weak',
    kind: 'we-only',
    heldOut: true,
    note: 'Collaboration with marketing told only with "we"; a number in the result but no personal part.',
    answer: {
      situation: 'We worked with the marketing team on a new landing page for a spring campaign.',
      task: 'We had to ship the page and the sign-up tracking before the campaign started.',
      action:
        'We set up a shared channel with marketing, we had short daily stand-ups together, we agreed on the tracking events with their analyst and we shipped the page a few days early.',
      result:
        'The campaign launched on time and sign-ups went up by 20% compared with the previous campaign.',
    },
    mustSay: [ASKS_FOR_OWN_PART],
  },
  {
    id: 'col-no-result',
    topic: COLLABORATION,
    question: 3,
    label: 'weak',
    kind: 'no-result',
    heldOut: false,
    note: 'A reasonable push-back, but the story stops before anything is decided or changes.',
    answer: {
      situation:
        'Our product manager wanted to add social login with five different providers to the sign-up page for the next release.',
      task: 'I thought five providers was too much for one release and wanted to push back.',
      action:
        'I looked at our sign-up data and saw most users came from Google accounts. I wrote a short note suggesting we start with Google only and add others if users asked, and I brought it to the planning meeting.',
      result: 'After the meeting the PM said she would think about it.',
    },
    mustSay: [SAYS_NO_RESULT],
    mustNotSay: [...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'col-unmeasured-result',
    topic: COLLABORATION,
    question: 1,
    label: 'weak',
    kind: 'unmeasured-result',
    heldOut: false,
    note: 'Vague outcome ("went really well"); "still trying it out" is not reflection.',
    answer: {
      situation: 'Engineering and the sales team kept clashing over which features to build next.',
      task: 'I was asked to help the two teams work together better.',
      action:
        'I set up a monthly meeting between the sales leads and the engineering leads and started a shared roadmap document that both sides could comment on.',
      result:
        'It went really well and everyone was happy with how it turned out. We are still trying out the shared roadmap.',
    },
    mustSay: [ASKS_FOR_MEASURE],
    mustNotSay: [...PRAISES_MEASURED_RESULT, ...CREDITS_REFLECTION],
  },
  {
    id: 'col-off-topic',
    topic: COLLABORATION,
    question: 2,
    label: 'weak',
    kind: 'off-topic',
    fitsTopic: INCIDENTS,
    heldOut: false,
    note: 'A good incident story (Redis failover) told for "how do you explain technical concepts to non-technical people". Fits production incidents.',
    answer: {
      situation:
        'One evening our session store, a Redis primary, ran out of memory and every logged-in user was signed out and could not sign back in.',
      task: 'I was on call and had to restore logins as fast as possible.',
      action:
        'I saw in the metrics that memory had hit the limit and that keys had no expiry since a change that morning. I promoted the replica to primary to get logins working, then deployed a fix that set a 24-hour expiry on sessions and cleaned up the keys without one.',
      result:
        'Logins worked again 12 minutes after the page, and memory use on the new primary settled at 40% of the limit. I added an alert on keys without expiry.',
    },
    mustSay: [FLAGS_OFF_TOPIC, NAMES_TOPIC[INCIDENTS]],
  },
  {
    id: 'col-hypothetical',
    topic: COLLABORATION,
    question: 3,
    label: 'weak',
    kind: 'hypothetical',
    heldOut: false,
    note: 'Asked for a time they pushed back; describes what they would do and usually do.',
    answer: {
      situation:
        'Product requirements sometimes do not make sense technically, for example when they would take far longer than the business expects.',
      task: 'In that situation my role would be to push back constructively.',
      action:
        'I would first try to understand the why behind the requirement. I usually bring data on the cost and risk, and I would propose two or three alternatives that meet the core need. I always try to keep the relationship positive.',
      result:
        'Normally this leads to a better outcome for everyone and a stronger relationship with product.',
    },
    mustSay: [TELL_ONE_OCCASION],
    mustNotSay: [CREDITS_HABIT, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'col-stuffed-claims',
    topic: COLLABORATION,
    question: 1,
    label: 'weak',
    kind: 'stuffed-claims',
    heldOut: true,
    note: 'A list of claims and numbers in fragments; no account of working with any team.',
    answer: {
      situation: 'Cross-team launch. Marketing, sales, legal. Tight deadline.',
      task: 'I led. I owned the roadmap.',
      action: 'I aligned 5 teams. I drove decisions. I ran the meetings. I removed blockers.',
      result: 'Delivered 2 weeks early. 35% more sign-ups. 50% fewer meetings. 3x faster approvals.',
    },
    mustSay: [LIST_OF_CLAIMS],
  },
  {
    id: 'col-blame',
    topic: COLLABORATION,
    question: 3,
    label: 'weak',
    kind: 'blame',
    heldOut: false,
    note: 'Blames marketing and design; "launched six weeks late" is presented as the result.',
    answer: {
      situation:
        'We were building a new onboarding flow, and marketing kept changing the requirements every week. Design was disorganised and never had the screens ready.',
      task: 'I had to push back on the constant changes so engineering could deliver.',
      action:
        'I told the marketing manager in the planning meeting that their changes were the reason we were behind, and I refused further changes until design delivered the final screens.',
      result: 'We launched six weeks late because of marketing, but the engineering part was done on time.',
    },
    mustSay: [OWN_THE_STORY],
    mustNotSay: [...PRAISES_MEASURED_RESULT, creditsAsMeasured('six weeks')],
  },
  {
    id: 'col-situation-heavy',
    topic: COLLABORATION,
    question: 1,
    label: 'weak',
    kind: 'situation-heavy',
    heldOut: false,
    note: 'Long account of the reorganisation and the teams, then a passive line of action and a non-result.',
    answer: {
      situation:
        'The company had just been through a reorganisation, and product, design, marketing and engineering had moved from one department into four separate ones, each with its own director and its own quarterly goals. Marketing wanted a new pricing page for a launch in the autumn, product wanted to rework the plans and the billing behind it, and design was in the middle of a rebrand that changed every page of the website. Engineering was split into a web team and a billing team, which had different release schedules and did not share a backlog. There had been some friction between marketing and engineering the previous year over a launch that slipped, and people were still careful with each other. The project had three sponsors and no single owner, and the timeline was set by the marketing calendar.',
      task: 'I was on the web team, so I was part of the project.',
      action: 'I attended the meetings and gave input when asked.',
      result: 'The project went ahead.',
    },
    mustSay: [ASKS_FOR_ACTION],
  },
  {
    id: 'col-vague-short',
    topic: COLLABORATION,
    question: 2,
    label: 'weak',
    kind: 'vague-short',
    heldOut: false,
    note: 'Four parts of a few words each; nothing explained, no audience, no outcome.',
    answer: {
      situation: 'Stakeholders were confused.',
      task: 'Explain it.',
      action: 'I explained it simply.',
      result: 'They understood.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...PRAISES_MEASURED_RESULT],
  },
];
