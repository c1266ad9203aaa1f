import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintDevToken } from './auth/mintDevToken';
import { CliUsageError } from './cliConfig';
import { loadOrCreateKeys } from './keysFile';

const USAGE = `Usage
  billkit-proxy clock                      Show the running dev proxy's now
  billkit-proxy clock advance <duration>   Move it forward and run what falls due
                                           (30d, 12h, 90m, 45s, 2w, or an ISO-8601 instant)
Options
  --url <url>        The running proxy [BILLKIT_URL] (default http://localhost:<PORT or 4242>)
  --data-dir <dir>   The proxy's data folder, whose dev key signs the request [BILLKIT_DATA_DIR] (default .billkit);
                     also for a proxy started with --jwt-secret / --jwks-url and --dev-clock
  --api-key <key>    Send the proxy's API key instead (e.g. a --memory proxy) [BILLKIT_API_KEY]
`;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `30d` → `{ seconds: 2592000 }`; an ISO-8601 instant → `{ to }`. Throws {@link CliUsageError} otherwise. */
function parseAdvance(text: string): { seconds: number } | { to: string } {
  const match = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(text.trim());
  if (match) return { seconds: Math.round(Number(match[1]) * UNITS[match[2]!]!) };
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return { to: new Date(text).toISOString() };
  throw new CliUsageError(`clock advance takes a duration like 30d, 12h, 90m, 45s or 2w, or an ISO-8601 instant, got "${text}".`);
}

/**
 * `billkit-proxy clock [advance <duration>]`: calls the running dev proxy's
 * `GET /api/dev/clock` or `POST /api/dev/clock/advance` with a dev token signed by the data
 * folder's key (an operator token) or with the API key, and prints the new now and every subject's events that fired.
 */
export async function clockCommand(args: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      'api-key': { type: 'string' },
      // Refused with a hint: the operator claim counts only when signed with the data folder's key.
      'jwt-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const [action, amount, ...rest] = positionals;
  if (rest.length > 0 || (action !== undefined && action !== 'advance') || (action === 'advance' && amount === undefined)) {
    throw new CliUsageError('use "clock" or "clock advance <duration>".');
  }
  const body = action === 'advance' ? parseAdvance(amount!) : null;
  const base = (values.url ?? env.BILLKIT_URL ?? `http://localhost:${env.PORT ?? 4242}`).replace(/\/+$/, '');
  if (values['jwt-secret'] !== undefined) {
    throw new CliUsageError(
      "clock signs with the proxy's data folder key (--data-dir), never with --jwt-secret: the proxy honours an operator token only from its own dev key; or pass --api-key.",
    );
  }
  const apiKey = values['api-key'] ?? env.BILLKIT_API_KEY;
  // An operator token: the holder of the data folder's key sees every subject's events.
  const token =
    apiKey ||
    (await mintDevToken({
      secret: (await loadOrCreateKeys(resolve(values['data-dir'] ?? env.BILLKIT_DATA_DIR ?? '.billkit'))).jwtSecret,
      user: 'billkit_cli',
      operator: true,
    }));
  let res: Response;
  try {
    res = await fetch(`${base}/api/dev/clock${body ? '/advance' : ''}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new Error(`no proxy answers at ${base} (start one with billkit-proxy, or pass --url).`);
  }
  const answer = (await res.json().catch(() => null)) as
    | { now?: string; events?: { type: string; subject: string; id: string }[]; error?: { message: string } }
    | null;
  if (res.status === 404) {
    throw new Error(
      `${base} has no dev clock for this caller (it runs only in dev mode, or with --dev-clock; then sign with that proxy's --data-dir, or pass its --api-key).`,
    );
  }
  if (!res.ok || !answer?.now) throw new Error(answer?.error?.message ?? `the proxy answered ${res.status}.`);
  const lines = [`now: ${answer.now}`];
  if (answer.events) {
    lines.push(answer.events.length === 0 ? 'nothing fell due' : `${answer.events.length} event(s):`);
    for (const e of answer.events) lines.push(`  ${e.type.padEnd(30)} ${e.subject.padEnd(16)} ${e.id}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
