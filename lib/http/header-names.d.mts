export declare const REQUEST_PATH_HEADER: "x-platform-request-path";
export declare const PRINCIPAL_HEADER: "x-platform-principal";
export declare const CLIENT_ADDRESS_HEADER: "x-platform-client-address";
export declare const REQUEST_ID_HEADER: "x-platform-request-id";
export declare const REQUEST_ID_RESPONSE_HEADER: "X-Request-Id";
export declare const TOKEN_ID_RESPONSE_HEADER: "x-platform-token-id";
