export declare const API_BODY_LIMIT: number;
export declare const CREDENTIAL_REPORT_BODY_LIMIT: number;
export declare const AUTH_BODY_LIMIT: number;
export declare const DEFAULT_BODY_LIMIT: number;
export declare function bodyLimitFor(pathname: string): number;
