/**
 * The `billkit-proxy` CLI as a user runs it: `node --import tsx src/server/cli.ts …`,
 * either to completion (`runCli`) or as a server that prints its URL and dev tokens
 * when ready (`startCli`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const CLI = ['--import', 'tsx', 'src/server/cli.ts'];
const exec = promisify(execFile);

/** Runs the CLI with `args` to its end; rejects with `{ code, stdout, stderr }` on a non-zero exit. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  return exec(process.execPath, [...CLI, ...args], options.env ? { env: options.env } : {});
}

/** Runs the CLI expecting it to refuse: its exit code, stdout and stderr. */
export async function cliRefusal(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const failure = (await runCli(args, options).then(
    () => null,
    (error: unknown) => error,
  )) as { code: number; stdout: string; stderr: string } | null;
  expect(failure, 'the CLI should have refused').not.toBeNull();
  return failure!;
}

/** A CLI server that has printed its ready banner. */
export interface RunningCli {
  child: ChildProcess;
  /** stdout and stderr so far (the ready banner included). */
  output: () => string;
  /** The `URL:` it printed. */
  url: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the CLI server with `args` (e.g. `['--port', '0', '--data-dir', dir]`) and
 * resolves once it has printed its URL and the dev tokens (the last is `org_acme`'s; with
 * `devTokens: false`, as beside a real identity provider, its `Payments:` line);
 * rejects with its output if it exits first.
 */
export async function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; devTokens?: boolean } = {}): Promise<RunningCli> {
  const ready = options.devTokens === false ? /Payments:.*\n/ : /org_acme\s+\S+/;
  const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: options.env } : {}) });
  let out = '';
  child.stderr!.on('data', (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /URL:\s+(http:\/\/\S+)/.exec(out);
      if (match && ready.test(out)) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return {
    child,
    output: () => out,
    url,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
