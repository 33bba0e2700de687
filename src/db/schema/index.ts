export * from './answers.ts';
export * from './delivery-pauses.ts';
export * from './drills.ts';
export * from './follow-up-answers.ts';
export * from './processed-events.ts';
export * from './review-cards.ts';
export * from './subscriptions.ts';
export * from './users.ts';
