import type { Logger } from "pino";

export declare const logger: Logger;
export declare function errorFields(error: unknown): { error: string; code: string | undefined };
