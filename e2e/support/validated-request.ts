// Wraps Playwright's request context so that every response from /api/v1 is checked against the OpenAPI
// document the server serves (e2e/support/openapi-validator.ts); a response that departs from it fails the
// test at the call that received it.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { OpenApiValidator } from "./openapi-validator";

const CHECKED = ["get", "post", "put", "patch", "delete", "head", "fetch"] as const;
type Checked = (typeof CHECKED)[number];

let validator: Promise<OpenApiValidator> | undefined;

/** The served document's validator, fetched once per worker. */
export function documentValidator(request: APIRequestContext): Promise<OpenApiValidator> {
  validator ??= (async () => {
    const response = await request.get("/api/v1/openapi.json");
    if (response.status() !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.status()}`);
    return new OpenApiValidator(await response.json());
  })();
  return validator;
}

function methodOf(name: Checked, args: unknown[]): string {
  if (name !== "fetch") return name.toUpperCase();
  const options = args[1] as { method?: string } | undefined;
  return (options?.method ?? "GET").toUpperCase();
}

/** Throws, listing every violation, when the response departs from the document. */
export async function expectDocumented(check: OpenApiValidator, method: string, response: APIResponse): Promise<void> {
  const violations = check.violations({ method, url: response.url(), status: response.status(), headers: response.headers(), body: method === "HEAD" ? Buffer.alloc(0) : await response.body() });
  if (violations.length) throw new Error(`The response departs from the OpenAPI document:\n  ${violations.join("\n  ")}`);
}

export function validatingRequest(request: APIRequestContext): APIRequestContext {
  return new Proxy(request, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (!(CHECKED as readonly (string | symbol)[]).includes(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        const response: APIResponse = await value.apply(target, args);
        await expectDocumented(await documentValidator(target), methodOf(property as Checked, args), response);
        return response;
      };
    },
  });
}
