import { escapeHtml, page } from '../html';

/** What the sign-in page shows. */
export interface LoginPageModel {
  action: string;
  clientName: string;
  username: string;
  error?: string;
}

/** The sign-in form: real labels, no script (the e2e tests fill it like a person would). */
export function loginPage(model: LoginPageModel): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to ${escapeHtml(model.clientName)} with your dev org account</p>
${model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : ''}
<form method="post" action="${escapeHtml(model.action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(model.username)}"${model.username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${model.username ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>`,
  );
}
