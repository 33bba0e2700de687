import { describe, expect, it } from 'vitest';
import { strategyFor } from '../../src/coach/strategies.ts';
import { CHECK_IDS } from '../../src/coach/types.ts';
import { shippedBank } from './support.ts';

describe('strategyFor', () => {
  it('maps each check to the shipped guide’s Preparation Strategy it comes from', async () => {
    const bank = await shippedBank();
    const mapping = Object.fromEntries(
      CHECK_IDS.map((id) => {
        const s = strategyFor(id, bank.strategies);
        return [id, s && `${s.number}. ${s.title}`];
      }),
    );
    expect(mapping).toEqual({
      measured: '3. Quantify your impact',
      ownership: '1. Review your experiences',
      occasion: '1. Review your experiences',
      balance: '2. Practice structured responses',
      specific: '4. Prepare for follow-ups',
      reflection: '5. Reflect on lessons learned',
      on_topic: '6. Connect to the role',
      no_blame: '1. Review your experiences',
    });
  });

  it('finds a strategy by its words, not its number, and none when nothing fits', () => {
    const reordered = [
      { number: 1, title: 'Sleep well', text: 'Rest before the interview.' },
      { number: 2, title: 'Use numbers', text: 'Quantify the outcome with metrics.' },
    ];
    expect(strategyFor('measured', reordered)?.number).toBe(2);
    expect(strategyFor('reflection', reordered)).toBeUndefined();
    expect(strategyFor('measured', [])).toBeUndefined();
  });
});
