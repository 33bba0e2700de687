// Each workspace's question bank, as two replicas see it over one real database: the built-in bank stays the
// one shared object for a workspace without a guide; a replica that trusts its cache (a long recheck period)
// keeps its bank until the period ends or it changes the guide itself (forget); one whose period has ended
// answers with what it had while it reads the newer version from guide_versions, which the following requests
// get; a version is parsed once, not per request.

import { beforeAll, describe, expect, it } from 'vitest';
import { checkGuide } from '../../src/bank/check-guide.ts';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { applyGuide } from '../../src/db/repositories/guides.ts';
import { createLogger } from '../../src/logger.ts';
import { WorkspaceGuideBanks } from '../../src/workspaces/guide-banks.ts';
import { TEAM_GUIDE } from '../guide-e2e/support.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

const migrated = useMigratedDatabase();
let builtIn: QuestionBank;

beforeAll(async () => {
  builtIn = await loadQuestionBank(CONTENT_DIR);
});

describe('WorkspaceGuideBanks', () => {
  it('follows guide_versions across replicas: cached for its period, forgotten by the replica that changed it', async () => {
    const trusting = new WorkspaceGuideBanks(migrated.handle.db, builtIn, createLogger('error'), 60_000);
    const checking = new WorkspaceGuideBanks(migrated.handle.db, builtIn, createLogger('error'), 0);
    expect(await trusting.forTeam('TGUIDE0001')).toBe(builtIn);
    expect(await checking.forTeam('TGUIDE0001')).toBe(builtIn);

    const team = checkGuide(TEAM_GUIDE, 'team.md').checked?.bank;
    if (!team) throw new Error('the fixture guide does not check');
    const applied = await applyGuide(migrated.handle.db, {
      teamId: 'TGUIDE0001',
      setBy: 'UADMIN',
      markdown: TEAM_GUIDE,
      title: team.title,
      topicSlugs: team.topics.map((t) => t.slug),
    });
    expect(applied).toEqual({ version: 1, fellBack: [] });

    // The replica whose period ended still answers with what it had while it reads version 1 beside the
    // request; the requests after that get version 1, parsed once.
    expect(await checking.forTeam('TGUIDE0001')).toBe(builtIn);
    await expect
      .poll(async () => (await checking.forTeam('TGUIDE0001')).title)
      .toBe('Platform Team Interview Loop');
    const seen = await checking.forTeam('TGUIDE0001');
    expect(seen.topics.map((t) => t.slug)).toEqual(team.topics.map((t) => t.slug));
    expect(await checking.forTeam('TGUIDE0001')).toBe(seen);
    // Another workspace is untouched.
    expect(await checking.forTeam('TGUIDE0002')).toBe(builtIn);
    // The trusting replica still answers from its cache, until it forgets.
    expect(await trusting.forTeam('TGUIDE0001')).toBe(builtIn);
    trusting.forget('TGUIDE0001');
    expect((await trusting.forTeam('TGUIDE0001')).title).toBe('Platform Team Interview Loop');

    // A reset is a version too: back to the shared built-in bank.
    await applyGuide(migrated.handle.db, {
      teamId: 'TGUIDE0001',
      setBy: 'UADMIN',
      markdown: null,
      title: builtIn.title,
      topicSlugs: builtIn.topics.map((t) => t.slug),
    });
    await expect.poll(() => checking.forTeam('TGUIDE0001')).toBe(builtIn);
  });

  it('two changes at once get versions n and n+1, never the same', async () => {
    const change = (setBy: string) =>
      applyGuide(migrated.handle.db, {
        teamId: 'TGUIDE0003',
        setBy,
        markdown: null,
        title: 'Built-in',
        topicSlugs: [],
      });
    const versions = await Promise.all([change('UA'), change('UB'), change('UC')]);
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
  });
});
