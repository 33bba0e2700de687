/** The word families behind key-concepts.ts: which words show that an answer touches a concept. */

/**
 * Related words by family. A concept takes every family one of whose triggers is among its own words, so
 * "diagnose complex problems" also counts "root cause", "logs" and "traced". Entries are lemmas, with
 * hyphens written as spaces; they are matched as whole words against the answer's lemmas and its words.
 */
export interface Family {
  triggers: string[];
  related: string[];
}

/** "a, b c, d" -> ["a", "b c", "d"]: the lists are long, and one string per list keeps them readable. */
function list(words: string): string[] {
  return words.split(/\s*,\s*/);
}

export const FAMILIES: Family[] = [
  {
    triggers: list('pressure, urgent, urgency, stress'),
    related: list(
      'pressure, urgent, urgency, deadline, peak, outage, on call, paged, calm, critical, escalate, triage, prioritize, prioritise, war room, incident commander, overnight',
    ),
  },
  {
    triggers: list('diagnose, debug, troubleshoot, investigate, problem'),
    related: list(
      'diagnose, diagnosis, root cause, log, metric, isolate, trace, tracing, debug, investigate, profile, profiler, reproduce, hypothesis, bisect, dashboard, stack trace, flame graph, query plan, analyze, analyse, pinpoint',
    ),
  },
  {
    triggers: list('communicate, communication, inform'),
    related: list(
      'stakeholder, status page, status update, update, inform, explain, brief, announce, email, slack, message, present, summary, report, write up, channel, customer',
    ),
  },
  {
    triggers: list('fix, solution, remediate, resolve'),
    related: list(
      'fix, patch, mitigate, mitigation, workaround, rollback, roll back, hotfix, revert, restart, long term, short term, prevent, recurrence, monitoring, alert, post mortem, postmortem, permanent, restore',
    ),
  },
  {
    triggers: list('diverse, cross, functional, collaborate, collaboration'),
    related: list(
      'design, designer, product, product manager, marketing, sales, legal, support, finance, operations, cross functional, partner, customer success, stakeholder, department, ux, qa, business',
    ),
  },
  {
    triggers: list('translate, audience, non, explain'),
    related: list(
      'explain, diagram, analogy, plain, simplify, simplified, non technical, demo, translate, jargon, visual, mockup, walkthrough, plain language',
    ),
  },
  {
    triggers: list('consensus, agreement, buy'),
    related: list(
      'consensus, agree, agreement, buy in, align, alignment, compromise, alternative, trade off, tradeoff, negotiate, persuade, convince, common ground, objection, concern',
    ),
  },
  {
    triggers: list('adapt, landscape, agility'),
    related: list(
      'adapt, learn, unfamiliar, ramp up, pick up, course, tutorial, documentation, experiment, proof of concept, switch, migrate, new',
    ),
  },
  {
    triggers: list('evaluate, assess, compare, objectively'),
    related: list(
      'evaluate, evaluation, compare, comparison, benchmark, criterion, proof of concept, trade off, pros and cons, pilot, prototype, spike, option, matrix, alternative',
    ),
  },
  {
    triggers: list('apply, knowledge'),
    related: list(
      'apply, build, ship, deliver, implement, production, architect, architecture, teach, share, document, knowledge sharing, workshop, pair',
    ),
  },
  {
    triggers: list('strategic, strategy, decision'),
    related: list(
      'strategy, strategic, prioritize, prioritise, priority, roadmap, trade off, decide, decision, plan, allocate, capacity, budget, invest, investment, analysis',
    ),
  },
  {
    triggers: list('constraint, limitation'),
    related: list(
      'constraint, limitation, risk, cost, trade off, proposal, business case, metric, quantify, impact, estimate',
    ),
  },
  {
    triggers: list('health, debt, maintainability'),
    related: list(
      'long term, short term, debt, refactor, maintainability, health, sprint, capacity, feature, velocity, stability, reliability, balance, shortcut, clean up, cleanup, legacy, workaround, rewrite, duplicate, outdated',
    ),
  },
  {
    triggers: list('guide, lead, mentor'),
    related: list(
      'guide, facilitate, review, workshop, mentor, coach, lead, organize, organise, session, option, decision',
    ),
  },
  {
    triggers: list('priority, competing'),
    related: list(
      'priority, prioritize, prioritise, trade off, tradeoff, criterion, weigh, weighted, balance, competing, constraint, deadline, scope',
    ),
  },
  {
    triggers: list('responsibility, ownership, accountable, direction'),
    related: list(
      'responsibility, responsible, own, ownership, accountable, decide, direction, architecture, call, commit, sign off, recommend, choose',
    ),
  },
];
