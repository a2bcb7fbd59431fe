// A real OpenID Provider (panva's certified oidc-provider) for the single sign-on tests, run as
// its own ES module process: `node oidc-provider.mjs <redirect_uri> <client_secret>`. It
// prints `listening <issuer>` once ready. Any login name signs in (its development
// interactions); the account's groups come from its name: admin-* are in palisade-admins,
// ops-* in palisade-operators, anyone else in no group.
import Provider from 'oidc-provider';
import { createServer } from 'node:http';

const [redirectUri, clientSecret] = process.argv.slice(2);
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const groupsOf = (id) => (id.startsWith('admin-') ? ['palisade-admins'] : id.startsWith('ops-') ? ['palisade-operators'] : []);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'palisade',
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, preferred_username: id, name: `Test ${id}`, email: `${id}@example.com`, groups: groupsOf(id) }),
  }),
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['palisade-test-cookie-key'] },
});
provider.proxy = false;
server.on('request', provider.callback());
process.stdout.write(`listening ${issuer}\n`);
