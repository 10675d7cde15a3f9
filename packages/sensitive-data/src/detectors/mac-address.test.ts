import { describe, expect, it } from 'vitest';
import { found } from '../test-support';
import { isMacAddress } from './mac-address';

const macs = (text: string) => found(text, 'MAC_ADDRESS');

describe('MAC_ADDRESS', () => {
  it.each(['00:1a:2b:3c:4d:5e', '00-1A-2B-3C-4D-5E', '001a.2b3c.4d5e'])('accepts %s', (value) => {
    expect(isMacAddress(value)).toBe(true);
    expect(macs(`device ${value} cannot connect`)).toEqual([value]);
  });

  it.each(['00:1a:2b:3c:4d', '00:1a:2b:3c:4d:5e:6f', '00:1a-2b:3c:4d:5e', '00:1g:2b:3c:4d:5e'])(
    'rejects %s',
    (value) => {
      expect(isMacAddress(value)).toBe(false);
      expect(macs(`device ${value} cannot connect`)).toEqual([]);
    },
  );

  it('needs a hex letter or a context word for the all-digit dot form', () => {
    expect(macs('phone 0612.3456.7890 please')).toEqual([]);
    expect(macs('MAC address 0012.3456.7890')).toEqual(['0012.3456.7890']);
  });

  it('does not take hex pairs inside a longer run', () => {
    expect(macs('id 00:1a:2b:3c:4d:5e:6f:70')).toEqual([]);
  });
});
