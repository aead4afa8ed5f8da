/**
 * Bot Framework's token side on loopback: an OpenID metadata document and its signing
 * keys (JWKS), as login.botframework.com serves them, and tokens signed the way the Bot
 * Connector signs them (RS256, `kid` naming a published key). The app's cloud settings
 * point here, so its own token validation runs for real: signature, issuer, audience,
 * expiry and the serviceurl claim. `stranger` is a key that was never published.
 */
import { createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PUBLIC, withOverrides, type CloudEnvironment } from "@microsoft/teams.api";

/** The issuer Bot Framework tokens carry (the public cloud's). */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  [claim: string]: unknown;
}

export interface FakeOpenId {
  /** Cloud settings whose OpenID metadata, keys and login endpoint are this server. */
  readonly cloud: CloudEnvironment;
  /** Requests the server answered, by path (to show the keys really were fetched here). */
  readonly requests: string[];
  /** A token signed with a published key. */
  token(claims: TokenClaims): string;
  /** A token signed with a key that is not in the metadata's key set (its `kid` unknown). */
  strangerToken(claims: TokenClaims): string;
  close(): Promise<void>;
}

function rsaKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey };
}

function signJwt(key: SigningKey, claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const { expiresIn = 3600, ...rest } = claims;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const head = encode({ alg: "RS256", typ: "JWT", kid: key.kid, x5t: key.kid });
  const body = encode({ iss: BOT_FRAMEWORK_ISSUER, nbf: now - 60, iat: now - 60, exp: now + expiresIn, ...rest });
  const signature = sign("sha256", Buffer.from(`${head}.${body}`), key.privateKey).toString("base64url");
  return `${head}.${body}.${signature}`;
}

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const published = rsaKey();
  const stranger = rsaKey();
  const requests: string[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push(path);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (path === "/v1/.well-known/openidconfiguration") {
      return json(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${base}/v1/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (path === "/v1/.well-known/keys") {
      const jwk = createPublicKey(published.privateKey).export({ format: "jwk" });
      return json(200, { keys: [{ ...jwk, kty: "RSA", use: "sig", alg: "RS256", kid: published.kid, x5t: published.kid, endorsements: ["msteams"] }] });
    }
    // Entra ID's per-tenant keys (what the SDK reads for tokens whose issuer is the login endpoint): none published.
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return json(200, { keys: [] });
    json(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cloud = withOverrides(PUBLIC, {
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    loginEndpoint: base,
    tokenServiceUrl: base,
  });
  return {
    cloud,
    requests,
    token: (claims) => signJwt(published, claims),
    strangerToken: (claims) => signJwt(stranger, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
