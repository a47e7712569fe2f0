import { LOCAL_DEFAULT_KEY } from '@inventario/signature';
import { localGatewayPort, resolveGatewayTarget } from './gateway-target';

describe('the gateway and the key the CLI uses', () => {
  it('is http://localhost:${PORT:-3000} with the local default key unless told otherwise', () => {
    expect(resolveGatewayTarget(undefined, {})).toMatchObject({ baseUrl: 'http://localhost:3000', signingKey: LOCAL_DEFAULT_KEY, usesLocalDefaultKey: true });
    expect(resolveGatewayTarget(undefined, { PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
    expect(resolveGatewayTarget('https://api.example.com/dev/', { PORT: '8080' }).baseUrl).toBe('https://api.example.com/dev');
  });

  it('signs with the first key of SIGNATURE_SECRET and verifies with all of them', () => {
    const target = resolveGatewayTarget(undefined, { SIGNATURE_SECRET: ' new-key , old-key' });
    expect(target.signingKey).toBe('new-key');
    expect(target.keyRing.size).toBe(2);
  });

  it('finds the local port that names the state file, and none for a remote gateway', () => {
    expect(localGatewayPort('http://localhost:3000')).toBe(3000);
    expect(localGatewayPort('http://127.0.0.1:4000')).toBe(4000);
    expect(localGatewayPort('https://api.example.com')).toBeUndefined();
  });
});
