/**
 * Labelled answers for "Learning New Technologies Quickly". Questions: 1 "Tell me about a time when you had
 * to quickly learn a new technology for a project", 2 "How do you approach evaluating and adopting new tools
 * or frameworks?", 3 "Describe how you stay current with industry trends and advancements".
 */
import {
  ASKS_FOR_ACTION,
  ASKS_FOR_MEASURE,
  ASKS_FOR_OWN_PART,
  CALLS_IT_ROUTINE,
  CREDITS_HABIT,
  CREDITS_REFLECTION,
  creditsAsMeasured,
  FLAGS_HYPOTHETICAL,
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
  VAGUE_THINGS,
} from './golden.ts';
import { DEBT, type LabelledSetAnswer, LEARNING } from './types.ts';

export const LEARNING_ANSWERS: LabelledSetAnswer[] = [
  // ---- strong ----
  {
    id: 'lrn-plain-modest-1',
    topic: LEARNING,
    question: 1,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: true,
    note: 'Learns enough iOS to fix a crash after the contractor left; honest about limits; a lasting README.',
    answer: {
      situation:
        'Our iOS contractor left at short notice, and a few days later the app started crashing for some users on the screen where they upload receipts. Nobody left in the team had written Swift.',
      task: 'I was the Android developer, so I was the closest thing we had. I needed to learn enough to find and fix the crash, not to become an iOS expert.',
      action:
        "I spent the first day just getting the project to build, and wrote down every step because nothing was documented. I read Apple's guide on memory and the photo picker, then used the crash reports to find the line: the app kept full-size photos in memory, and older phones ran out. I changed it to resize the image before keeping it, tested on the oldest iPhone we could borrow, and asked a friend who works in iOS to look over the change before we submitted it.",
      result:
        'The fix went out in the next app store update and the crash reports for that screen stopped. The build notes became the project README, and the iOS developer we hired two months later said it got him running on his first day. I am still not an iOS expert, but I can now fix small things there without help.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, SAYS_NOTHING_CHANGED],
  },
  {
    id: 'lrn-plain-modest-2',
    topic: LEARNING,
    question: 3,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Answers "how do you stay current" with one real example: a release note read, tried, adopted, shared.',
    answer: {
      situation:
        'I keep an hour on Friday afternoons for reading release notes of the tools we use. Last year, in the Postgres 15 notes, I read about the new MERGE command.',
      task: 'Our nightly sync job used a long, hand-written upsert that deadlocked a few times a month, so I wanted to know whether MERGE could replace it.',
      action:
        'I tried MERGE on a copy of the sync tables the same afternoon, compared the results row by row with the old job, and then ran both side by side for a week in staging. I showed the team the difference in our next review and made the change with a colleague who knew the job better than me.',
      result:
        'The job lost about 200 lines of code and the deadlocks have not come back since. After that, the team asked me to share what I find, so I now post a short note in our channel once a month with anything from release notes that could matter to us.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, FLAGS_HYPOTHETICAL],
  },
  {
    id: 'lrn-concise-1',
    topic: LEARNING,
    question: 1,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 90 words: learns Go in a week by fixing real bugs with review; measured by taking on-call alone.',
    answer: {
      situation: 'Our team inherited a Go service; I only knew Python.',
      task: 'I had one week before I joined its on-call rota.',
      action:
        'I did the Go tour over two evenings, then read the service request path by request path and fixed three small open bugs to learn it, asking the previous owner to review each pull request.',
      result: 'I joined on-call on schedule and resolved the first page alone in 20 minutes.',
    },
    mustNotSay: [SHORTEN_SITUATION, FLAGS_OFF_TOPIC],
  },
  {
    id: 'lrn-concise-2',
    topic: LEARNING,
    question: 2,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 90 words: a week comparing three test runners on speed, flakiness and migration effort; on topic.',
    answer: {
      situation: 'Our Jest suite took 14 minutes in CI.',
      task: 'I was asked to pick a faster test runner.',
      action:
        'I spent a week comparing three test runners on speed, flakiness and migration effort: I ported the same 200 tests to each and ran every suite 20 times in CI.',
      result:
        'We moved to Vitest, and CI went from 14 minutes to 5 with no new flaky tests in the following month.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC, SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'lrn-non-native-1',
    topic: LEARNING,
    question: 1,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Dated Kubernetes migration narrated in the present tense with slips; clear plan and measured result.',
    answer: {
      situation:
        'Last year in September my company decide to move all services to Kubernetes, and I never use it before. The deadline is two months, because the old servers contract is finishing.',
      task: 'I am the one who must prepare the migration for my team of six and move our twelve services.',
      action:
        'In the first week I do the official tutorial every morning and in the afternoon I try to run our smallest service on a test cluster, because I learn better when I break real things. I write every problem and the solution in a wiki page. Then I make one template for our services, with health checks and limits, and I do pair programming with each colleague to move one service together, so after that they can move the next alone.',
      result:
        'We migrate all twelve services in seven weeks, one week before the deadline, and the deploy time goes from 40 minutes to 8 minutes. The wiki page is now used by two other teams for their migration.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'lrn-non-native-2',
    topic: LEARNING,
    question: 2,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native account of evaluating three feature-flag tools on criteria; a decision and a measured outcome.',
    answer: {
      situation:
        'In 2021 our team need a feature flag tool, because we deploy every day but we release features only when marketing is ready.',
      task: 'My lead ask me to evaluate the options and propose one in two weeks.',
      action:
        'I compare three options: a paid service, an open source tool we host ourself, and to build our own. For each I check the price, how it works with our Java and React code, and what happens when the flag service is down. I build a small test with each one in our staging, and I discover the open source one keeps the flags in memory, so if the server is down the app still works. I write one page with the comparison and present it to the team.',
      result:
        'We choose the open source tool. The cost is zero licence instead of 20,000 euro per year, and after six months we use it for 40 flags without one incident.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE],
  },
  {
    id: 'lrn-detailed-1',
    topic: LEARNING,
    question: 1,
    label: 'strong',
    kind: 'detailed',
    heldOut: true,
    note: 'Long story of learning Rust for a hot path: structured plan, expert help, risk control, measured result and lesson.',
    answer: {
      situation:
        'At an observability startup, our log ingestion pipeline parsed incoming log lines in Python and could not keep up: at peak, customer logs queued for up to 20 minutes before they were searchable, and adding machines had become our biggest cost. The team agreed to rewrite the parser in a faster language, and Rust was the best fit, but nobody on the team had written Rust, and we had one quarter before two large customers were due to onboard.',
      task: 'I was the senior engineer on the pipeline, so I took on learning Rust quickly enough to write the new parser myself and to make sure the rest of the team could maintain it after me.',
      action:
        'I set myself a three-week learning plan with a clear end: a parser for one log format that matched the Python output exactly. In the first week I read the first half of the Rust book in the mornings and did small exercises on ownership and lifetimes in the afternoons, since those were what people said slowed them down. In the second week I wrote the parser for our simplest format and built a comparison harness that ran the Python and Rust parsers on a day of real logs and reported every difference. When I got stuck on how to share parsed buffers without copying, I booked an hour with a Rust consultant a colleague recommended, which saved me days. In the third week I added the remaining formats, still checked against the harness, and profiled the result. I kept a running document of what surprised me, which became the onboarding guide for the two engineers who joined the work in month two. We rolled it out behind a flag to 5% of traffic, then 50%, then everything, with the old parser kept ready for a month.',
      result:
        'Throughput per core went from about 40 MB/s to 350 MB/s, the queue at peak went from up to 20 minutes to under 10 seconds, and we cut the ingestion fleet from 30 machines to 6. Both customers onboarded on time. The two engineers who joined later have since added three new formats without my help. I learned that a narrow, testable first goal makes learning a language much faster, and I now start any new technology with a comparison harness against what it replaces.',
    },
    mustNotSay: [...SAYS_RESULT_UNMEASURED, SAYS_NOTHING_CHANGED, FLAGS_OFF_TOPIC],
  },
  {
    id: 'lrn-detailed-2',
    topic: LEARNING,
    question: 3,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long answer on staying current that lists the five things it changed, then shows one trend adopted with a result.',
    answer: {
      situation:
        'Two years ago I noticed I was learning about new tools mostly from whatever happened to reach my social feeds, and twice that year a colleague from another team showed us something that would have saved us weeks. I was a senior engineer on a platform team of seven, responsible among other things for our monitoring.',
      task: 'I wanted a deliberate way to stay current that led to real changes in our systems, not just more reading, and I wanted the team to share the effort.',
      action:
        'I changed five things: I replaced social feeds with four newsletters and the release notes of our ten most important dependencies; I kept a running list of ideas with a one-line note on why each might matter to us; I started a fortnightly 30-minute session where one person presents one item from the list; I gave each idea that survived the session a time-boxed spike of at most two days; and I wrote up every spike, including the ones we rejected. Not every idea survived: a new build tool we tried was faster, but half of our plugins had no equivalent, and that write-up later saved another team the same two days. The clearest result came from OpenTelemetry. It came up in a newsletter, I presented it, and the spike showed we could replace the two vendor agents we ran with one collector and get traces across all our services. I led the migration over the next quarter, starting with the two services that caused the most incidents.',
      result:
        'In incidents after the migration, the time to find the failing service went from around 40 minutes to about 10, and we dropped one vendor contract. Of the 23 ideas we looked at in the first year, six turned into real changes and the rest were written off in two days or less each. The fortnightly session still runs, and other teams now send people to it.',
    },
    mustNotSay: [VAGUE_THINGS, FLAGS_OFF_TOPIC, FLAGS_HYPOTHETICAL, ...SAYS_RESULT_UNMEASURED],
  },
  // ---- weak ----
  {
    id: 'lrn-buzzword',
    topic: LEARNING,
    question: 3,
    label: 'weak',
    kind: 'buzzword',
    heldOut: false,
    note: 'Growth-mindset buzzwords, no source, no example, no change that came of it.',
    answer: {
      situation:
        "In today's rapidly evolving tech landscape, staying ahead of the curve is mission-critical for any high-performing engineer.",
      task: 'As a lifelong learner with a growth mindset, I need to continuously upskill and future-proof my skill set.',
      action:
        'I proactively leverage cutting-edge content, thought leadership and best-in-class communities to cross-pollinate ideas. I am always exploring emerging paradigms and disruptive innovations and evangelising them across the organisation.',
      result:
        'This keeps me ahead of the curve and allows me to add value and drive innovation at scale. Going forward I will keep investing in continuous learning.',
    },
    mustNotSay: [...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lrn-we-only',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'we-only',
    heldOut: false,
    note: 'Learning GraphQL told as "we" throughout; a number in the result but no personal learning.',
    answer: {
      situation: 'We had to build our new mobile API in GraphQL, which none of us had used before.',
      task: 'We needed to learn it fast enough to ship within the quarter.',
      action:
        'We watched a few online courses, we built a small prototype together, we read the documentation of the server library and we rewrote the main endpoints one by one.',
      result: 'We shipped on time and the new API cut the payload size of the main screen by half.',
    },
    mustSay: [ASKS_FOR_OWN_PART],
  },
  {
    id: 'lrn-no-result',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'no-result',
    heldOut: true,
    note: 'Learning steps for Elixir, but no outcome; "still learning" is not a result or a reflection.',
    answer: {
      situation:
        'Our company acquired a startup whose backend was written in Elixir, and my team took it over.',
      task: 'I needed to learn Elixir to be able to work on the codebase.',
      action:
        'I bought a book on Elixir and OTP, worked through the exercises in the evenings, and read through the main modules of the acquired codebase. I also joined the Elixir community forum and asked a few questions there.',
      result: 'I am still learning it honestly, there is always more to pick up.',
    },
    mustSay: [SAYS_NO_RESULT],
    mustNotSay: [...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lrn-unmeasured-result',
    topic: LEARNING,
    question: 2,
    label: 'weak',
    kind: 'unmeasured-result',
    heldOut: false,
    note: 'A plausible evaluation, but the result is only that it "worked out well"; "going forward" is not a lesson.',
    answer: {
      situation:
        'Our frontend was built with an old version of Angular and we were considering a move to React.',
      task: 'I was asked to evaluate whether we should switch.',
      action:
        'I read some comparisons online, built a small page in React to see how it felt, and discussed the options with the other frontend developers.',
      result:
        'The new framework worked out well and the team liked it a lot. Going forward I will keep evaluating tools this way.',
    },
    mustSay: [ASKS_FOR_MEASURE],
    mustNotSay: [...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lrn-off-topic',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'off-topic',
    fitsTopic: DEBT,
    heldOut: false,
    note: 'A good story about convincing leadership to pay down debt; asked about learning a new technology. Fits technical debt.',
    answer: {
      situation:
        'Our checkout service had years of shortcuts in it: no tests on the tax logic, copied code for each country, and a deploy that needed a manual database step. Every new country took the team two months.',
      task: 'I wanted leadership to give us time to clean it up before the next three countries were added.',
      action:
        'I went through the last year of tickets and showed that 35% of our checkout time went on bugs and workarounds in that code. I proposed spending one sprint in three on the worst parts, starting with the tax logic, and I showed how that would shorten each new country. My director agreed to try it for one quarter.',
      result:
        'After the quarter, adding a country took three weeks instead of two months, and checkout bugs dropped from about ten a month to three.',
    },
    mustSay: [FLAGS_OFF_TOPIC, NAMES_TOPIC[DEBT]],
  },
  {
    id: 'lrn-hypothetical',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'hypothetical',
    heldOut: false,
    note: 'Asked for a time they learned fast; gives a general method in "I would" and "I usually", plus frequency ("how often"), never one real occasion.',
    answer: {
      situation:
        'When a project needs a technology I do not know yet, for example a new framework, time is usually short.',
      task: 'My goal in that case would be to become productive as fast as possible.',
      action:
        'I would start with the official documentation and a quick tutorial, then build a small proof of concept. I usually check how often the project is released and how active its community is, and I would find someone who has used it before and ask them for an hour of their time.',
      result: 'This way I would be productive within a couple of weeks and the project would not be delayed.',
    },
    mustSay: [TELL_ONE_OCCASION],
    mustNotSay: [CREDITS_HABIT, ...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'lrn-stuffed-claims',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'stuffed-claims',
    heldOut: false,
    note: 'Fragments with numbers and "I" claims; no account of how anything was learned.',
    answer: {
      situation: 'New stack. Kafka. 3 weeks.',
      task: 'I owned it. I had to learn it.',
      action: 'I learned Kafka. I led the design. I taught the team. I built the pipeline.',
      result: '10,000 events per second. 40% faster. 2x throughput. Delivered on time. 100% adoption.',
    },
    mustSay: [LIST_OF_CLAIMS],
  },
  {
    id: 'lrn-blame',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'blame',
    heldOut: true,
    note: 'Blames the previous team and architect; the "result" is a two-month delay put on others.',
    answer: {
      situation:
        'When I joined, the previous team had left no documentation at all. They were disorganised, and the architect had picked an obscure framework that nobody else knew.',
      task: 'I had to learn that framework to deliver the reporting feature.',
      action:
        'I read the little documentation the framework had and went through the code to figure out how it worked, since nobody from the old team bothered to help.',
      result:
        'It took two months longer than planned, which was because of the bad decisions made before I joined.',
    },
    mustSay: [OWN_THE_STORY],
    mustNotSay: [...PRAISES_MEASURED_RESULT, creditsAsMeasured('two months')],
  },
  {
    id: 'lrn-situation-heavy',
    topic: LEARNING,
    question: 3,
    label: 'weak',
    kind: 'situation-heavy',
    heldOut: false,
    note: 'Long context on the industry and the company, one line of vague action, no result.',
    answer: {
      situation:
        'I work in the insurance industry, which has traditionally been slow to adopt new technology. Most of our core systems are mainframe-based and were written decades ago, and many of the people who built them have retired. In the last few years the company started a digital transformation programme, hiring a new CTO from a tech company and moving new products to the cloud. At the same time, there is a lot happening in the wider industry: machine learning for claims, new regulation on data, cloud-native architectures and serverless. Our department has a training budget, but it is small and mostly used for certifications. The pace of change means that what was best practice three years ago is often outdated now, and it is easy to fall behind.',
      task: 'I need to stay current.',
      action: 'I read some blogs.',
      result: 'I stay fairly up to date.',
    },
    mustSay: [ASKS_FOR_ACTION],
  },
  {
    id: 'lrn-vague-short',
    topic: LEARNING,
    question: 1,
    label: 'weak',
    kind: 'vague-short',
    heldOut: false,
    note: 'Two or three words a part; nothing learned is named.',
    answer: {
      situation: 'New framework.',
      task: 'Learn it.',
      action: 'Studied it.',
      result: 'Done.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...PRAISES_MEASURED_RESULT],
  },
];
