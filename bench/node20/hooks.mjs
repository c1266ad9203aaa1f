// Module hooks: size-limit's own modules get `node:fs/promises` with a `glob` added.
const shim = new URL('./fs-promises.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === 'node:fs/promises' || specifier === 'fs/promises') && /\/size-limit\//.test(context.parentURL ?? '')) {
    return { url: shim, shortCircuit: true };
  }
  return next(specifier, context);
}
