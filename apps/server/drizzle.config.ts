import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The app's list of every module's and the platform's tables (also read by the data inventory test).
  schema: './apps/server/src/schema.ts',
  out: './apps/server/migrations',
});
