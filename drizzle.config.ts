import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./src/adapters/db/schema-commerce.ts",
    "./src/adapters/db/schema-returns.ts",
    "./src/adapters/db/schema-money.ts",
    "./src/adapters/db/schema-policy.ts",
    "./src/adapters/db/schema-refunds.ts",
    "./src/adapters/db/schema-portal.ts",
    "./src/adapters/db/schema-logistics.ts",
    "./src/adapters/db/schema-notify.ts",
    "./src/adapters/db/schema-staff.ts",
    "./src/adapters/db/schema-security.ts",
    "./src/adapters/db/schema-mail.ts",
    "./src/adapters/db/schema-receiving.ts",
    "./src/adapters/db/schema-reports.ts",
    "./src/adapters/db/schema-platforms.ts",
  ],
  out: "./src/adapters/db/migrations",
});
