import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { isIpAddress } from './ip-address';

const ips = (text: string) => found(text, 'IP_ADDRESS');

describe('IP_ADDRESS', () => {
  it.each([
    '192.168.1.20',
    '8.8.8.8',
    '255.255.255.255',
    '2001:db8::8a2e:370:7334',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    'fe80::1',
    '::1',
    '::ffff:192.0.2.1',
  ])('accepts %s', (value) => {
    expect(isIpAddress(value)).toBe(true);
  });

  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', 'ab::cd', '12:30:45', '00:1a:2b:3c:4d:5e'])(
    'rejects %s',
    (value) => {
      expect(isIpAddress(value)).toBe(false);
    },
  );

  it('finds addresses with ports, CIDR suffixes and brackets', () => {
    expect(ips('proxy 10.0.0.1:8080, range 192.168.0.0/16, and [2001:db8::1]:443')).toEqual([
      '10.0.0.1',
      '192.168.0.0',
      '2001:db8::1',
    ]);
  });

  it('does not take version numbers or longer dotted numbers', () => {
    expect(ips('version 1.2.3 and 10.0.0.0.1 and v1.2.3.4')).toEqual([]);
    expect(ips('Firmware version 4.18.2.1 is buggy. Since build 2.1.0.3 it fails')).toEqual([]);
  });

  it('does not take times, MAC addresses or C++ scopes', () => {
    expect(ips('at 14:30:15, MAC 00:1a:2b:3c:4d:5e, std::vector, ab::cd')).toEqual([]);
  });
});
