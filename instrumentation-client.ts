// Runs in the browser before the app's own code. The Content-Security-Policy (next.config.mjs) allows no
// eval; zod probes for it with `new Function` the first time it parses an object, and although the probe's
// error is caught, the browser still reports a CSP violation. Its jitless mode skips the probe. Set on
// zod's global config object (created here if zod has not loaded yet, which zod then adopts).
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig ??= {};
zodGlobal.__zod_globalConfig.jitless = true;

export {};
