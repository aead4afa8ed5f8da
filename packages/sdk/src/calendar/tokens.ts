import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Feed tokens are stored only as this hash; a leaked table does not open any feed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newNonce(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The feed token: HMAC of a random per-staff nonce under the link secret. Random to anyone
 * without the secret, yet printable again by `calendar url` without storing it in clear.
 */
export function feedToken(secret: string, staffId: string, nonce: string): string {
  return createHmac("sha256", secret).update(`feed\u0000${staffId}\u0000${nonce}`).digest("base64url");
}

export function signDialogueLink(secret: string, dialogueId: string, expires: number): string {
  return createHmac("sha256", secret).update(`dialogue\u0000${dialogueId}\u0000${expires}`).digest("base64url");
}

export function verifyDialogueLink(secret: string, dialogueId: string, expires: number, signature: string): boolean {
  const expected = Buffer.from(signDialogueLink(secret, dialogueId, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
