// A real OpenID Connect provider for the single sign-on tests: the npm package oidc-provider (locked in
// package-lock.json) with its development sign-in and consent pages (devInteractions), which accept any
// login and password; the login names the account.
//
//   node tests/sso/provider.mjs <settings.json>
//
// settings.json: {"client_id", "client_secret", "redirect_uris": [...], "accounts": "<accounts.json>"}.
// accounts.json maps each account's subject to its claims ({"email": ..., "groups": [...], ...}); it is read
// again on every look-up, so a test changes an account's claims (its groups) by rewriting the file.
// Listens on a free loopback port and prints "issuer <url>" once it answers.

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function accounts() {
  return JSON.parse(readFileSync(settings.accounts, 'utf8'));
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'tests', alg: 'RS256', use: 'sig' };

const configuration = {
  clients: [
    {
      client_id: settings.client_id,
      client_secret: settings.client_secret,
      redirect_uris: settings.redirect_uris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['onramp-tests-only'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'employee_id'],
    groups: ['groups'],
  },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, sub) {
    const claims = accounts()[sub];
    if (!claims) {
      return undefined;
    }
    return {
      accountId: sub,
      async claims() {
        return { ...accounts()[sub], sub };
      },
    };
  },
};

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  process.stdout.write(`issuer ${issuer}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
