export declare const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[];
