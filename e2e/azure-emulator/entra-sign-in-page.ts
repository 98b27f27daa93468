import { escapeHtml } from './http-exchange.ts';

/** The emulator's sign-in pages: plain HTML forms with labelled fields, so a person or Playwright can fill them. */

const style = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0}
main{background:#fff;max-width:440px;margin:10vh auto;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}label{display:block;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px;font-size:15px}
button{margin-top:20px;padding:8px 24px;font-size:15px}.error{color:#e00;margin:8px 0}.note{color:#555;font-size:13px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main><p class="note">Azure emulator (not Microsoft)</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function errorLine(error: string | undefined): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

export function credentialsPage(options: {
  action: string;
  flowId: string;
  appName: string;
  loginHint?: string | undefined;
  error?: string | undefined;
}): string {
  return page(
    'Sign in',
    `<p>to continue to ${escapeHtml(options.appName)}</p>${errorLine(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="flow" value="${escapeHtml(options.flowId)}"><input type="hidden" name="step" value="credentials">
<label for="username">Email, phone, or Skype</label><input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.loginHint ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" id="signin">Sign in</button></form>`,
  );
}

export function consentPage(options: {
  action: string;
  flowId: string;
  appName: string;
  userName: string;
  scopes: readonly string[];
}): string {
  const items = options.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return page(
    'Permissions requested',
    `<p>${escapeHtml(options.userName)}</p><p>${escapeHtml(options.appName)} would like to:</p><ul>${items}</ul>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="flow" value="${escapeHtml(options.flowId)}"><input type="hidden" name="step" value="consent">
<button type="submit" name="decision" value="accept" id="accept">Accept</button>
<button type="submit" name="decision" value="decline" id="decline">Cancel</button></form>`,
  );
}

export function deviceCodeEntryPage(options: { action: string; error?: string | undefined }): string {
  return page(
    'Enter code',
    `<p>Enter the code displayed on your app or device.</p>${errorLine(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
<label for="otc">Code</label><input id="otc" name="otc" type="text" autocomplete="off" required>
<button type="submit" id="next">Next</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<p>${escapeHtml(text)}</p>`);
}

/** `response_mode=form_post`: the browser posts the response to the redirect URI, as Entra's page does with a script. */
export function formPostPage(redirectUri: string, fields: Record<string, string>, scriptNonce: string): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head><body>
<form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form>
<script nonce="${scriptNonce}">document.forms[0].submit();</script></body></html>`;
}
