import { isIPv4, isIPv6 } from 'node:net';

/**
 * The rate limit's name for a client address. An IPv4 address is itself (an IPv4-mapped IPv6 address,
 * `::ffff:203.0.113.7`, as a dual-stack socket reports it, is the IPv4 address); an IPv6 address is its
 * /64 network (`2001:db8:0:1::/64`), because one subscriber usually holds a whole /64 and could otherwise
 * take a fresh bucket for every request. Anything else is kept as given.
 *
 * @example
 * rateLimitKey('2001:db8::1');        // '2001:db8:0:0::/64'
 * rateLimitKey('::ffff:203.0.113.7'); // '203.0.113.7'
 */
export function rateLimitKey(address: string): string {
  const bare = address.split('%')[0] ?? address; // a zone (`fe80::1%eth0`) names an interface, not a client
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = hextets(bare);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] ?? 0, groups[7] ?? 0].flatMap((group) => [group >> 8, group & 0xff]).join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 part read). */
function hextets(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const front = groupsOf(head);
  if (tail === undefined) return front;
  const back = groupsOf(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function groupsOf(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [Number.parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}
