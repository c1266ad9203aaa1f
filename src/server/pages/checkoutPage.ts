import { billedEvery, formatInterval, perInterval } from '../../contract/formatInterval';
import { formatMoney } from '../../contract/formatMoney';
import { digitsOf, formatCardNumber, formatExpiry } from '../../contract/validateCard';
import type { Interval } from '../../contract/types';
import { checkoutPageStyles } from './checkoutPageStyles';
import { escapeHtml, safeHref } from './escapeHtml';
import type { CheckoutPageView } from './types';

export type { CheckoutPageView } from './types';

// The hosted page is the proxy's own English test page; money and dates follow en-US.
const LOCALE = 'en-US';

/** Stripe's test cards the built-in test processor understands, shown in the banner. */
const TEST_CARDS: [number: string, outcome: string][] = [
  ['4242 4242 4242 4242', 'pays'],
  ['4000 0000 0000 0002', 'is declined'],
  ['4000 0000 0000 9995', 'has insufficient funds'],
  ['4000 0025 0000 3155', 'requires authentication'],
];

/** `"Billed monthly"`: the contract's phrase, starting a line. */
const billed = (interval: Interval) => billedEvery(interval).replace(/^b/, 'B');

const ICONS = {
  back: '<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M10 3 5 8l5 5"/></svg>',
  check: '<svg aria-hidden="true" viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"><circle cx="24" cy="24" r="21"/><path d="m15 24.5 6 6 12-13"/></svg>',
  clock: '<svg aria-hidden="true" viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"><circle cx="24" cy="24" r="21"/><path d="M24 12v12l8 5"/></svg>',
  bank: '<svg aria-hidden="true" viewBox="0 0 28 28" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"><path d="M3 11 14 4l11 7H3Z"/><path d="M6 11v10m5-10v10m6-10v10m5-10v10M3 24h22"/></svg>',
};

// Progressive enhancement only: the form works without it. Groups the card number in
// fours, writes the expiry as "MM / YY", and stops a second submit of the card form.
// The card form's formatting is the contract's (as `<CheckoutForm/>`'s), serialised into the
// page under the names its functions call each other by: one definition of each.
const FORMATTERS = [digitsOf, formatCardNumber, formatExpiry].map((fn) => `var ${fn.name}=${String(fn)};`).join('\n');

const SCRIPT = `(function(){
${FORMATTERS}
var n=document.getElementById('card_number');
if(n)n.addEventListener('input',function(){n.value=${formatCardNumber.name}(n.value);});
var e=document.getElementById('card_exp');
if(e)e.addEventListener('input',function(){e.value=${formatExpiry.name}(e.value);});
var f=document.getElementById('card-form');
if(f)f.addEventListener('submit',function(ev){if(f.getAttribute('data-submitted')){ev.preventDefault();return;}f.setAttribute('data-submitted','');var b=document.getElementById('pay');if(b){b.setAttribute('aria-busy','true');b.textContent='Processing\\u2026';}});
})();`;

/**
 * Renders the proxy's hosted test-mode checkout page as a complete, self-contained HTML
 * document (inline CSS, no external assets, usable without JavaScript), like Stripe
 * Checkout: a test-mode banner naming the test cards, the order summary (plan, price,
 * promotion, trial, due today) and, by `view.state`, the card form, a 3-D Secure style
 * challenge, or the completed / expired message. Every interpolated string is escaped.
 *
 * @example
 * return c.html(renderCheckoutPage({ sessionId, formAction: c.req.path, cancelUrl, state: 'open', ... }));
 */
export function renderCheckoutPage(view: CheckoutPageView): string {
  const money = (amount: number) => escapeHtml(formatMoney(amount, view.price.currency, LOCALE));
  const panel = {
    open: cardForm,
    authenticate: challenge,
    complete: completed,
    expired: expired,
    elsewhere: elsewhere,
  }[view.state](view, money);
  const title = view.state === 'complete' ? 'Subscribed' : view.state === 'expired' ? 'Checkout expired' : `Subscribe to ${view.plan.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} · Billkit test checkout</title>
<style>${checkoutPageStyles}</style>
</head>
<body data-state="${view.state}">
${view.state === 'elsewhere' ? '' : testModeBanner()}
<main>
${summary(view, money)}
<section class="panel" aria-labelledby="panel-title">
${panel}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

type Money = (amount: number) => string;

function testModeBanner(): string {
  const cards = TEST_CARDS.map(([number, outcome]) => `<li><code>${number}</code> ${outcome}</li>`).join('');
  return `<header class="banner" aria-label="Test mode">
<div class="banner-inner"><strong>Test mode</strong><span>No real payment is made. Any future expiry date and any CVC work.</span>
<ul aria-label="Test cards">${cards}</ul></div>
</header>`;
}

function summary(view: CheckoutPageView, money: Money): string {
  const { plan, price, promotion, trialDays } = view;
  const intervalName = price.interval ? escapeHtml(formatInterval(price.interval, LOCALE)) : null;
  const recurring = (amount: number) => (intervalName ? `${money(amount)}/${intervalName}` : money(amount));
  const headline = trialDays
    ? `${trialDays} days free`
    : `${money(view.amountDueToday)}${intervalName ? ` <small>${perInterval(intervalName)}</small>` : ''}`;
  const then = trialDays
    ? `${trialDays}-day free trial, then ${recurring(view.amountThen)}`
    : intervalName && view.amountThen !== view.amountDueToday
      ? `Then ${recurring(view.amountThen)}`
      : null;
  const billing = price.interval ? billed(price.interval) : 'One-time payment';
  const units = view.quantity;
  const subtotal = price.amount * (units?.count ?? 1);
  const lines = [
    units
      ? line(
          escapeHtml(plan.name),
          `<span class="quantity">${units.count} ${escapeHtml(units.count === 1 ? units.unitLabel : `${units.unitLabel}s`)} × ${money(price.amount)}</span> · ${billing}`,
          money(subtotal),
        )
      : line(escapeHtml(plan.name), billing, money(price.amount)),
  ];
  if (promotion) {
    lines.push(
      line(
        `<span class="promo-code">${escapeHtml(promotion.code)}</span>`,
        escapeHtml(promotion.label),
        promotion.amount_off ? `-${money(promotion.amount_off)}` : '',
      ),
    );
  }
  if (trialDays) lines.push(line('Free trial', `${trialDays} days`, `-${money(subtotal - (promotion?.amount_off ?? 0))}`));
  lines.push(`<li class="line total"><span>Due today</span><span class="amount">${money(view.amountDueToday)}</span></li>`);
  return `<section aria-labelledby="summary-title">
${view.state === 'open' || view.state === 'authenticate' ? `<a class="back" href="${safeHref(view.cancelUrl)}">${ICONS.back}Cancel and return</a>` : ''}
<h1 class="eyebrow" id="summary-title">Subscribe to ${escapeHtml(plan.name)}</h1>
<p class="headline">${headline}</p>
${then ? `<p class="then">${then}</p>` : ''}
${plan.description ? `<p class="description">${escapeHtml(plan.description)}</p>` : ''}
<ul class="lines" aria-label="Order summary">${lines.join('')}</ul>
</section>`;
}

function line(name: string, detail: string, amount: string): string {
  return `<li class="line"><span>${name}<span class="sub">${detail}</span></span><span class="amount">${amount}</span></li>`;
}

function errorRegion(view: CheckoutPageView): string {
  return `<div id="checkout-error" class="alert" role="alert"${view.error ? ` data-code="${escapeHtml(view.error.code)}"` : ''}>${
    view.error ? escapeHtml(view.error.message) : ''
  }</div>`;
}

function cardForm(view: CheckoutPageView, money: Money): string {
  const invalid = view.error ? ' aria-invalid="true" aria-describedby="checkout-error"' : '';
  const value = (name: 'card_exp' | 'postal_code') => {
    const given = view.values?.[name];
    return given ? ` value="${escapeHtml(given)}"` : '';
  };
  const submit = view.trialDays ? 'Start trial' : `Pay ${money(view.amountDueToday)}`;
  return `<h2 id="panel-title">Pay with card</h2>
${errorRegion(view)}
<form id="card-form" method="post" action="${escapeHtml(view.formAction)}">
<div class="field"><label for="card_number">Card number</label>
<input id="card_number" name="card_number" type="text" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" maxlength="23" required${invalid}></div>
<div class="row">
<div class="field"><label for="card_exp">Expiry date</label>
<input id="card_exp" name="card_exp" type="text" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" maxlength="9" required${value('card_exp')}></div>
<div class="field"><label for="card_cvc">Security code</label>
<input id="card_cvc" name="card_cvc" type="text" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" maxlength="4" required></div>
</div>
<div class="field"><label for="postal_code">ZIP / postal code</label>
<input id="postal_code" name="postal_code" type="text" autocomplete="postal-code" maxlength="16"${value('postal_code')}></div>
<button type="submit" id="pay">${submit}</button>
</form>
<p class="fineprint">${
    view.trialDays
      ? `Nothing is charged today. After the trial, ${money(view.amountThen)} is charged each ${escapeHtml(formatInterval(view.price.interval, LOCALE))} until you cancel.`
      : 'Processed by the Billkit test processor. No card is charged.'
  }</p>`;
}

function challenge(view: CheckoutPageView, money: Money): string {
  return `<div class="bank">${ICONS.bank}<span>Billkit Test Bank</span></div>
<h2 id="panel-title">Confirm this payment</h2>
<p>Your bank asks you to authenticate this payment (a test 3-D Secure challenge). Choose the outcome to simulate.</p>
<dl class="facts"><dt>Plan</dt><dd>${escapeHtml(view.plan.name)}</dd><dt>Amount</dt><dd>${money(view.amountDueToday)}</dd></dl>
${errorRegion(view)}
<form method="post" action="${escapeHtml(view.formAction)}">
<button type="submit" name="authenticate" value="approve">Complete authentication</button>
<button type="submit" name="authenticate" value="fail" class="secondary">Fail authentication</button>
</form>`;
}

function completed(view: CheckoutPageView): string {
  const heading = view.trialDays ? 'Your trial has started' : 'Payment successful';
  const next = view.successUrl
    ? `<a class="button" href="${safeHref(view.successUrl)}">Continue</a>`
    : '<p>You can close this page.</p>';
  return `<div class="status success">${ICONS.check}
<h2 id="panel-title">${heading}</h2>
<p>You are subscribed to ${escapeHtml(view.plan.name)}.</p>
${next}</div>`;
}

function expired(view: CheckoutPageView): string {
  return `<div class="status expired">${ICONS.clock}
<h2 id="panel-title">This checkout has expired</h2>
<p>Nothing was charged. Start again from the app to subscribe to ${escapeHtml(view.plan.name)}.</p>
<a class="button" href="${safeHref(view.cancelUrl)}">Return to the app</a></div>`;
}

// A Stripe session reached on the proxy's own page: its card form cannot pay Stripe, so
// the page says where the payment happens rather than offering test cards.
function elsewhere(view: CheckoutPageView): string {
  const where =
    view.payIn === 'hosted'
      ? 'This payment is taken on the Stripe Checkout page the app sent you to.'
      : 'This payment is completed in the secure payment form inside the app (Stripe), not on this page.';
  return `<div class="status expired">${ICONS.clock}
<h2 id="panel-title">Finish paying in the app</h2>
<p>${where} Go back to the app to enter your payment details; nothing has been charged here.</p>
<a class="button" href="${safeHref(view.cancelUrl)}">Return to the app</a></div>`;
}
