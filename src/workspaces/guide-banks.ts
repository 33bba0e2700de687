import { checkGuide } from '../bank/check-guide.ts';
import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { guideMarkdown, latestGuideVersion } from '../db/repositories/guides.ts';
import type { Logger } from '../logger.ts';

/** The question bank of a workspace: its own guide (`/star guide`), else the built-in one. */
export interface TeamBanks {
  readonly builtIn: QuestionBank;
  forTeam(teamId: string): Promise<QuestionBank>;
}

/**
 * How long a replica trusts the version it has before asking the database again. A change made here is seen
 * at once (`forget`); one made by another replica is noticed by the first request after this long, which is
 * still answered with the bank it had while the check runs beside it (stale-while-revalidate), so a request
 * waits for the database only the first time a replica meets a workspace. The check is one primary-key lookup
 * per workspace per period: a workspace without a guide costs no query on most requests.
 */
export const GUIDE_RECHECK_MS = 5_000;

interface Cached {
  version: number;
  bank: QuestionBank;
  checkedAt: number;
}

/**
 * Each workspace's bank, cached by guide version: the built-in bank stays one shared object, a custom guide
 * is parsed once per version per replica, and a newer version in the database (guide_versions) replaces it.
 */
export class WorkspaceGuideBanks implements TeamBanks {
  readonly #cache = new Map<string, Cached>();
  readonly #loading = new Map<string, Promise<QuestionBank>>();
  /** Bumped by `forget`: a check that started before it does not put an older version back. */
  readonly #generation = new Map<string, number>();

  constructor(
    private readonly db: Database,
    readonly builtIn: QuestionBank,
    private readonly log: Logger,
    private readonly recheckMs = GUIDE_RECHECK_MS,
  ) {}

  forTeam(teamId: string): Promise<QuestionBank> {
    const cached = this.#cache.get(teamId);
    if (cached && performance.now() - cached.checkedAt < this.recheckMs) return Promise.resolve(cached.bank);
    let loading = this.#loading.get(teamId);
    if (!loading) {
      loading = this.#load(teamId, cached).finally(() => this.#loading.delete(teamId));
      this.#loading.set(teamId, loading);
    }
    return cached ? Promise.resolve(cached.bank) : loading;
  }

  /** This replica changed the workspace's guide: the next request reads the new version. */
  forget(teamId: string): void {
    this.#cache.delete(teamId);
    this.#loading.delete(teamId);
    this.#generation.set(teamId, (this.#generation.get(teamId) ?? 0) + 1);
  }

  /** Never rejects: with the database away, the bank last seen (or the built-in one) rather than no answer. */
  async #load(teamId: string, cached: Cached | undefined): Promise<QuestionBank> {
    const generation = this.#generation.get(teamId) ?? 0;
    const checkedAt = performance.now();
    try {
      const version = await latestGuideVersion(this.db, teamId);
      const bank =
        cached?.version === version
          ? cached.bank
          : version === 0
            ? this.builtIn
            : await this.#parse(teamId, version);
      if ((this.#generation.get(teamId) ?? 0) === generation) {
        this.#cache.set(teamId, { version, bank, checkedAt });
      }
      return bank;
    } catch (err) {
      this.log.warn({ err, team: teamId }, 'could not read the workspace guide');
      return cached?.bank ?? this.builtIn;
    }
  }

  async #parse(teamId: string, version: number): Promise<QuestionBank> {
    const markdown = await guideMarkdown(this.db, teamId, version);
    if (markdown === null || markdown === undefined) return this.builtIn;
    const { checked, problems } = checkGuide(markdown, `guide v${version}`);
    if (checked) return checked.bank;
    // Only checked guides are stored; a guide that fails now failed a rule made stricter since.
    this.log.error({ team: teamId, version, problems: problems.length }, 'stored guide no longer valid');
    return this.builtIn;
  }
}
