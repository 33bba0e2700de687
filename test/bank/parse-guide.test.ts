import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/bank/parse-guide.ts';
import { STAR_PARTS } from '../../src/bank/types.ts';
import { guideMd, SHIPPED_GUIDE_FILE, shippedGuide, topicMd } from './fixtures.ts';

const raw = shippedGuide();
const guide = parseGuide(raw, SHIPPED_GUIDE_FILE);

describe('parseGuide on the shipped study guide', () => {
  it('reads the title and the five numbered topics', () => {
    expect(guide.file).toBe(SHIPPED_GUIDE_FILE);
    expect(guide.title).toBe('Behavioral Interview Study Guide: Technical Leadership and System Reliability');
    expect(guide.topics.map((t) => [t.number, t.slug, t.title])).toEqual([
      [1, 'handling-production-incidents', 'Handling Production Incidents'],
      [2, 'cross-functional-collaboration', 'Cross-Functional Collaboration'],
      [3, 'learning-new-technologies-quickly', 'Learning New Technologies Quickly'],
      [4, 'balancing-technical-debt-with-new-features', 'Balancing Technical Debt with New Features'],
      [5, 'leadership-in-technical-decision-making', 'Leadership in Technical Decision-Making'],
    ]);
  });

  it.each(guide.topics.map((t) => [t.slug, t] as const))('%s has complete, non-empty parts', (_, topic) => {
    expect(topic.sourceFile).toBe(SHIPPED_GUIDE_FILE);
    expect(topic.keyConcepts.length).toBeGreaterThan(50);
    expect(topic.questions).toHaveLength(3);
    expect(topic.questions.map((q) => q.number)).toEqual([1, 2, 3]);
    expect(topic.questions.every((q) => q.topicSlug === topic.slug)).toBe(true);
    expect(topic.followUps).toHaveLength(3);
    for (const part of STAR_PARTS) expect(topic.sampleAnswer?.[part].length).toBeGreaterThan(50);
  });

  it('keeps every text as the guide writes it, without the enclosing quotation marks', () => {
    for (const topic of guide.topics) {
      expect(raw).toContain(
        `## ${topic.number}. ${topic.title}\n\n### Key Concepts\n\n${topic.keyConcepts}\n\n###`,
      );
      for (const q of topic.questions) expect(raw).toContain(`\n- "${q.text}"\n`);
      for (const f of topic.followUps) expect(raw).toContain(`\n- "${f}"\n`);
      const sample = topic.sampleAnswer;
      if (!sample) throw new Error(`topic ${topic.number} has no sample answer`);
      expect(raw).toContain(`**Situation**: "${sample.situation}"\n`);
      expect(raw).toContain(`**Task**: "${sample.task}"\n`);
      expect(raw).toContain(`**Action**: "${sample.action}"\n`);
      expect(raw).toContain(`**Result**: "${sample.result}"\n`);
      const texts = [...topic.questions.map((q) => q.text), ...topic.followUps, ...Object.values(sample)];
      for (const text of texts) expect(text).not.toMatch(/^["“]|["”]$/);
    }
    // Every quoted bullet of the guide became a question or a follow-up: none was skipped.
    const quotedBullets = raw.split('\n').filter((line) => line.startsWith('- "')).length;
    expect(quotedBullets).toBe(guide.topics.reduce((n, t) => n + t.questions.length + t.followUps.length, 0));
  });

  it('spot-checks exact texts', () => {
    const [first] = guide.topics;
    expect(first?.questions[0]?.text).toBe(
      'Tell me about a time when you had to resolve a critical production issue.',
    );
    expect(first?.followUps[1]).toBe("What changes did you make to your team's processes afterward?");
    expect(guide.topics[3]?.sampleAnswer?.action).toContain("I also implemented a 'debt budget' system");
  });

  it('reads the six preparation strategies and ignores the closing remark', () => {
    expect(guide.strategies.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of guide.strategies) expect(raw).toContain(`${s.number}. **${s.title}**: ${s.text}\n`);
    expect(guide.strategies[0]).toEqual({
      number: 1,
      title: 'Review your experiences',
      text: 'Identify 2-3 strong examples for each category that demonstrate your skills and impact.',
    });
    expect(JSON.stringify(guide)).not.toContain('Would you like me to elaborate');
  });
});

describe('parseGuide tolerance', () => {
  it('accepts wording variations of the subsection headings and of the STAR labels', () => {
    const md = guideMd(
      topicMd('7. Variations', {
        keyConcepts: '### key concept\n\nFirst paragraph.\n\nSecond paragraph.',
        questions: '### Questions\n\n1. “Curly quoted?”\n2. Not quoted at all?',
        sampleAnswer: [
          '### Sample Answer',
          '**Situation:** “S.”',
          '**TASK**: T.',
          '**Actions**: "He said "no" twice"',
          '**Result** "R."',
        ].join('\n\n'),
        followUps: '### Follow-ups\n\n* "F?"',
      }),
    );
    const [topic] = parseGuide(md, 'v.md').topics;
    expect(topic?.keyConcepts).toBe('First paragraph.\n\nSecond paragraph.');
    expect(topic?.questions.map((q) => q.text)).toEqual(['Curly quoted?', 'Not quoted at all?']);
    expect(topic?.sampleAnswer).toEqual({
      situation: 'S.',
      task: 'T.',
      action: '"He said "no" twice"',
      result: 'R.',
    });
    expect(topic?.followUps).toEqual(['F?']);
  });

  it('ignores unnumbered prose sections and allows a guide without strategies', () => {
    const md = ['# G', '## Introduction', 'Prose.', topicMd('2. Only Topic'), '## Closing', 'Bye.'].join(
      '\n\n',
    );
    const parsed = parseGuide(md, 'g.md');
    expect(parsed.topics.map((t) => t.slug)).toEqual(['only-topic']);
    expect(parsed.strategies).toEqual([]);
  });
});
