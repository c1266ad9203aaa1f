// `node:fs/promises` plus the small part of Node 22's `glob` that size-limit's config
// needs: literal paths and "<dir>/**" (what size-limit adds to every pattern).
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export * from 'node:fs/promises';

function entry(path, isFile) {
  return { name: basename(path), parentPath: dirname(path), isFile: () => isFile, isDirectory: () => !isFile };
}

export async function* glob(patterns, { cwd = process.cwd() } = {}) {
  for (const pattern of [patterns].flat()) {
    const recursive = pattern.endsWith('/**');
    const base = resolve(cwd, recursive ? pattern.slice(0, -3) : pattern);
    if (/[*?[\]{}]/.test(recursive ? pattern.slice(0, -3) : pattern)) {
      throw new Error(`bench/node20: only literal paths are supported in .size-limit.json on Node 20 (got ${pattern})`);
    }
    const info = await stat(base).catch(() => null);
    if (!info) continue;
    if (!recursive) {
      yield entry(base, info.isFile());
    } else if (info.isDirectory()) {
      for (const dirent of await readdir(base, { recursive: true, withFileTypes: true })) {
        if (dirent.isFile()) yield entry(join(dirent.parentPath ?? dirent.path, dirent.name), true);
      }
    }
  }
}
