import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, page } from '../html';

/** The error page for authorize and logout failures that cannot be redirected (bad client, bad redirect URI). */
export function renderError(
  ctx: KoaContextWithOIDC,
  out: { error: string; error_description?: string | undefined },
): void {
  ctx.type = 'html';
  ctx.body = page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p class="error" role="alert"><strong>${escapeHtml(out.error)}</strong>: ${escapeHtml(out.error_description ?? '')}</p>`,
  );
}

/**
 * Okta ends the session on /logout without asking (okta-api.md §4.5); oidc-provider shows a confirmation
 * form, so this page submits it at once (with `logout=yes`), and keeps a button for browsers without script.
 */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = page(
    'Signing out',
    `<h1>Signing out</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<button type="submit" form="op.logoutForm">Sign out</button>
<script>document.getElementById('op.logoutForm').submit()</script>`,
  );
}

/** The page shown after a logout without a post_logout_redirect_uri. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = page('Signed out', '<h1>Signed out</h1><p>You have been signed out of the dev org.</p>');
}
