// The fixtures of the API tests: those of every test, and a `request` whose every /api/v1 response must
// match the OpenAPI document the server serves (e2e/support/validated-request.ts).
import { expect, test as base } from "./fixtures";
import { validatingRequest } from "./validated-request";

export * from "./fixtures";

export const test = base.extend({
  request: async ({ request }, use) => {
    await use(validatingRequest(request));
  },
});

export { expect };
