import { describe, expect, it } from 'vitest';
import { slug } from './generate-corpus.ts';

describe('slug', () => {
  it('writes Cyrillic in the app’s Belarusian Latin letters', () => {
    expect(slug('Алесь Бяляцкі')).toBe('ales-bialiatski');
    expect(slug('Гулак і Вясна')).toBe('hulak-i-viasna');
  });

  it('keeps the letters generated ids have always had: й as j, ъ as a break', () => {
    expect(slug('Андрэй Чапюк')).toBe('andrej-chapiuk');
    expect(slug('объект')).toBe('ob-ekt');
  });

  it('leaves lower-case Latin letters and digits, and makes anything else a hyphen', () => {
    expect(slug('Ales Bialiatski, 2024 — “Viasna”')).toBe('ales-bialiatski-2024-viasna-');
  });
});
