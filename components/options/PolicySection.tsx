import { Fragment } from 'preact';
import type { PolicyView } from '@/lib/policy/policy-view';

// The policy sentences are for admins, in English like parsePolicy's warnings.
const TEXT = {
  heading: 'Settings',
  setByOrganization: 'Set by your organization',
  warningsHeading: 'Policy values Workstation ignored or adjusted',
  clientSecretHeading: 'A client secret is set in policy',
} as const;

/** The settings in force, which ones the organization locked, and what is wrong with its policy. */
export function PolicySection({ policy }: { policy: PolicyView | undefined }) {
  if (!policy) return null;
  return (
    <section aria-labelledby="policy">
      <h2 id="policy">{TEXT.heading}</h2>
      {policy.clientSecretWarning && (
        <div class="error" role="alert" aria-labelledby="client-secret">
          <h3 id="client-secret">{TEXT.clientSecretHeading}</h3>
          <p>{policy.clientSecretWarning}</p>
        </div>
      )}
      {policy.warnings.length > 0 && (
        <div role="alert" aria-labelledby="policy-warnings">
          <h3 id="policy-warnings">{TEXT.warningsHeading}</h3>
          <ul>
            {policy.warnings.map((warning) => (
              <li key={`${warning.key} ${warning.message}`}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      <dl class="facts-list">
        {policy.settings.map((setting) => (
          <Fragment key={setting.key}>
            <dt>{setting.title}</dt>
            <dd>
              {setting.value}
              {setting.locked && <span class="muted"> · {TEXT.setByOrganization}</span>}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
