// State that must be one per server process. Next.js compiles the middleware and each route into bundles
// of their own, each with its own copy of a module's top-level variables, so a module-level Map or pool
// would exist once per bundle; kept on globalThis under one name, every bundle (and scripts/server.mjs,
// which runs outside them) shares the same one. Plain JavaScript so that the server can import it too.

/** The process's one value under this name, created on first use. Names start with "platform". */
export function processWide(name, create) {
  return (globalThis[name] ??= create());
}
