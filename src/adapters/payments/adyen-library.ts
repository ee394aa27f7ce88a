import { createRequire } from "node:module";

/**
 * The parts of the official @adyen/api-library we use, required one module at a time: the
 * package's index loads every API's typings (~1.3 s of start-up per process); these need ~0.3 s.
 * Same classes as the index exports (it re-exports these very modules).
 */
const require = createRequire(import.meta.url);
const lib = "@adyen/api-library/lib/src";

export const Client = (require(`${lib}/client.js`) as typeof import("@adyen/api-library/lib/src/client.js"))
  .default;
export const { EnvironmentEnum } = require(
  `${lib}/config`,
) as typeof import("@adyen/api-library/lib/src/config.js");
export const HttpClientException = (
  require(
    `${lib}/httpClient/httpClientException`,
  ) as typeof import("@adyen/api-library/lib/src/httpClient/httpClientException.js")
).default;
export const HmacValidator = (
  require(
    `${lib}/utils/hmacValidator.js`,
  ) as typeof import("@adyen/api-library/lib/src/utils/hmacValidator.js")
).default;
export const { ModificationsApi } = require(
  `${lib}/services/checkout/modificationsApi`,
) as typeof import("@adyen/api-library/lib/src/services/checkout/modificationsApi.js");
export const { PaymentRefundRequest } = require(
  `${lib}/typings/checkout/paymentRefundRequest`,
) as typeof import("@adyen/api-library/lib/src/typings/checkout/paymentRefundRequest.js");
export type { NotificationRequestItem } from "@adyen/api-library/lib/src/typings/notification/notificationRequestItem.js";
