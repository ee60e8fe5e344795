import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/es/admin/users?page=2')).toBe('/es/admin/users?page=2');
    expect(safeNext('/en/account#roles')).toBe('/en/account#roles');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      '//evil.example',
      '//evil.example/es/account',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/ /evil.example',
      '/\t/evil.example',
      'es/account',
      '',
      `/${'a'.repeat(600)}`,
      undefined,
      ['/es'],
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
  });
});
