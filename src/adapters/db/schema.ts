export * from "./schema-commerce.ts";
export * from "./schema-logistics.ts";
export * from "./schema-money.ts";
export * from "./schema-policy.ts";
export * from "./schema-portal.ts";
export * from "./schema-refunds.ts";
export * from "./schema-returns.ts";
export * from "./schema-staff.ts";
