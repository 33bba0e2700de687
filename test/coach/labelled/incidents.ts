/**
 * Labelled answers for "Handling Production Incidents". Questions: 1 "Tell me about a time when you had to
 * resolve a critical production issue", 2 "Describe how you approach debugging a complex system failure",
 * 3 "How do you prioritize during a service outage?".
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
import { INCIDENTS, type LabelledSetAnswer, LEARNING } from './types.ts';

export const INCIDENT_ANSWERS: LabelledSetAnswer[] = [
  // ---- strong ----
  {
    id: 'inc-plain-modest-1',
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: true,
    note: 'Owns a self-caused outage, plain fix, before/after without big numbers, a lasting change.',
    answer: {
      situation:
        'At a small accounting software company, the nightly job that emails invoices to customers stopped sending. Support found out the next morning when two customers called asking where their invoices were.',
      task: 'I was on call that week, and it turned out the cause was a change I had made myself, so I wanted to fix it and make sure nobody got billed twice.',
      action:
        'I read the job log and saw the mail provider rejecting every request. The week before I had rotated our API key and updated it in one config file but not in the second one the job reads. I put the new key in, then checked the job table to see exactly which invoices had not gone out before re-running only those, so nobody would get a duplicate. I told support what had happened and what to say to the customers who called.',
      result:
        'All the missing invoices went out before lunch and nobody was billed twice. Afterwards I wrote a short checklist for key rotation that lists every place the key lives, and I have used it for every rotation since; the problem has not come back.',
    },
    mustNotSay: [BLAME_NOTE, FLAGS_HYPOTHETICAL],
  },
  {
    id: 'inc-plain-modest-2',
    topic: INCIDENTS,
    question: 3,
    label: 'strong',
    kind: 'plain-modest',
    heldOut: false,
    note: 'Clear priority call in one real outage (checkout before search), modest tone, lasting runbook change.',
    answer: {
      situation:
        'On a Saturday during a sale, our online shop slowed to a crawl. The search suggestions feature was hammering the main database and everything that used the database, checkout included, was timing out.',
      task: 'I was the engineer on call, and I had to decide what to save first while we found the cause.',
      action:
        'I decided checkout mattered more than search, so I switched off the search suggestions with their feature flag, which took the load off the database within a couple of minutes. I posted in the support channel what was turned off and what customers would notice, so agents could answer. Only once checkout was healthy did I start looking for the slow query, which was a missing index on a table that had grown a lot that week.',
      result:
        'Checkout kept working for the rest of the sale and search suggestions were back that evening with the index in place. The next week I wrote down the order we had used (payments first, then browsing, then extras) as the first page of our runbook, and the team has followed it in the two outages since. I am not sure it was the textbook way, but it kept people buying.',
    },
    mustNotSay: [FLAGS_OFF_TOPIC],
  },
  {
    id: 'inc-concise-1',
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 70 words: four-word situation, specific cause, fix, prevention and a before/after.',
    answer: {
      situation: 'Checkout API kept timing out.',
      task: 'I was on call and owned the fix.',
      action:
        "I traced the timeouts to a missing index on the orders table, dropped by that morning's migration, created the index concurrently, and added a CI check that fails on unindexed foreign keys.",
      result:
        'p95 latency went from 9 seconds back to 300 ms within ten minutes, and the CI check has since caught two more such migrations.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...SAYS_RESULT_UNMEASURED, FLAGS_OFF_TOPIC],
  },
  {
    id: 'inc-concise-2',
    topic: INCIDENTS,
    question: 2,
    label: 'strong',
    kind: 'concise',
    heldOut: false,
    note: 'About 100 words: a real debugging method (bisect by version and OS), root cause, measured result, lesson.',
    answer: {
      situation:
        'After a release, some Android users could not log in, and our server logs showed no errors.',
      task: 'I had to find the cause with nothing in our own logs to go on.',
      action:
        'I split the failures by app version and OS version, saw they were all Android 9 and older, and reproduced it on an emulator: the TLS handshake failed because our new certificate chain needed a root those phones lack. I switched to the cross-signed chain.',
      result:
        'Failed logins fell from 4% to under 0.1% the same afternoon. I now test certificate changes against the oldest OS version we support.',
    },
    mustNotSay: [...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'inc-non-native-1',
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    kind: 'non-native',
    heldOut: true,
    note: 'Dated one-off story told in the present tense with small slips; clear ownership and measured result.',
    answer: {
      situation:
        'Last March we have big outage in payment service. Every ten minutes the pods are restarting and around 8% of payments fail, and it is the end of month so traffic is high.',
      task: 'I am on call this week, so is my responsibility to stop the failures and find the root cause.',
      action:
        'First I look the memory graphs and I see the memory grows after each deploy until the pod is killed. I compare the last two releases and I find a new cache for exchange rates without any limit. I make rollback to previous version to stop the bleeding, then I write the fix with maximum size for the cache and I add an alert when memory is over 80%. I write in the incident channel every 20 minutes so the business team knows the status.',
      result:
        'After the rollback the restarts stop in 15 minutes and failed payments go back to normal, under 0.2%. With the fix the memory stays flat around 600 MB instead to grow to 2 GB. Since then I add a memory check in our release checklist and we do not have this problem again.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE, ...SAYS_RESULT_UNMEASURED],
  },
  {
    id: 'inc-non-native-2',
    topic: INCIDENTS,
    question: 3,
    label: 'strong',
    kind: 'non-native',
    heldOut: false,
    note: 'Non-native narration of one dated outage with explicit priorities and numbers; no grammar penalty due.',
    answer: {
      situation:
        'In winter 2022 our main database goes in read-only mode because the disk is full. Customers cannot place orders, and also the reporting, the emails and the admin tool are broken.',
      task: 'I am the senior on call, so I must decide what we bring back first and in which order.',
      action:
        'First thing I decide: orders are priority, everything else can wait. I stop the reporting jobs and the email queue because they write a lot and are not urgent. I delete old temporary tables that use 200 GB, so orders can write again, and I ask my colleague to order bigger disk from the cloud console. Then I send to support a short message what works and what not, every half hour.',
      result:
        'Orders work again after 25 minutes and we lose zero orders, because the checkout retries. The reports and emails come back the next morning after the disk is bigger. After this I set an alert on 70% disk, and this alert already warns us two times before it is a problem.',
    },
    mustNotSay: [GRAMMAR_COMPLAINT, CALLS_IT_ROUTINE],
  },
  {
    id: 'inc-detailed-1',
    topic: INCIDENTS,
    question: 2,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long, rich debugging story with a method, a wrong hypothesis dropped, a root cause and a hindsight "I would have".',
    answer: {
      situation:
        'At a logistics company I worked on a platform of about twenty services behind an AWS Application Load Balancer. For several weeks a small share of requests, around 0.8%, failed with 502 errors. They came in no pattern anyone had found: not tied to one service, not to peak hours, and never reproducible locally. Two teams had each looked and concluded it was the other side, and customers integrating with our API had started to complain in their tickets.',
      task: 'My manager asked me to own the investigation end to end, find the real cause, and either fix it or tell the right team exactly what to fix.',
      action:
        'I started by writing down a timeline and a list of hypotheses in a shared document, so everyone could see what had been ruled out. I pulled a week of load balancer access logs into a notebook and joined them with our application logs by request id. The first surprise was that the failing requests never reached our application at all, which ruled out the slow-endpoint theory the team had favoured. Then I grouped failures by target and by how long the connection had been idle, and almost every failure happened on a connection that had been idle for between 5 and 60 seconds. That pointed at keep-alive: the load balancer keeps idle connections for 60 seconds, while our Node services closed them after 5, so the balancer sometimes sent a request on a socket the service had just closed. I reproduced it in staging with a small script that sent requests at 5.1-second intervals, which failed within minutes. I changed the services to keep connections open for 65 seconds, longer than the balancer, rolled it out to one service first and compared its 502 rate with the others for two days before rolling it out everywhere.',
      result:
        'The 502 rate went from about 0.8% of requests to effectively zero, and stayed there over the following month; the customer tickets about random errors stopped. I wrote the investigation up as a short debugging checklist (join the logs at the edge first, group by connection age, reproduce with timing) that the team now links from the on-call guide. Looking back, I would have pulled the balancer logs on the first day instead of trusting the assumption that the problem was in our code.',
    },
    mustNotSay: [FLAGS_HYPOTHETICAL, ...SAYS_RESULT_UNMEASURED, FLAGS_OFF_TOPIC],
  },
  {
    id: 'inc-detailed-2',
    topic: INCIDENTS,
    question: 1,
    label: 'strong',
    kind: 'detailed',
    heldOut: false,
    note: 'Long data-corruption incident: contains the damage, repairs carefully, communicates, changes the process.',
    answer: {
      situation:
        'At an online marketplace, a schema migration that I had reviewed went out on a Tuesday morning and, because of a default value nobody noticed, started writing euros as the currency on orders placed in pounds. By the time finance spotted odd totals in the afternoon dashboard, 3,200 orders had the wrong currency, and some customers had already received confirmation emails with the wrong amounts.',
      task: 'As the engineer who had reviewed the change and knew the orders schema best, I volunteered to lead the response: stop new damage, repair every affected order exactly, and keep finance and support informed.',
      action:
        'I first stopped the bleeding by deploying a one-line hotfix that set the currency explicitly, and checked that new orders came in correctly. Then I restored a point-in-time backup from just before the migration into a separate database, so I could compare the affected rows with their original values without touching production. I wrote a script that listed every order whose currency differed, reviewed the list with a finance analyst line by line for the first hundred, and only then ran the repair in batches of 200 with a dry run before each batch. I posted an update in the incident channel every 30 minutes and drafted the customer email with support, so customers who had seen a wrong amount got a correction from us before they asked. Afterwards I ran the post-mortem and was open that my review had missed the default value.',
      result:
        'All 3,200 orders were corrected within two days, no customer was charged a wrong amount, and support received fewer than ten questions about the confirmation emails. We changed the process so that every migration now runs against a copy of production data in staging with a check that compares key columns before and after, and in the year since that check has stopped two migrations that would have changed data they should not have.',
    },
    mustNotSay: [...SAYS_RESULT_UNMEASURED, BLAME_NOTE],
  },
  // ---- weak ----
  {
    id: 'inc-buzzword',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'buzzword',
    heldOut: true,
    note: 'Buzzwords with plenty of "I" but no concrete problem, step or result; "going forward" is not a lesson.',
    answer: {
      situation:
        'In a fast-paced, high-stakes environment, our mission-critical platform experienced a significant reliability challenge impacting key stakeholders.',
      task: 'I needed to leverage my end-to-end ownership mindset to drive alignment and deliver a robust, scalable resolution.',
      action:
        'I spearheaded a holistic, data-driven incident response, proactively synergizing cross-functional stakeholders and empowering the team to move fast. I leveraged best practices and industry-leading observability paradigms to unblock the critical path and drive the resolution across the finish line.',
      result:
        'We moved the needle on reliability and delivered best-in-class outcomes for our customers. Going forward, we are leveraging these learnings to future-proof the platform.',
    },
    mustNotSay: [...CREDITS_REFLECTION, ...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'inc-we-only',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'we-only',
    heldOut: false,
    note: 'A decent incident with a measured result, but only "we": no sign of what the candidate did.',
    answer: {
      situation:
        'We had an outage in our API gateway after a configuration change, and most requests were failing.',
      task: 'We needed to get the gateway back up quickly and find out what had gone wrong.',
      action:
        'We looked at the logs and the recent deploys, we found that a rate-limit setting had been set a thousand times too low, we rolled the change back and we added a validation test for that setting.',
      result: 'We were back up in 20 minutes and we have not seen the issue again since we added the test.',
    },
    mustSay: [ASKS_FOR_OWN_PART],
  },
  {
    id: 'inc-no-result',
    topic: INCIDENTS,
    question: 2,
    label: 'weak',
    kind: 'no-result',
    heldOut: false,
    note: 'Plausible debugging steps for one failure, but the Result never says whether it was found or fixed.',
    answer: {
      situation:
        'Our nightly data pipeline started failing a few times a week with a generic "connection reset" error in the step that loads data into the warehouse.',
      task: 'I was asked to figure out why it was failing.',
      action:
        'I went through the logs of the failed runs and compared them with the successful ones, I checked whether the failures matched the warehouse maintenance windows, and I added more logging around the load step so we would see which table it was on when it failed. I also asked the data team whether anything had changed on their side.',
      result:
        'After that I handed the investigation over to the platform team, since they own the warehouse connection.',
    },
    mustSay: [SAYS_NO_RESULT],
    mustNotSay: [...PRAISES_MEASURED_RESULT],
  },
  {
    id: 'inc-unmeasured-result',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'unmeasured-result',
    heldOut: false,
    note: 'Real story, but the only number in the Result is the length of the outage, which is not a result.',
    answer: {
      situation:
        'Our message queue cluster lost a node during a deploy and the remaining nodes could not keep up.',
      task: 'I was on call and had to get messages flowing again.',
      action:
        'I joined the incident call, looked at the queue dashboards with the team, restarted the consumers and helped add a new node to the cluster.',
      result:
        'The outage lasted about 3 hours in the end, but everyone pulled together and it went well. Management was happy with how we handled it.',
    },
    mustSay: [ASKS_FOR_MEASURE],
    mustNotSay: [...PRAISES_MEASURED_RESULT, creditsAsMeasured('3 hours')],
  },
  {
    id: 'inc-off-topic',
    topic: INCIDENTS,
    question: 3,
    label: 'weak',
    kind: 'off-topic',
    fitsTopic: LEARNING,
    heldOut: false,
    note: 'A good story about learning Terraform fast; asked how they prioritise during an outage. Fits learning new technologies.',
    answer: {
      situation:
        'Our team was moving its infrastructure from hand-made AWS console setups to infrastructure as code, and none of us had used Terraform before. The migration had to be done within a month because of an audit.',
      task: 'I volunteered to learn Terraform first and write the modules the rest of the team would reuse.',
      action:
        'I spent the first three days on the official tutorials and on importing one small, low-risk service into Terraform state, which taught me how state and plans work on real resources. I then wrote a module for our standard service setup, had a colleague who knew Terraform from a previous job review it, and ran two short sessions where I walked the team through importing a service themselves.',
      result:
        'All 14 services were under Terraform two days before the audit, and the time to set up a new environment went from about two days of clicking to under an hour.',
    },
    mustSay: [FLAGS_OFF_TOPIC, NAMES_TOPIC[LEARNING]],
  },
  {
    id: 'inc-hypothetical',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'hypothetical',
    heldOut: true,
    note: 'Asked for a time; answers with what they would or usually do, no real occasion.',
    answer: {
      situation:
        'If a critical production issue came up, for example the payment service going down, it would be important to act fast.',
      task: 'My job in that case would be to restore the service and make sure customers are affected as little as possible.',
      action:
        'I would first check the dashboards and recent deploys, and I usually start by rolling back anything that changed recently. I would open an incident channel, assign someone to talk to stakeholders, and keep updates going every 30 minutes. Once things are stable I would always run a blameless post-mortem.',
      result:
        'This way the service would be restored quickly and the team would learn from it, so it happens less often.',
    },
    mustSay: [TELL_ONE_OCCASION],
    mustNotSay: [...CREDITS_REFLECTION, CREDITS_HABIT],
  },
  {
    id: 'inc-stuffed-claims',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'stuffed-claims',
    heldOut: false,
    note: 'Fragments and bare claims with numbers; no story of what happened.',
    answer: {
      situation: 'Critical outage. Payments down. 40% of traffic affected.',
      task: 'I owned it. I led the response.',
      action:
        'I led. I diagnosed the root cause. I fixed it. I drove the post-mortem. I owned the follow-ups.',
      result:
        'Resulting in a 30% reduction in incidents, 45 minutes restoration, 60% fewer pages and 99.99% uptime.',
    },
    mustSay: [LIST_OF_CLAIMS],
  },
  {
    id: 'inc-blame',
    topic: INCIDENTS,
    question: 1,
    label: 'weak',
    kind: 'blame',
    heldOut: false,
    note: 'Pins the outage on QA and DevOps; the "result" is a 3-hour outage excused as not their fault.',
    answer: {
      situation:
        'We had a major outage after a release because the QA team had not tested it properly, as usual. The DevOps team was disorganised and nobody knew who was on call.',
      task: 'Somebody had to sort it out, so it fell to me as always.',
      action:
        'I found the bad commit, which came from another team, and reverted it. I told the QA lead that this kept happening because of them and escalated to my manager.',
      result:
        'The service was down for 3 hours, which was not on us. After that the QA team was told to be more careful.',
    },
    mustSay: [OWN_THE_STORY],
    mustNotSay: [...PRAISES_MEASURED_RESULT, creditsAsMeasured('3 hours')],
  },
  {
    id: 'inc-situation-heavy',
    topic: INCIDENTS,
    question: 2,
    label: 'weak',
    kind: 'situation-heavy',
    heldOut: false,
    note: 'A long Situation about the system and its history, then one thin line of action and no real result.',
    answer: {
      situation:
        'I was working at a fintech company with around 300 engineers. Our platform had grown from a Rails monolith into about 40 services over five years, with Kafka between most of them, a mix of Postgres and DynamoDB, and two different deployment systems because of an acquisition. On-call was organised per team, but many incidents crossed team boundaries, and the ownership of shared libraries was unclear. Observability was uneven: some services had tracing, some only had logs, and the logs were kept for only seven days. One Monday, card authorisations started failing for a subset of customers in one region, and the failure rate went up and down through the day, which made it hard to tell whether anything we did was helping. Several teams joined the incident call, and there were many theories, from a bad deploy to a problem at the card network.',
      task: 'I was asked to help with the debugging.',
      action: 'I helped look into it and joined the calls.',
      result: 'It got fixed after a while.',
    },
    mustSay: [ASKS_FOR_ACTION],
  },
  {
    id: 'inc-vague-short',
    topic: INCIDENTS,
    question: 3,
    label: 'weak',
    kind: 'vague-short',
    heldOut: false,
    note: 'A few words per part; nothing to judge. The Situation is already short.',
    answer: {
      situation: 'Site went down.',
      task: 'Fix it.',
      action: 'I fixed things and prioritised.',
      result: 'It was fine.',
    },
    mustNotSay: [SHORTEN_SITUATION, ...PRAISES_MEASURED_RESULT],
  },
];
