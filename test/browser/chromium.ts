import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is looked for, in order, before falling back to `@sparticuz/chromium`. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a quiet, reproducible headless run (root needs `--no-sandbox`). */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let found: Promise<string> | undefined;

/**
 * The Chromium binary the browser tests drive: `BILLKIT_CHROMIUM` (or `CHROMIUM_PATH`)
 * when set, else the first of `/usr/bin/chromium`, `/usr/bin/chromium-browser`,
 * `/usr/bin/google-chrome` that exists, else the headless Chromium bundled by
 * `@sparticuz/chromium` (unpacked to the temp folder on first use, ~2 s). Memoised.
 */
function findChromium(): Promise<string> {
  found ??= locate();
  return found;
}

async function locate(): Promise<string> {
  const fromEnv = process.env.BILLKIT_CHROMIUM || process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return fromEnv;
    throw new Error(`BILLKIT_CHROMIUM / CHROMIUM_PATH points at ${fromEnv}, which is not an executable file.`);
  }
  for (const path of SYSTEM_CHROMIUMS) {
    if (await isExecutable(path)) return path;
  }
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return await sparticuz.executablePath();
  } catch (error) {
    throw new Error(
      `No Chromium found. Install one (apt-get install chromium) or set BILLKIT_CHROMIUM to its path. (@sparticuz/chromium: ${String(error)})`,
      { cause: error },
    );
  }
}

/** Launches headless Chromium (see `findChromium`) with playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), args: LAUNCH_ARGS });
}
