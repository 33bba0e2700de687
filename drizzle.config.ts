import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; the bot applies them (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});
