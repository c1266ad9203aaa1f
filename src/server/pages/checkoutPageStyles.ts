/**
 * The hosted checkout page's whole stylesheet, inlined so the page needs no other
 * request. Colours are the Billkit tokens' values (light, and dark under
 * `prefers-color-scheme`), with text contrast of at least 4.5:1 in both.
 */
export const checkoutPageStyles = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --text: #111827; --muted: #4b5563; --border: #d9dde3;
  --input: #ffffff; --accent: #4f46e5; --accent-text: #ffffff; --accent-hover: #4338ca;
  --focus: #6366f1; --danger: #b91c1c; --danger-bg: #fef2f2; --success: #047857; --success-bg: #ecfdf5;
  --warn-bg: #fffbeb; --warn-border: #f59e0b; --warn-text: #78350f; --code-bg: #fef3c7;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b0f17; --panel: #111827; --text: #f3f4f6; --muted: #a1a8b3; --border: #2b3444;
    --input: #0b1220; --accent: #818cf8; --accent-text: #0b0f17; --accent-hover: #a5b4fc;
    --focus: #a5b4fc; --danger: #fca5a5; --danger-bg: #2a1215; --success: #6ee7b7; --success-bg: #0b2a22;
    --warn-bg: #2a1f06; --warn-border: #b45309; --warn-text: #fde68a; --code-bg: #3b2c0a;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
  font: 15px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 2px solid var(--focus); outline-offset: 2px;
}
.banner {
  background: var(--warn-bg); border-bottom: 1px solid var(--warn-border); color: var(--warn-text);
  padding: 10px 20px; font-size: 13px;
}
.banner-inner { max-width: 960px; margin: 0 auto; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
.banner strong { text-transform: uppercase; letter-spacing: .06em; font-size: 12px; }
.banner ul { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; list-style: none; }
.banner code {
  background: var(--code-bg); border-radius: 4px; padding: 1px 5px; white-space: nowrap;
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
main {
  max-width: 960px; margin: 0 auto; padding: 32px 20px 48px;
  display: grid; gap: 32px; grid-template-columns: 1fr;
}
@media (min-width: 800px) { main { grid-template-columns: 1fr 1fr; gap: 56px; padding-top: 56px; } }
.back { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); text-decoration: none; font-size: 14px; }
.back:hover { color: var(--text); text-decoration: underline; }
.eyebrow { color: var(--muted); margin: 24px 0 4px; font-size: 15px; font-weight: 500; }
.headline { margin: 0; font-size: 34px; line-height: 1.15; font-weight: 700; letter-spacing: -.02em; }
.headline small { font-size: 15px; font-weight: 500; color: var(--muted); letter-spacing: 0; }
.then { margin: 6px 0 0; color: var(--muted); }
.description { color: var(--muted); margin: 12px 0 0; }
.lines { margin: 28px 0 0; padding: 0; list-style: none; border-top: 1px solid var(--border); }
.line { display: flex; justify-content: space-between; gap: 16px; padding: 12px 0; border-bottom: 1px solid var(--border); }
.line span:first-child { display: flex; flex-direction: column; }
.line .sub { color: var(--muted); font-size: 13px; }
.line .amount { font-variant-numeric: tabular-nums; white-space: nowrap; }
.line.total { font-weight: 700; font-size: 16px; border-bottom: 0; }
.promo-code {
  display: inline-block; width: fit-content; margin-top: 2px; padding: 0 6px; border-radius: 4px;
  background: var(--success-bg); color: var(--success); font-size: 12px; font-weight: 600; letter-spacing: .03em;
}
.panel {
  background: var(--panel); border: 1px solid var(--border); border-radius: 12px; padding: 28px;
  box-shadow: 0 1px 2px rgb(0 0 0 / .04), 0 8px 24px rgb(0 0 0 / .04);
}
h1, h2 { margin: 0 0 16px; font-size: 20px; line-height: 1.3; }
.field { display: grid; gap: 6px; margin-bottom: 14px; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
label { font-size: 14px; font-weight: 500; }
input {
  width: 100%; font: inherit; color: var(--text); background: var(--input); border: 1px solid var(--border);
  border-radius: 8px; padding: 10px 12px; font-variant-numeric: tabular-nums;
}
input::placeholder { color: var(--muted); opacity: .8; }
input[aria-invalid="true"] { border-color: var(--danger); }
.alert:empty { display: none; }
.alert {
  border: 1px solid var(--danger); background: var(--danger-bg); color: var(--danger);
  border-radius: 8px; padding: 10px 12px; margin: 0 0 16px; font-size: 14px;
}
button, .button {
  display: flex; width: 100%; justify-content: center; align-items: center; gap: 8px; margin-top: 8px;
  font: inherit; font-weight: 600; font-size: 16px; border: 1px solid transparent; border-radius: 8px;
  padding: 12px 16px; cursor: pointer; text-decoration: none; background: var(--accent); color: var(--accent-text);
}
button:hover, .button:hover { background: var(--accent-hover); }
button.secondary { background: transparent; color: var(--text); border-color: var(--border); }
button.secondary:hover { background: var(--bg); }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
.fineprint { color: var(--muted); font-size: 13px; margin: 16px 0 0; text-align: center; }
.status { text-align: center; padding: 12px 0; }
.status svg { width: 48px; height: 48px; margin: 0 auto 12px; display: block; }
.status.success svg { color: var(--success); }
.status.expired svg { color: var(--muted); }
.status p { color: var(--muted); margin: 0 0 16px; }
.bank { display: flex; align-items: center; gap: 10px; margin-bottom: 16px; font-weight: 600; }
.bank svg { width: 28px; height: 28px; color: var(--accent); }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 6px 16px; margin: 16px 0; font-size: 14px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 500; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
