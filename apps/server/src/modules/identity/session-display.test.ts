import { describe, expect, it } from 'vitest';
import { describeAgent, maskAddress } from './session-display.ts';

describe('a session source shows the network, not the address', () => {
  it('keeps an IPv4 /24 and an IPv6 /48', () => {
    expect(maskAddress('203.0.113.77')).toBe('203.0.113.*');
    expect(maskAddress('::ffff:198.51.100.9')).toBe('198.51.100.*');
    expect(maskAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::*');
    expect(maskAddress('2001:db8::1')).toBe('2001:db8::*');
    expect(maskAddress('::1')).toBe('::*');
    expect(maskAddress(null)).toBeNull();
    expect(maskAddress('unix-socket')).toBe('*');
  });

  it('names the browser and system', () => {
    expect(
      describeAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
      ),
    ).toBe('Chrome 124 · Windows');
    expect(
      describeAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44',
      ),
    ).toBe('微信 8 · iOS');
    expect(describeAgent('lightMyRequest')).toBe('lightMyRequest');
    expect(describeAgent(null)).toBeNull();
  });
});
