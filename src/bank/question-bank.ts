import { GuideError } from './errors.ts';
import { findTopic } from './find-topic.ts';
import { sampleQuestionId } from './sample-question.ts';
import type { Guide, Question, Strategy, Topic } from './types.ts';

export interface QuestionRef {
  topic: Topic;
  question: Question;
}

function sectionOf(topic: Topic): string {
  return `${topic.number}. ${topic.title}`;
}

/** All topics of all guides, looked up by slug, question id, or what a user typed. */
export class QuestionBank {
  /** The guide's "# Title" (the titles of several guides joined), for `/star guide`. */
  readonly title: string;
  readonly topics: Topic[];
  readonly strategies: Strategy[];
  readonly #bySlug: Map<string, Topic>;
  readonly #byQuestionId: Map<string, QuestionRef>;
  readonly #sampleQuestions = new Map<string, Question>();

  private constructor(
    title: string,
    topics: Topic[],
    strategies: Strategy[],
    bySlug: Map<string, Topic>,
    byId: Map<string, QuestionRef>,
  ) {
    this.title = title;
    this.topics = topics;
    this.strategies = strategies;
    this.#bySlug = bySlug;
    this.#byQuestionId = byId;
  }

  /**
   * Topics keep the guides' order, then each guide's order. Slugs and question ids are keys stored
   * in the database, so a clash between (or within) guides is an error naming both places.
   */
  static fromGuides(guides: Guide[]): QuestionBank {
    const bySlug = new Map<string, Topic>();
    const byId = new Map<string, QuestionRef>();
    for (const topic of guides.flatMap((g) => g.topics)) {
      const other = bySlug.get(topic.slug);
      if (other !== undefined) {
        throw new GuideError(
          topic.sourceFile,
          sectionOf(topic),
          `topic slug "${topic.slug}" is already used by section "${sectionOf(other)}" in ${other.sourceFile}`,
        );
      }
      bySlug.set(topic.slug, topic);
      for (const question of topic.questions) {
        const clash = byId.get(question.id);
        if (clash !== undefined) {
          throw new GuideError(
            topic.sourceFile,
            sectionOf(topic),
            `question ${question.number} ("${question.text}") has the same id ${question.id} as question ` +
              `${clash.question.number} of section "${sectionOf(clash.topic)}" in ${clash.topic.sourceFile}`,
          );
        }
        byId.set(question.id, { topic, question });
      }
    }
    return new QuestionBank(
      guides.map((g) => g.title).join(' · '),
      [...bySlug.values()],
      guides.flatMap((g) => g.strategies),
      bySlug,
      byId,
    );
  }

  topic(slug: string): Topic | undefined {
    return this.#bySlug.get(slug);
  }

  /**
   * The topic's title; for a topic this guide does not have (a workspace changed its guide since the drill),
   * its slug as words: slugs are made from titles, so "balancing-technical-debt" reads "Balancing technical debt".
   */
  topicTitle(slug: string): string {
    const title = this.#bySlug.get(slug)?.title;
    if (title !== undefined) return title;
    const words = slug.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  question(id: string): QuestionRef | undefined {
    return this.#byQuestionId.get(id);
  }

  /**
   * The question the topic's one sample answer was written for (inferred: the guide does not say; see
   * sample-question.ts). Drills on the topic's other questions are told the sample answers another one.
   */
  sampleQuestion(topic: Topic): Question {
    let question = this.#sampleQuestions.get(topic.slug);
    if (!question) {
      const id = sampleQuestionId(topic);
      question = topic.questions.find((q) => q.id === id) as Question;
      this.#sampleQuestions.set(topic.slug, question);
    }
    return question;
  }

  /** Every topic a word could mean, to say which ones when it names more than one. */
  topicsMatching(query: string): Topic[] {
    return this.topics.filter((t) => findTopic([t], query) !== null);
  }

  /** See `findTopic` for the matching rules: null unless the query names exactly one topic. */
  findTopic(query: string): Topic | null {
    return findTopic(this.topics, query);
  }
}
