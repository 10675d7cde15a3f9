import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 or IPv6 address as an unsigned integer, so CIDR checks are plain range comparisons. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

/** The inclusive address range a CIDR block covers. */
export interface CidrRange {
  readonly version: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * Parses a textual IPv4 or IPv6 address; `undefined` when the text is not one (zone ids are not addresses).
 *
 * @example
 * ```ts
 * parseIpAddress('10.0.0.33'); // { version: 4, value: 167772193n }
 * ```
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (isIPv4(text)) return { version: 4, value: ipv4ToBigInt(text) };
  if (isIPv6(text) && !text.includes('%')) return { version: 6, value: ipv6ToBigInt(text) };
  return undefined;
}

/**
 * Parses `address/prefix-length`. Host bits are masked off, so `10.0.0.7/24` covers `10.0.0.0`–`10.0.0.255`.
 *
 * @example
 * ```ts
 * const range = parseCidr('10.0.0.0/24');
 * if ('first' in range) isInCidr(range, '10.0.0.255'); // true
 * ```
 */
export function parseCidr(text: string): CidrRange | { error: string } {
  const parts = text.split('/');
  const address = parseIpAddress(parts[0] ?? '');
  if (parts.length !== 2 || address === undefined) {
    return { error: `"${text}" is not a CIDR block (expected address/prefix-length, e.g. 10.0.0.0/24)` };
  }
  const bits = address.version === 4 ? 32 : 128;
  const prefixText = parts[1] ?? '';
  const prefixLength = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefixLength > bits) {
    return { error: `"${text}" has an invalid prefix length; IPv${address.version} allows 0 to ${bits}` };
  }
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  const first = address.value & ~hostMask;
  return { version: address.version, first, last: first | hostMask };
}

/** Whether a textual address lies in the range; non-addresses and the other IP version never do. */
export function isInCidr(range: CidrRange, text: string): boolean {
  const address = parseIpAddress(text);
  return (
    address !== undefined &&
    address.version === range.version &&
    address.value >= range.first &&
    address.value <= range.last
  );
}

function ipv4ToBigInt(text: string): bigint {
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6ToBigInt(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const headGroups = expandGroups(head);
  const tailGroups = tail === undefined ? [] : expandGroups(tail);
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups].reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

function expandGroups(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    // An embedded IPv4 tail (::ffff:10.0.0.1) stands for the last two 16-bit groups.
    if (!group.includes('.')) return [Number.parseInt(group, 16)];
    const v4 = Number(ipv4ToBigInt(group));
    return [Math.floor(v4 / 0x10000), v4 % 0x10000];
  });
}
