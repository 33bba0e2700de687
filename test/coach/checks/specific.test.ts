import { describe, expect, it } from 'vitest';
import { assessSpecific, readSpecificity } from '../../../src/coach/checks/specific.ts';
import { read } from '../../../src/coach/reading.ts';

describe('readSpecificity', () => {
  it('finds proper nouns, noun compounds and numbers', () => {
    const s = readSpecificity(
      read(
        'I raised the Postgres connection pool from 20 to 80 and added circuit breakers around the Stripe client.',
      ),
    );
    expect(s.concrete).toEqual(['Postgres connection pool', 'circuit breakers', 'Stripe client', '20', '80']);
    expect(s.vague).toEqual([]);
  });

  it('finds identifiers that mix letters and digits or capitals', () => {
    expect(readSpecificity(read('The p99 on EC2 was fine, but gRPC calls timed out.')).concrete).toEqual(
      expect.arrayContaining(['p99', 'EC2', 'gRPC']),
    );
  });

  it('finds filler by lemma: "things", "a lot", "worked hard", "everyone was happy", "various", "etc."', () => {
    const s = readSpecificity(
      read('We fixed a lot of things and worked really hard on various stuff, etc. Everyone was happy.'),
    );
    expect(s.vague).toEqual(
      expect.arrayContaining([
        'things',
        'a lot',
        'work really hard',
        'various',
        'stuff',
        'etc.',
        'everyone be happy',
      ]),
    );
  });

  it('calls "communicated" vague when it says nothing about what or to whom', () => {
    expect(readSpecificity(read('I communicated.')).vague).toEqual(['communicated']);
    expect(readSpecificity(read('We communicated with everyone.')).vague).toEqual(['communicated']);
    expect(readSpecificity(read('I communicated the rollback plan to the support leads.')).vague).toEqual([]);
  });
});

describe('assessSpecific', () => {
  it('passes concrete detail, quoting some of it', () => {
    const a = assessSpecific({
      action: read(
        'I raised the Postgres connection pool from 20 to 80 and added circuit breakers around the Stripe client.',
      ),
    });
    expect(a.passed).toBe(true);
    expect(a.why).toBe("Concrete: 'Postgres connection pool', 'circuit breakers' and 'Stripe client'.");
  });

  it('fails filler, quoting it, and suggests replacing the first piece', () => {
    const a = assessSpecific({
      action: read(
        'We did a lot of things and communicated with everyone, and worked really hard on various stuff.',
      ),
    });
    expect(a.passed).toBe(false);
    expect(a.why).toMatch(/^Vague: 'stuff', 'a lot' and 'various'; 0 concrete details/);
    expect(a.suggestion).toBe(
      "Replace 'stuff' with what exactly: the system, the tool, the person, the number.",
    );
  });

  it('does not call "things" vague when the things are then named', () => {
    const a = assessSpecific({
      action: read(
        'I checked five things: the Nginx config, the DNS TTL, the TLS certificate and the pool size.',
      ),
    });
    expect(a.why).not.toContain('Vague');
    expect(a.why).not.toContain("'things'");
  });

  it('draws its example names from the topic when given, not from a fixed list', () => {
    const a = assessSpecific({ action: read('We helped them with it and it went well.') }, 'answer', [
      'architecture review sessions',
      'decision matrices',
    ]);
    expect(a.suggestion).toBe(
      "Name the system, the tool and the people involved, as the guide's sample names 'architecture review sessions' and 'decision matrices'.",
    );
    expect(a.suggestion).not.toMatch(/Postgres|Grafana|iOS/);
  });

  it('fails general statements with no filler but nothing named', () => {
    const a = assessSpecific({
      action: read('I made sure that the process was followed and that the work was done properly.'),
    });
    expect(a.passed).toBe(false);
    expect(a.why).toMatch(/^Few names, tools or numbers/);
  });

  it('scores each part on its own for the breakdown', () => {
    const a = assessSpecific({
      situation: read('Things were a bit of a mess with stuff.'),
      action: read(
        'I moved the Kafka consumer group to a dedicated node pool and tuned max.poll.records to 200.',
      ),
    });
    expect(a.parts.action).toBeGreaterThan(0.6);
    expect(a.parts.situation).toBe(0);
  });

  it('handles an empty part without crashing', () => {
    expect(assessSpecific({ action: read('') })).toMatchObject({
      passed: false,
      fraction: 0,
      why: 'Your answer has no sentence that names anything.',
    });
  });
});
