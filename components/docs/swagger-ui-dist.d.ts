// swagger-ui-dist ships no types; this is the part of its API the reference page uses.
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  type SwaggerUIOptions = {
    url: string;
    domNode: HTMLElement;
    deepLinking?: boolean;
    supportedSubmitMethods?: string[];
    validatorUrl?: string | null;
    defaultModelsExpandDepth?: number;
  };
  const SwaggerUIBundle: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUIBundle;
}
