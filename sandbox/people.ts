import type { Person } from './protocol.ts';

/**
 * The sandbox's workspace: three people in zones far apart, so a 09:00 schedule differs for each. Ada is its
 * admin: she may upload the workspace's guide (`/star guide`) and turn on the model coaching.
 */
export const PEOPLE: readonly Person[] = [
  { id: 'U0ADA', name: 'Ada Lovelace', tz: 'Europe/London', admin: true },
  { id: 'U0RAVI', name: 'Ravi Kumar', tz: 'Asia/Kolkata' },
  { id: 'U0MAYA', name: 'Maya Chen', tz: 'America/New_York' },
];
