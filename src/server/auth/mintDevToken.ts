import { SignJWT } from 'jose';
import { jwtHmacKey } from '../crypto/hmac';

/**
 * Mints a development session token (HS256 JWT) for a subject: `sub` is the user, an
 * optional `org_id` makes the org the billed subject. The proxy started without
 * `--jwt-secret`/`--jwks-url` accepts these, signed with the data folder's dev key.
 */
export async function mintDevToken(options: {
  secret: string;
  user: string;
  org?: string;
  /**
   * Adds the claim `billkit_dev: "operator"`: the dev clock's advance answers this token
   * with every subject's events (`billkit-proxy clock`). Only for whoever holds the key.
   */
  operator?: boolean;
  /** Lifetime in seconds from `now`. Default 30 days. */
  expiresIn?: number;
  now?: Date;
}): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({ ...(options.org ? { org_id: options.org } : {}), ...(options.operator ? { billkit_dev: 'operator' } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.user)
    .setIssuedAt(iat)
    .setIssuer('billkit-dev');
  jwt.setExpirationTime(iat + (options.expiresIn ?? 30 * 24 * 3600));
  return jwt.sign(await jwtHmacKey(options.secret));
}
