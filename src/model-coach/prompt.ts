// What is sent to the model, and nothing else: the question as asked and the four parts of the answer.
// Never a name, a user or workspace id, another answer or the score: the README says so, and the first
// reply after `/star model on` repeats it.

import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { AnswerText } from './grounding.ts';

export interface CoachingRequest {
  question: string;
  answer: AnswerText;
}

const INSTRUCTIONS = `You coach candidates for behavioural job interviews who answer with STAR (Situation, Task, Action, Result).
You receive one interview question and the candidate's answer. Reply with JSON only, of this shape:
{"followUps": ["...", "..."], "rewrite": {"action": "...", "result": "...", "changes": ["...", "..."]}}
- followUps: exactly two follow-up questions an interviewer would ask about THIS story, about a decision, a step or an outcome the candidate mentioned.
- rewrite: a stronger version of the candidate's Action and Result, in the first person ("I"), using ONLY facts stated in the answer.
- changes: each change you made, named briefly, e.g. "moved the 20% figure into the Result", "'we' -> 'I' where you acted".
Rules: never add a number, a name, a tool, a product, a place or a quote that is not in the answer. Quote the candidate only word for word.
Do not mention the score or the candidate's name. Write plain text inside the JSON strings, no Markdown.`;

/** The chat messages for one answer: the instructions, then the question and the four parts, labelled. */
export function coachingMessages(request: CoachingRequest): ChatCompletionMessageParam[] {
  const { question, answer } = request;
  return [
    { role: 'system', content: INSTRUCTIONS },
    {
      role: 'user',
      content: [
        `Question: ${question}`,
        `Situation: ${answer.situation}`,
        `Task: ${answer.task}`,
        `Action: ${answer.action}`,
        `Result: ${answer.result}`,
      ].join('\n\n'),
    },
  ];
}
