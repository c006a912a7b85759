"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

type Props = { documentUrl: string };

/**
 * The OpenAPI document rendered by Swagger UI, bundled with the app (no CDN) and loaded on demand so that
 * no other page carries it. "Try it out" is off: it would invite pasting a token into a web page, and a
 * token belongs on the integration's server.
 */
export function ApiReference({ documentUrl }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !container.current) return;
        SwaggerUIBundle({
          url: documentUrl,
          domNode: container.current,
          deepLinking: true,
          supportedSubmitMethods: [],
          validatorUrl: null,
          defaultModelsExpandDepth: 0,
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [documentUrl]);

  return (
    <div ref={container} className="api-reference" aria-busy={!failed}>
      {failed ? (
        <p role="alert">
          The reference could not be shown. The document itself is at <a href={documentUrl}>{documentUrl}</a>.
        </p>
      ) : null}
    </div>
  );
}
