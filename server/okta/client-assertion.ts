import { randomUUID, sign, type KeyObject } from 'node:crypto';

/**
 * Signs the `private_key_jwt` client assertion (RFC 7523) that Okta's org authorization server requires
 * of a service app: `iss` = `sub` = client id, `aud` = the token endpoint, RS256, at most an hour long
 * (https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/#create-and-sign-the-jwt).
 */
export function signClientAssertion(
  clientId: string,
  tokenEndpoint: string,
  privateKey: KeyObject,
  nowMs: number,
  keyId?: string,
): string {
  const iat = Math.floor(nowMs / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) });
  const payload = encode({
    iss: clientId,
    sub: clientId,
    aud: tokenEndpoint,
    iat,
    exp: iat + 300,
    jti: randomUUID(),
  });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
