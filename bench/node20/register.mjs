/**
 * Lets size-limit 14 run on Node 20 (`node --import ./bench/node20/register.mjs`): it uses
 * two Node 22 APIs, `Array.fromAsync` and `glob` from `node:fs/promises`. On Node 22+
 * this file does nothing.
 */
import * as fsPromises from 'node:fs/promises';
import { register } from 'node:module';

if (!Array.fromAsync) {
  Array.fromAsync = async (items, map) => {
    const out = [];
    let index = 0;
    for await (const item of items) out.push(map ? await map(item, index++) : item);
    return out;
  };
}

if (!('glob' in fsPromises)) register('./hooks.mjs', import.meta.url);
