/**
 * Whether someone may use the product (segmentation, DESIGN.md "Settings and policy"): everyone when
 * `allowedGroups` is empty, otherwise only members of one of its groups, from the ID token's `groups`
 * claim (okta-api.md §7.1). No claim means no known membership, so no access: the admin guide says
 * to configure the claim. Okta group names are compared without regard to case.
 */
export function isInAudience(
  groups: readonly string[] | undefined,
  allowedGroups: readonly string[],
): boolean {
  if (allowedGroups.length === 0) return true;
  if (!groups) return false;
  const allowed = new Set(allowedGroups.map(fold));
  return groups.some((group) => allowed.has(fold(group)));
}

function fold(name: string): string {
  return name.trim().toLowerCase();
}
