import { sql } from 'drizzle-orm';
import type { Person } from '../drills/person.ts';
import type { Database } from './client.ts';
import type { Owned } from './repositories/people.ts';

/**
 * A statement drizzle builds once per database (and the server parses once per connection), for the reads every
 * request repeats. Built at each call, drizzle walks the table's columns and the conditions to write the SQL: at
 * 116 requests a second that was 14.6 s of the bot's 87 s of CPU (bench/limits.md), more than any other part.
 * A transaction is a database of its own here: its statements are built for it and die with it.
 */
export function preparedFor<Q>(build: (db: Database) => Q): (db: Database) => Q {
  const built = new WeakMap<Database, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/** A placeholder where a scoping helper wants a value of type T (an id): `execute({ [name]: value })` fills it. */
export const param = <T>(name: string) => sql.placeholder(name) as unknown as T;

/**
 * The person as placeholders named `teamId` and `userId`, for the scoping helpers that take a Person (they only
 * put its fields into the SQL): `execute(paramsOf(who))` fills them.
 */
export const PERSON = {
  teamId: sql.placeholder('teamId'),
  userId: sql.placeholder('userId'),
} as unknown as Person;

export const paramsOf = (who: Person) => ({ teamId: who.teamId, userId: who.userId });

/** One of the person's rows as placeholders (`id` with the person's): `execute(ownedParams(row))` fills them. */
export const OWNED: Owned = { ...PERSON, id: param<number>('id') };

export const ownedParams = (row: Owned) => ({ ...paramsOf(row), id: row.id });
