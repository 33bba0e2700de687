/**
 * Answers labelled as a careful interviewer would judge them, to check that the score ranks strong
 * answers above weak ones. Written before the scorer was tuned and not adjusted to fit it: some weak
 * answers have numbers that measure nothing, some strong ones say "we" here and there or have few numbers.
 *
 * `question` is the question's number within its topic in the shipped guide.
 */
import type { StarAnswer } from '../../src/drills/star-answer.ts';

export interface LabelledAnswer {
  topic: string;
  question: 1 | 2 | 3;
  label: 'strong' | 'weak';
  /** Why an interviewer would call it so, in one line. */
  note: string;
  answer: StarAnswer;
}

const INCIDENTS = 'handling-production-incidents';
const COLLABORATION = 'cross-functional-collaboration';
const LEARNING = 'learning-new-technologies-quickly';
const DEBT = 'balancing-technical-debt-with-new-features';
const LEADERSHIP = 'leadership-in-technical-decision-making';

export const CALIBRATION_SET: LabelledAnswer[] = [
  // --- Handling production incidents ---
  {
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    note: 'short but strong: one night, own steps, before/after error rate, a change that stuck',
    answer: {
      situation:
        'Last November our checkout API started returning 502s for about a fifth of requests on a Friday evening.',
      task: 'I was the on-call engineer, so restoring checkout was mine.',
      action:
        'I checked the load balancer logs and saw the errors came from one availability zone. I drained that zone, which stopped the errors in four minutes, then traced the cause to a kernel update that broke our connection tracking. I rolled the AMI back and posted updates in the incident channel every 15 minutes.',
      result:
        'Checkout error rate went from 20% to under 0.1% within 25 minutes. I added a canary stage for AMI changes, and we have not had a repeat since.',
    },
  },
  {
    topic: INCIDENTS,
    question: 2,
    label: 'strong',
    note: 'a real debugging story: traces, query plan, reproduced, measured fix, lesson turned into an alert',
    answer: {
      situation:
        'In March 2023 our nightly billing job at a fintech started finishing hours late, which delayed invoices for about 40,000 customers.',
      task: 'I owned the billing pipeline and had to find out why it slowed down without any code change.',
      action:
        'I compared job traces from a good night and a bad night in Datadog and saw the time going into one Postgres query. I ran EXPLAIN ANALYZE on a copy of production and found the planner had switched to a sequential scan after the invoices table crossed 50 million rows. I reproduced it on staging, added a partial index on unpaid invoices, and verified the plan before shipping it behind a feature flag. I also wrote a short runbook for reading query plans so the next person would not start from zero.',
      result:
        'The job went from 5 hours back to 35 minutes, and invoices went out on time the next morning. I learned to alert on job duration trends, not only failures; I added that alert the same week and it caught a similar regression two months later.',
    },
  },
  {
    topic: INCIDENTS,
    question: 3,
    label: 'strong',
    note: 'prioritised by impact with reasons, delegated and communicated, measured outcome, runbook afterwards',
    answer: {
      situation:
        'During a regional AWS outage in 2022, our video platform lost its primary database and three downstream services at once.',
      task: 'As incident commander I had to decide what to bring back first with a team of 6 engineers.',
      action:
        'I listed the failures by customer impact and put playback first, because it served 90% of our traffic, and uploads last. I assigned two engineers to fail over the database to the standby region and one to put the upload page into a read-only message. I kept a 10-minute update cadence with support and posted status page updates myself so engineers were not interrupted.',
      result:
        'Playback was back in 38 minutes, uploads in 3 hours, and support tickets about the outage were 70% lower than in our previous incident of the same size. Afterwards I turned that priority list into the runbook we use for every Sev-1.',
    },
  },
  {
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    note: 'owns a self-caused bug, concrete bisect and fix, few numbers but a clear outcome and lesson',
    answer: {
      situation:
        'Two days before a product launch, the search service on our marketplace started timing out for every query containing non-Latin characters.',
      task: 'I had written the tokenizer change that shipped the day before, so I took the incident.',
      action:
        'I reproduced the timeout with a Japanese query on staging, bisected the last five commits and found my regular expression backtracking catastrophically on multi-byte input. I reverted my commit within the hour, then rewrote the tokenizer with a bounded parser and added property-based tests with random Unicode strings.',
      result:
        'Search worked again for all languages before the launch, and the new tests have caught two similar bugs in other people’s changes since. I now run the fuzz suite locally before touching anything that parses user input.',
    },
  },
  {
    topic: INCIDENTS,
    question: 2,
    label: 'strong',
    note: 'short but strong: precise diagnosis, one change verified then rolled out, from ~30 a day to zero',
    answer: {
      situation:
        'In May, our Kubernetes jobs began failing at random with out-of-memory kills after a routine base-image update.',
      task: 'I was on the platform team and picked up the ticket.',
      action:
        'I compared memory profiles of the old and new images and saw the new glibc version’s malloc arenas doubling resident memory on our 16-core nodes. I set MALLOC_ARENA_MAX=2 in one job, confirmed memory matched the old image, then rolled the setting out to all jobs.',
      result:
        'OOM kills went from about 30 a day to zero, with no change in job runtime. I added memory-per-image comparisons to our base-image pipeline so the next regression is caught before rollout.',
    },
  },
  {
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    note: 'long but weak: rambling setup, all "we", "things", "stuff", no measured outcome',
    answer: {
      situation:
        'So at my last job we had a lot of issues with production, like things would go down pretty often and it was kind of a mess, and there were a lot of different teams involved and everyone had their own way of doing things, and management was not really happy about it either, and it had been like that for a long time before I joined, so there was a lot of history there.',
      task: 'We needed to fix the problems and make things more stable in general, and make sure that everyone was on the same page about how to handle incidents going forward.',
      action:
        'We got everyone together and talked about the issues. We looked at the logs and stuff and tried a few different things. The team worked really hard on it and we communicated a lot with the other teams. Eventually we found some problems in the database and fixed them. We also set up some monitoring and things like that.',
      result:
        'In the end things got a lot better and everyone was happy with how it turned out. Management was pleased and the system was much more stable after that.',
    },
  },
  {
    topic: INCIDENTS,
    question: 3,
    label: 'weak',
    note: 'a habit, not an occasion: "I usually", "I would", "I tend to"; no result',
    answer: {
      situation: 'Outages happen in every company, and when they do, it is important to stay calm.',
      task: 'My job in an outage is usually to figure out what matters most.',
      action:
        'I usually start by checking the dashboards and then I would look at what customers are affected. I always try to communicate with stakeholders and I tend to prioritize the most critical services first. I would also make sure the team is not duplicating work.',
      result:
        'This approach generally works well and outages get resolved faster. People appreciate the communication.',
    },
  },
  {
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    note: 'numbers that measure nothing (year, team size, version, ticket), passive and "we", no outcome',
    answer: {
      situation: 'In 2021 I was on a team of 5 engineers working on the payments service, version 3.2.',
      task: 'There was a critical bug, JIRA-4821, that we had to fix.',
      action:
        'We looked into it together and found the bug in the code. The fix was written and deployed by the team after it was reviewed.',
      result: 'The bug was fixed and the ticket was closed. Everyone was relieved.',
    },
  },
  {
    topic: INCIDENTS,
    question: 2,
    label: 'weak',
    note: 'textbook method in the present tense: right vocabulary, no occasion, nothing the candidate did',
    answer: {
      situation:
        'Complex system failures can come from anywhere: the network, the database, the code or a third party.',
      task: 'When debugging, the goal is to find the root cause as quickly as possible.',
      action:
        'I start by reproducing the issue. Then I check the logs and metrics, form a hypothesis, and test it. I try to change one thing at a time. If it is still unclear, I pull in people who know the system better.',
      result:
        'This usually leads to the root cause, and then I can fix it properly and add monitoring so it doesn’t happen again.',
    },
  },

  // --- Cross-functional collaboration ---
  {
    topic: COLLABORATION,
    question: 1,
    label: 'strong',
    note: 'legal, design and support involved concretely, own steps, shipped early, audit passed, lesson',
    answer: {
      situation:
        'At a healthcare startup, legal asked us in January to add consent tracking to our patient app before a regulatory deadline eight weeks away.',
      task: 'I led the three engineers on it and was the point of contact for legal, design and the support team.',
      action:
        'I ran a one-hour workshop where the lawyers walked us through the regulation and I turned each clause into a user story with acceptance criteria they signed off. I paired with our designer on a consent screen prototype and tested it with five support agents, who spotted two confusing labels. I set up a shared Slack channel and a Thursday 20-minute check-in so legal could answer questions within a day instead of through email chains.',
      result:
        'We shipped six days before the deadline and passed the external audit with no findings. Legal now asks for the same workshop format at the start of every compliance project, and I learned to get sign-off on wording before a single screen is built.',
    },
  },
  {
    topic: COLLABORATION,
    question: 2,
    label: 'strong',
    note: 'short but strong: a concrete analogy, an option with a cost, deals closed, a habit formed',
    answer: {
      situation:
        'Last year our sales team kept promising customers real-time reports that our nightly batch pipeline could not deliver.',
      task: 'I was asked to explain to the sales leadership why, and what was possible.',
      action:
        'I drew the pipeline as a delivery truck that leaves once a night, and showed on one slide what a courier option would cost: two engineers for a quarter. I offered a middle path: hourly refreshes for the three reports customers asked about most.',
      result:
        'Sales stopped promising real-time within a week, and the hourly reports shipped in 3 weeks. Two deals that had stalled on the question closed that quarter. Since then I start every explanation to non-engineers with a picture before any numbers.',
    },
  },
  {
    topic: COLLABORATION,
    question: 3,
    label: 'strong',
    note: 'pushback backed by a spike and data, offered an alternative, measured outcome, lesson',
    answer: {
      situation:
        'In 2022 product asked my team to add a full-text search to the mobile app in one sprint, ahead of a marketing campaign.',
      task: 'As the mobile lead I had to decide whether that was doable and say so.',
      action:
        'I spiked it for a day and found the backend could not index the data without a schema migration that would take three weeks. I went to the product manager with two options written up: ship a filter by category and date in the sprint, or delay the campaign by three weeks for real search. I showed her the analytics, which said 80% of searches were for a category anyway. She chose the filters.',
      result:
        'The filters shipped on time, the campaign launched as planned and search-related support tickets dropped by half. Full search came a quarter later. I learned that pushing back lands better with an alternative in hand than with a no.',
    },
  },
  {
    topic: COLLABORATION,
    question: 1,
    label: 'strong',
    note: 'sat with support, built what they needed, before/after numbers, lasting change in how teams work',
    answer: {
      situation:
        'At a travel company in 2021, the customer-support team was tagging refund tickets by hand, around 1,200 a week, and our refund API gave them no status.',
      task: 'I was the engineer assigned to work with the support operations manager to cut that manual work.',
      action:
        'I sat with two support agents for a morning and watched them handle 30 tickets, noting every tab they opened. I proposed a refund status field in Zendesk fed by our API, and I wrote the integration with a webhook and a nightly reconciliation job. Each Friday I demoed progress to the support manager, and we changed the status names twice after agents said they were confusing.',
      result:
        'Manual tagging dropped from about 1,200 tickets a week to under 200, and average refund-ticket handling time fell from 11 minutes to 4. Support now brings us problems with a sample of tickets attached, which started with this project.',
    },
  },
  {
    topic: COLLABORATION,
    question: 1,
    label: 'weak',
    note: 'long but weak: a list of departments, "we", "kept everyone in the loop", stakeholders "happy"',
    answer: {
      situation:
        'We had this big project that involved pretty much every department in the company, marketing, sales, design, product, customer support, and even finance at some point, because it was a new pricing page and everybody had opinions about it, and it went on for quite a while with a lot of meetings and back and forth.',
      task: 'Our goal as a team was to deliver the new pricing page and keep all the stakeholders happy while doing it.',
      action:
        'We had a lot of meetings with the different teams and tried to understand what everyone wanted. We communicated regularly and kept everyone in the loop. There were some disagreements but we worked through them together as a team. We made a lot of changes based on feedback and tried our best to accommodate everyone.',
      result:
        'In the end the page launched and the stakeholders were happy with it. It was a great learning experience for everyone involved.',
    },
  },
  {
    topic: COLLABORATION,
    question: 2,
    label: 'weak',
    note: 'a habit ("I usually", "I tend to"), no audience, no example of an explanation',
    answer: {
      situation: 'I often have to explain technical things to people who are not engineers.',
      task: 'The goal is always to make sure they understand.',
      action:
        'I usually avoid jargon and I try to use analogies. I would check whether they followed and I tend to use diagrams when things get complicated.',
      result: 'People generally understand me and appreciate it.',
    },
  },
  {
    topic: COLLABORATION,
    question: 3,
    label: 'weak',
    note: 'all passive: nobody did anything, no requirement named, no outcome',
    answer: {
      situation: 'There was a product requirement that did not make sense technically.',
      task: 'It had to be pushed back on.',
      action:
        'The concerns were raised in a meeting and the requirement was discussed. It was eventually agreed that it would be changed.',
      result: 'The requirement was changed and things went fine after that.',
    },
  },

  // --- Learning new technologies quickly ---
  {
    topic: LEARNING,
    question: 1,
    label: 'strong',
    note: 'a plan that worked: read production code, got reviews, wrote a guide; dated outcomes for self and team',
    answer: {
      situation:
        'In 2023 our team inherited a Go service after an acquisition, and none of us had written Go; the first feature for it was due in five weeks.',
      task: 'I volunteered to get productive first and make the rest of the team productive.',
      action:
        'I did the Tour of Go in two evenings, then read the service’s code path for the feature end to end and wrote down every idiom I did not understand. I asked one of the acquired company’s engineers for two one-hour code reviews of my first pull requests, which fixed my habit of ignoring returned errors. I turned my notes into a 10-page onboarding guide with the five patterns the codebase used most.',
      result:
        'I merged my first production change in week two, and the feature shipped in four and a half weeks. The other three engineers used the guide and each had a pull request merged in their first week. I now start any new language by reading the production code we own before tutorials.',
    },
  },
  {
    topic: LEARNING,
    question: 2,
    label: 'strong',
    note: 'short but strong: criteria first, same thin slice in three tools, measured, a lesson on method',
    answer: {
      situation:
        'Last spring my team needed a feature-flag tool because our homegrown config switches caused two bad releases.',
      task: 'I was asked to recommend one within two weeks.',
      action:
        'I wrote down our four must-haves, including percentage rollouts and an audit log, then built the same small rollout in LaunchDarkly, Unleash and Flagsmith in a day each. I measured SDK latency in our staging cluster and priced each for our 40 services.',
      result:
        'We chose Unleash, self-hosted, at a fifth of LaunchDarkly’s price, with p95 flag checks under 2 ms. We have had no config-caused bad release in the nine months since. I learned to build the same thin slice in each option rather than compare feature lists.',
    },
  },
  {
    topic: LEARNING,
    question: 1,
    label: 'strong',
    note: 'learned three.js under a deadline, profiled and fixed a real problem, measured demo, stated takeaway',
    answer: {
      situation:
        'Two weeks before a conference demo, our CTO asked me to add a WebGL 3D view to our React dashboard; I had never used three.js or shaders.',
      task: 'I had to have a working, smooth 3D view of our warehouse layouts in time for the demo.',
      action:
        'I skipped the general tutorials and rebuilt the one example from the three.js docs that was closest to what we needed, an instanced mesh of boxes. I profiled it with Chrome’s performance panel and found my per-frame object allocation was dropping frames, so I switched to reusing geometry buffers. I asked a game-developer friend to review my render loop over a video call, which took an hour and saved me days.',
      result:
        'The demo ran at 60 frames per second with 20,000 boxes on a laptop, and two customers asked for the feature afterwards. What I took from it: learn from the example closest to your goal, then profile early.',
    },
  },
  {
    topic: LEARNING,
    question: 3,
    label: 'weak',
    note: 'a habit list (blogs, podcasts) with no occasion where staying current mattered',
    answer: {
      situation: 'Technology changes really fast so it is important to stay up to date.',
      task: 'As a developer I need to always keep learning.',
      action:
        'I read a lot of blogs and I usually listen to podcasts on my commute. I also try to go to meetups and I follow various people on Twitter. Sometimes I do side projects to try things out.',
      result: 'This helps me stay current and bring new ideas to my team.',
    },
  },
  {
    topic: LEARNING,
    question: 1,
    label: 'weak',
    note: 'long but weak: rambling context, "we watched a bunch of tutorials", no outcome beyond "released"',
    answer: {
      situation:
        'So this was at a startup where we were building a mobile app, and the decision was made pretty late that we were going to use Flutter instead of native, which nobody on the team had really used before, and there was a lot of uncertainty about whether it was even the right choice, and the timeline was pretty tight, and the founders kept changing their minds about the features too, so there was a lot going on.',
      task: 'We had to learn Flutter and build the app at the same time.',
      action:
        'We watched a bunch of tutorials and read the docs. We tried things out and made a lot of mistakes at first, but over time we got better at it. We helped each other out when someone got stuck and we had some meetings to share what we learned. It was hard work but the team really came together.',
      result:
        'Eventually we got the app built and released. It was a good experience and we all learned a lot about Flutter.',
    },
  },
  {
    topic: LEARNING,
    question: 2,
    label: 'weak',
    note: 'hypothetical throughout ("I would"): a plan, not something that happened',
    answer: {
      situation: 'If my team were considering a new framework, I would want to evaluate it carefully.',
      task: 'I would need to make sure it fits our needs.',
      action:
        'I would compare it with the alternatives, build a small proof of concept, and talk to other teams who use it. I would also look at the community and the documentation.',
      result:
        'That way we would make a well-informed decision and avoid adopting something that doesn’t fit.',
    },
  },
  {
    topic: LEARNING,
    question: 1,
    label: 'weak',
    note: 'long, numbers about the setting (2019, team of 12, 300 files), vague learning, no result',
    answer: {
      situation:
        'In 2019, at my second job, I joined a team of 12 engineers working on version 2 of our analytics product, and they had decided to use Scala, which I had never used, and it was a pretty big codebase with something like 300 files and lots of different modules, and the team had been on it since 2017.',
      task: 'I had to learn Scala.',
      action:
        'We had a lot of code reviews and the team helped me with things. I read some books and did various online courses, and I worked hard to get up to speed. After a while things started to make sense.',
      result:
        'Eventually I was able to contribute to the project like everyone else. It was a good experience.',
    },
  },

  // --- Balancing technical debt with new features ---
  {
    topic: DEBT,
    question: 2,
    label: 'strong',
    note: 'made the case in the listener’s terms with data, sliced the ask, measured after, won the rest',
    answer: {
      situation:
        'At an e-commerce company in 2022, our order service was a 9-year-old Rails monolith, and every change to checkout needed a two-day manual regression pass.',
      task: 'I wanted a quarter to carve checkout out, and I had to convince the VP of product, who had a roadmap full of features.',
      action:
        'I pulled twelve months of Jira data and showed that checkout changes took 3.4 times longer than changes elsewhere and caused 11 of our 14 production incidents. I turned that into lost feature time: roughly one engineer in four working on the monolith’s friction. I proposed doing it in three slices, each shippable, with a feature freeze of only two weeks, and I offered to report progress in her weekly staff meeting.',
      result:
        'She approved two of the three slices. After the first slice, checkout lead time went from 9 days to 3 and regression passes dropped to half a day. The third slice was approved on those numbers. I learned to speak in the listener’s currency: lead time and incidents, not code quality.',
    },
  },
  {
    topic: DEBT,
    question: 1,
    label: 'strong',
    note: 'short but strong: data-driven, a small ask, did the work, before/after, a lasting habit',
    answer: {
      situation:
        'Last year my team’s flaky end-to-end suite failed one build in three, and engineers reran it instead of fixing it.',
      task: 'As tech lead I had to weigh fixing it against a roadmap that was already late.',
      action:
        'I tagged every failure for two weeks and found 6 tests caused 80% of them. I asked for one engineer-week, not a quarter, and fixed those 6 myself with a teammate, quarantining the rest behind a nightly job.',
      result:
        'Build failure rate fell from 33% to 4% and median merge time dropped by 40 minutes. Since then I size debt work from data before asking for it.',
    },
  },
  {
    topic: DEBT,
    question: 3,
    label: 'strong',
    note: 'measured the cost in hours and late reports, pre-wired the audience, funded, measured after',
    answer: {
      situation:
        'In 2021 our data platform’s pipelines were built on an old Airflow 1 deployment that only two people understood.',
      task: 'My manager asked me to show leadership what that debt was costing, because they saw no problem.',
      action:
        'I tracked for a month how many hours went into babysitting failed DAGs: 22 hours a week across the team. I mapped each failure to the report it delayed and found the finance close report was late four times in a quarter. I built a one-page dashboard with those two numbers and the trend, and I reviewed it with the CFO’s analyst before presenting it, so the numbers were not a surprise.',
      result:
        'Leadership funded an Airflow 2 migration for the next quarter. After it, babysitting time fell to about 3 hours a week and the close report has not been late since. I still keep the dashboard, and we review it every quarter.',
    },
  },
  {
    topic: DEBT,
    question: 2,
    label: 'weak',
    note: 'long but weak: complaint-style setup, "we talked to management", "clean up a lot of stuff"',
    answer: {
      situation:
        'We had a lot of technical debt in our codebase, like a lot, it had been building up for years because the company always prioritized features, and the code was really messy and hard to work with, and everyone on the team knew it was a problem but nobody really did anything about it, and it was getting worse and worse over time.',
      task: 'We wanted to convince management to let us spend time on cleaning it up.',
      action:
        'We talked to management a few times about it and explained that the technical debt was slowing us down. We put together some slides about the various problems. There was a lot of back and forth and they were worried about the features, but eventually they agreed to give us some time to work on it.',
      result:
        'We were able to clean up a lot of stuff and the code is in a better place now. Everyone on the team was happy about it.',
    },
  },
  {
    topic: DEBT,
    question: 1,
    label: 'weak',
    note: 'a policy described as habit ("I usually", "I always"), no occasion, no outcome',
    answer: {
      situation: 'Every team has to balance technical debt against new features.',
      task: 'As a senior engineer, it’s my responsibility to keep that balance.',
      action:
        'I usually reserve some capacity in each sprint for debt. I always try to tie debt items to business impact and I tend to fix things as I go when I touch a file. I would push back if the debt was getting too high.',
      result: 'This generally keeps the codebase healthy while still shipping features.',
    },
  },
  {
    topic: DEBT,
    question: 3,
    label: 'weak',
    note: 'numbers that are labels (2020, team of 8, sprint 14, Q3), passive, no measure of the debt',
    answer: {
      situation: 'In 2020 we had a team of 8 on the platform, sprint 14.',
      task: 'The impact of technical debt had to be measured.',
      action:
        'Some metrics were collected by the team and a report was made. It was shared with management in Q3.',
      result: 'The report was well received.',
    },
  },
  {
    topic: DEBT,
    question: 1,
    label: 'weak',
    note: 'short and empty: no situation to speak of, "we did some refactoring", "it helped a bit"',
    answer: {
      situation: 'Our code had tech debt.',
      task: 'We needed to balance it with features.',
      action: 'We did some refactoring when we had time and tried to keep things clean.',
      result: 'It helped a bit.',
    },
  },

  // --- Leadership in technical decision-making ---
  {
    topic: LEADERSHIP,
    question: 1,
    label: 'strong',
    note: 'a hard call (shelve four months of work), time-boxed, told the team, took the risky part, measured',
    answer: {
      situation:
        'In 2022 at a logistics startup, our team had spent four months building a custom event store, and it was still losing events under load two weeks before we had promised it to our biggest customer.',
      task: 'As tech lead it was my call whether to keep fixing it or switch to a managed service.',
      action:
        'I set a 48-hour time box to reproduce the loss and fix it; we found the cause but not a fix we trusted. I wrote a one-page comparison of fixing versus moving to Kafka on Confluent Cloud, with cost, risk and dates, and I recommended switching. I told the team myself that four months of their work would be shelved, and explained why, before the decision went anywhere else. I took the migration’s riskiest part, the replay of historical events, myself.',
      result:
        'We moved to Confluent in three weeks, one week late, with zero lost events in the customer’s load test of 2 million events. The customer signed. I learned to set a kill date for build-versus-buy bets at the start, and I have done so on every one since.',
    },
  },
  {
    topic: LEADERSHIP,
    question: 2,
    label: 'strong',
    note: 'a specific disagreement resolved by agreed criteria and an ADR; adopted by other teams',
    answer: {
      situation:
        'Last year two senior engineers on my team disagreed for weeks on GraphQL versus REST for our new public API.',
      task: 'I had to get a decision the team would stand behind without overruling either.',
      action:
        'I asked each of them to write the strongest case for the other’s option, then ran a 90-minute session where we scored both against four criteria we agreed on first: client needs, caching, tooling and our skills. I recorded the decision and the dissent in an ADR.',
      result:
        'We chose REST with JSON:API by a clear margin, and both engineers signed the ADR. The API shipped in 10 weeks, and the ADR template is now used by all four backend teams. I learned that agreeing on criteria first ends most arguments.',
    },
  },
  {
    topic: LEADERSHIP,
    question: 3,
    label: 'strong',
    note: 'a concrete mentoring method, delegated a real decision and backed it, measured effect',
    answer: {
      situation:
        'In 2023 I had two junior engineers on my team who always asked me which library or pattern to use.',
      task: 'I wanted them to make those decisions themselves within six months.',
      action:
        'I stopped answering directly and asked each of them to write a half-page proposal with two options and a recommendation before we talked. I reviewed the first ones line by line in 30-minute sessions, then moved to only commenting. I gave one of them, Priya, the decision on our retry library, and backed her choice in the architecture review when a staff engineer questioned it.',
      result:
        'By month five they were writing proposals unprompted, and Priya’s retry library cut our duplicate-payment bugs from 7 a quarter to none. I now use the half-page proposal with every new hire.',
    },
  },
  {
    topic: LEADERSHIP,
    question: 1,
    label: 'weak',
    note: 'long but weak: "many moving parts", decision by meetings, "we", "it worked out well"',
    answer: {
      situation:
        'So we were at a point where the architecture was getting old and there were a lot of discussions about what to do with it, whether to rewrite it or refactor it or move to microservices, and there were many different opinions on the team and also from management, and it had been going on for a while, and the product roadmap was also changing a lot, so it was a pretty complicated situation overall with many moving parts.',
      task: 'We had to make a decision about the architecture that would work for everyone.',
      action:
        'We had many meetings and discussions about the options. We looked at the pros and cons of each and talked to various people. There was a lot of debate, and it took a while, but eventually we came to an agreement as a team. Then we started working on the implementation and did a lot of work to make it happen.',
      result:
        'In the end we went with microservices and it worked out well. Everyone was happy with the decision and the system is better now.',
    },
  },
  {
    topic: LEADERSHIP,
    question: 2,
    label: 'weak',
    note: 'habitual ("I usually", "I always", "I tend to"), platitudes, no disagreement described',
    answer: {
      situation: 'Architectural choices often cause disagreements on engineering teams.',
      task: 'As a lead, I’m responsible for building consensus.',
      action:
        'I usually make sure everyone has a chance to speak. I would gather the options and I always try to find common ground. I tend to focus on the trade-offs rather than opinions.',
      result: 'This usually leads to decisions that the whole team supports.',
    },
  },
  {
    topic: LEADERSHIP,
    question: 3,
    label: 'weak',
    note: 'first person but empty: "helped them with things", "supported them in various ways", no example',
    answer: {
      situation: 'I have mentored a number of junior engineers over the years.',
      task: 'I wanted to help them grow.',
      action:
        'I helped them with things when they got stuck and gave them advice about technical decisions. I worked hard to be available and I supported them in various ways.',
      result: 'They grew a lot and became better engineers. It was very rewarding.',
    },
  },
  // --- Hard cases: where surface features and an interviewer's judgement part ways ---
  {
    topic: COLLABORATION,
    question: 2,
    label: 'strong',
    note: 'no numbers at all, yet a vivid explanation tailored to nurses, checked for understanding, rollout approved',
    answer: {
      situation:
        'When our hospital client’s nurses reported that the medication-schedule screen sometimes showed yesterday’s doses, their chief nursing officer asked for an explanation before she would let the rollout continue.',
      task: 'I had found the cause, a caching bug, and I was the one asked to explain it to her and the ward managers.',
      action:
        'I left out the word cache entirely. I compared it to a whiteboard in the ward that someone forgets to wipe at midnight, and showed them the exact screen and time when it happened. I explained what I had changed so the board is now wiped when the date changes, and I gave them a simple check: the date in the top corner must match today’s. I then asked the ward managers to repeat the explanation back to me in their own words, and corrected one misunderstanding about which screens were affected.',
      result:
        'The chief nursing officer approved the rollout to the remaining wards that afternoon, and the ward managers trained their own staff with the whiteboard comparison. I learned that a non-technical audience wants to know how to tell whether it is safe, more than why it broke.',
    },
  },
  {
    topic: DEBT,
    question: 1,
    label: 'strong',
    note: 'few numbers, but a clear judgement (upgrade is half the feature), sold to the client, on schedule, lesson',
    answer: {
      situation:
        'At a small agency last autumn, I maintained a client’s booking site whose PHP 5 codebase could not be upgraded without breaking the payment plugin.',
      task: 'The client wanted a new loyalty feature before Christmas, and I had to decide whether to build it on the old stack or upgrade first.',
      action:
        'I listed what the loyalty feature would touch and found it went through the same payment plugin, so building it first would mean writing it twice. I explained to the client, in a 20-minute call, that the upgrade was the first half of the feature rather than a detour, and proposed doing the upgrade in the first two weeks with the feature right after. I replaced the plugin with Stripe’s current SDK and wrote end-to-end tests around checkout before touching anything else.',
      result:
        'The loyalty feature launched on 1 December, on schedule, and the site has had no payment errors since the upgrade, where it used to have a few every week. I learned to frame debt as part of the feature it unblocks; clients accept that far more readily.',
    },
  },
  {
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    note: 'surface looks fine ("I", past tense, numbers) but the action is a restart on instruction, blame, no diagnosis',
    answer: {
      situation: 'On 3 June 2022 at 14:05 our API went down for 100% of users.',
      task: 'I was told by my manager to restart it.',
      action:
        'I restarted the 4 servers in 10 minutes, as the runbook said. I then went back to my feature work because the database team had caused it.',
      result:
        'The API was back up in 10 minutes and 100% of users could log in again. It was the database team’s fault, not ours.',
    },
  },
  {
    topic: LEARNING,
    question: 1,
    label: 'weak',
    note: 'well told but off topic: a ticket mix-up, nothing learned about any technology',
    answer: {
      situation:
        'Last year a colleague and I were both assigned the same ticket by mistake in sprint planning.',
      task: 'I had to sort out who would do it.',
      action:
        'I messaged him on Slack, we compared our calendars, and I offered to take the ticket because his week was full. I updated Jira so our manager could see the change.',
      result:
        'The ticket was done in 2 days, and we avoided doing the work twice. Since then I check assignments right after planning.',
    },
  },
];
