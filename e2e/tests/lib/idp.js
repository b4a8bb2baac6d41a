// Identity providers on loopback for the single sign-on journey:
// - `startProvider`: the npm package oidc-provider (a certified OpenID Connect provider) in its
//   development settings: its own login and consent pages, keys made at start, in memory.
// - `startHostileProvider`: a small provider written with `jose` that answers every request at
//   once and can be told to spoil its ID token (a wrong nonce, an expired token, a signature by
//   a key it does not publish), so that each refusal of Jobtausch can be shown.

import Provider from 'oidc-provider';
import * as jose from 'jose';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

/** A free port on loopback. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * oidc-provider with one confidential client for Jobtausch at `base` and the people in
 * `accounts` (login name -> claims). Its development login page takes any password.
 */
export async function startProvider({ base, clientId, clientSecret, accounts }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${base}/sso/callback`],
        post_logout_redirect_uris: [`${base}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims go into the ID token itself (not only to the userinfo endpoint).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
  });
  // Quiet: the warnings about development settings are expected here.
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
  const server = provider.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    issuer,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A provider that signs people in without asking (the person `claims`), and spoils its ID token
 * as `mode` says: 'good', 'wrong-nonce', 'expired' or 'wrong-key'.
 */
export async function startHostileProvider({ clientId, claims }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const published = await jose.generateKeyPair('RS256', { extractable: true });
  const unpublished = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(published.publicKey)), kid: 'published', alg: 'RS256', use: 'sig' };
  const codes = new Map(); // code -> the nonce of its request
  const state = { mode: 'good' };

  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(16).toString('hex');
      codes.set(code, url.searchParams.get('nonce'));
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state'));
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const code = new URLSearchParams(body).get('code');
      if (!codes.has(code)) return json(res, 400, { error: 'invalid_grant' });
      const nonce = codes.get(code);
      codes.delete(code);
      const now = Math.floor(Date.now() / 1000);
      const spoilt = state.mode;
      const idToken = await new jose.SignJWT({
        ...claims,
        nonce: spoilt === 'wrong-nonce' ? 'not-the-nonce-that-was-sent' : nonce,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'published' })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(claims.sub)
        .setIssuedAt(spoilt === 'expired' ? now - 7200 : now)
        .setExpirationTime(spoilt === 'expired' ? now - 3600 : now + 300)
        .sign(spoilt === 'wrong-key' ? unpublished.privateKey : published.privateKey);
      return json(res, 200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    res.writeHead(404);
    res.end();
  });
  server.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    issuer,
    set mode(m) {
      state.mode = m;
    },
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
