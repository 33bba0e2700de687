export * from './answers.ts';
export * from './delivery-pauses.ts';
export * from './drills.ts';
export * from './installations.ts';
export * from './processed-events.ts';
export * from './subscriptions.ts';
export * from './users.ts';
