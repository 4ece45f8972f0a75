import { describe, expect, it } from 'vitest';
import { actingAs } from './notification-link.ts';

describe('a message link', () => {
  it('names the role to open it in, apart from the path', () => {
    expect(actingAs('/resources/r1?as=ra1')).toEqual({ to: '/resources/r1', as: 'ra1' });
    expect(actingAs('/reviews?as=ra2')).toEqual({ to: '/reviews', as: 'ra2' });
    expect(actingAs('/resources?retirements=1')).toEqual({ to: '/resources?retirements=1', as: null });
    expect(actingAs('/resources/r1')).toEqual({ to: '/resources/r1', as: null });
  });
});
