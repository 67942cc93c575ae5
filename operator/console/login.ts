// The sign-in page: one password field for a Kubernetes bearer token. Nothing is stored but the
// sealed cookie (session.ts); the token is checked by a TokenReview on every request.
import { type Html, html } from './html.ts';
import { notice, page } from './layout.ts';

export function loginPage(error?: string): Html {
  return page({
    title: 'Sign in',
    body: html`<div class="login">
${error ? notice('error', error) : ''}
<p>Sign in with your Kubernetes credentials: a bearer token the cluster accepts. You see what you could <code>kubectl get</code>, nothing more.</p>
<form method="post" action="/login">
  <label for="token">Kubernetes bearer token</label>
  <input type="password" id="token" name="token" required autocomplete="off" spellcheck="false" aria-describedby="token-help">
  <p id="token-help" class="muted">For example <code>kubectl create token &lt;service-account&gt; -n &lt;namespace&gt;</code>, or your kubeconfig user's token. It is kept only in an encrypted, HttpOnly session cookie.</p>
  <button type="submit">Sign in</button>
</form>
</div>`,
  });
}
