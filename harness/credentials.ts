// The made-up secrets a bot under test and its local Slack share: never a real workspace's.
export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test';
