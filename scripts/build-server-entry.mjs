// `billkit/server` is the proxy package under Billkit's name (CONTRACT §1): a two-line
// module that re-exports `billkit-proxy`, an optional peer dependency of `billkit`, so a
// front-end install carries none of the proxy's server dependencies.
import { mkdirSync, writeFileSync } from 'node:fs';

const banner = `// billkit/server: the reference proxy's Node API. Needs \`npm i billkit-proxy\`.\n`;
mkdirSync('dist/server', { recursive: true });
writeFileSync('dist/server/index.js', `${banner}export * from 'billkit-proxy';\n`);
writeFileSync('dist/server/index.d.ts', `${banner}export * from 'billkit-proxy';\n`);
