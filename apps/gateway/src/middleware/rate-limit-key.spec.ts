import { rateLimitKey } from './rate-limit-key';

describe('the name the rate limit gives a client address', () => {
  it('is the address itself for IPv4', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the IPv4 address for an IPv4-mapped IPv6 one, as a dual-stack socket reports it', () => {
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('is the /64 network for IPv6: every address of one /64 shares it, however written', () => {
    const key = rateLimitKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const address of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:9', '2001:DB8:1:2::abcd', '2001:db8:1:2:3:4:1.2.3.4']) {
      expect(rateLimitKey(address)).toBe(key);
    }
  });

  it('tells neighbouring /64 networks apart', () => {
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(rateLimitKey('2001:db8:1:2::1'));
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('ignores the zone of a link-local address', () => {
    expect(rateLimitKey('fe80::1%eth0')).toBe(rateLimitKey('fe80::2'));
  });

  it('keeps what is not an IP address as given', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
    expect(rateLimitKey('2001:db8::1::2')).toBe('2001:db8::1::2');
  });
});
