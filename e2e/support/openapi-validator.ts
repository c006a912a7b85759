// Checks an API response against the served OpenAPI document: its status is one the operation documents,
// every header the document marks required is there and every documented header matches its schema, and
// the body matches the documented schema. A path or method the document does not name must be refused in
// the one error shape (404, or 405 with Allow).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import type { ValidateFunction } from "ajv";

type Json = Record<string, any>;
export type ObservedResponse = { method: string; url: string; status: number; headers: Record<string, string>; body: Buffer };

const DOCUMENT_ID = "openapi";
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => void;

/** A JSON pointer as a URI fragment, as Ajv resolves it. */
function pointer(segments: string[]): string {
  return "#" + segments.map((segment) => "/" + encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"))).join("");
}

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly basePath: string;
  private readonly routes: { template: string; pattern: RegExp }[];

  constructor(private readonly document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    // The server URL may be relative to the document; only its path matters here.
    this.basePath = new URL(document.servers[0].url, "http://document.invalid").pathname.replace(/\/$/, "");
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp("^" + template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+") + "$"),
    }));
  }

  /** Follows a local $ref; returns the object and the pointer segments where it lives. */
  private resolve(value: Json, at: string[]): { value: Json; at: string[] } {
    if (typeof value?.$ref !== "string") return { value, at };
    const segments = value.$ref.slice(2).split("/").map((segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    return this.resolve(segments.reduce((node: Json, key: string) => node[key], this.document), segments);
  }

  private validator(at: string[]): ValidateFunction {
    const key = pointer(at);
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile({ $ref: DOCUMENT_ID + key }));
    return this.compiled.get(key)!;
  }

  private check(at: string[], value: unknown, what: string): string[] {
    const validate = this.validator(at);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${what}${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  }

  /** Every way the response departs from the document; empty when it matches. */
  violations(observed: ObservedResponse): string[] {
    const url = new URL(observed.url);
    const method = observed.method.toLowerCase();
    if (url.pathname !== this.basePath && !url.pathname.startsWith(this.basePath + "/")) return [];
    // The server URL names the index `/`: both `/api/v1` and `/api/v1/` reach it.
    const rest = url.pathname.slice(this.basePath.length) || "/";
    const route = this.routes.find(({ pattern }) => pattern.test(rest));
    const operationMethod = method === "head" ? "get" : method;
    const operation = route && this.document.paths[route.template][operationMethod];
    const label = `${observed.method} ${url.pathname} ${observed.status}`;
    if (!operation) return this.undocumented(observed, label, route ? 405 : 404);

    const status = String(observed.status);
    const documented = operation.responses[status] ?? operation.responses.default;
    if (!documented) return [`${label}: status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`];
    const responseStatus = operation.responses[status] ? status : "default";
    const { value: response, at } = this.resolve(documented, ["paths", route.template, operationMethod, "responses", responseStatus]);
    const problems: string[] = [];

    for (const [name, raw] of Object.entries<Json>(response.headers ?? {})) {
      const { value: described, at: headerAt } = this.resolve(raw, [...at, "headers", name]);
      const sent = observed.headers[name.toLowerCase()];
      if (sent === undefined) {
        if (described.required) problems.push(`${label}: header ${name} is required`);
        continue;
      }
      const type = described.schema?.type;
      const value = type === "integer" || type === "number" ? (/^-?\d+(\.\d+)?$/.test(sent) ? Number(sent) : sent) : sent;
      problems.push(...this.check([...headerAt, "schema"], value, `${label}: header ${name}`));
    }

    const media = response.content?.["application/json"];
    if (method === "head") return problems;
    if (!media) {
      if (observed.body.length) problems.push(`${label}: documented without a body, but one was sent`);
      return problems;
    }
    if (!/^application\/json\b/.test(observed.headers["content-type"] ?? "")) problems.push(`${label}: Content-Type is ${observed.headers["content-type"]}, not application/json`);
    let body: unknown;
    try {
      body = JSON.parse(observed.body.toString("utf8"));
    } catch {
      return [...problems, `${label}: the body is not JSON`];
    }
    return [...problems, ...this.check([...at, "content", "application/json", "schema"], body, `${label}: body`)];
  }

  /**
   * A path or method the document does not name: refused in the one error shape (404 or 405; without a
   * valid token the refusal comes first, 401 or 429, so that it reveals nothing about the paths).
   */
  private undocumented(observed: ObservedResponse, label: string, expected: 404 | 405): string[] {
    const problems: string[] = [];
    if (![expected, 401, 429].includes(observed.status)) problems.push(`${label}: undocumented ${expected === 404 ? "path" : "method"}, expected ${expected}`);
    if (expected === 405 && observed.status === 405 && !observed.headers["allow"]) problems.push(`${label}: 405 without Allow`);
    if (!observed.headers["x-request-id"]) problems.push(`${label}: no X-Request-Id`);
    if (observed.method.toUpperCase() === "HEAD") return problems;
    try {
      problems.push(...this.check(["components", "schemas", "Error"], JSON.parse(observed.body.toString("utf8")), `${label}: body`));
    } catch {
      problems.push(`${label}: the body is not JSON`);
    }
    return problems;
  }
}
