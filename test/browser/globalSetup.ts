import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildStorybook, listStories, serveStorybook, type StoryEntry } from './storybook';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The static Storybook build the browser tests open, served on loopback. */
    storybook: { url: string; dir: string; stories: StoryEntry[] };
  }
}

/**
 * Builds Storybook once per run of the `browser` project (or reuses
 * `BILLKIT_STORYBOOK_DIR`), serves it on 127.0.0.1 at a free port, and hands its URL and
 * stories to the test files (`inject('storybook')`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir, built, ms } = await buildStorybook();
  if (built) console.log(`[browser] storybook built in ${(ms / 1000).toFixed(1)} s → ${dir}`);
  const server = await serveStorybook(dir);
  project.provide('storybook', { url: server.url, dir, stories: await listStories(dir) });
  return async () => {
    await server.close();
    // A build made into a temp folder is this run's own; a given BILLKIT_STORYBOOK_DIR is kept.
    if (built && !process.env.BILLKIT_STORYBOOK_DIR) await rm(dir, { recursive: true, force: true });
  };
}
