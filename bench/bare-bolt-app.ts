// The floor for ack latency: a bare Bolt app in HTTP mode that acks a no-op command and a no-op button,
// with the same Bolt version, receiver and Web API settings as the bot. Prints its port on stdout.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
const server = (await app.start(0)) as Server;
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
