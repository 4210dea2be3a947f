import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlight } from './highlight.tsx';

function marks(text: string, terms: string[]): string[] {
  render(
    <p data-testid="text">
      <Highlight text={text} terms={new Set(terms)} />
    </p>,
  );
  expect(screen.getByTestId('text')).toHaveTextContent(text.replace(/\s+/g, ' '));
  return screen.queryAllByText(/./, { selector: 'mark' }).map((mark) => mark.textContent ?? '');
}

describe('Highlight', () => {
  it('marks the words that matched, whatever their case or diacritics', () => {
    expect(marks('Aleś Bialiatski and ALES', ['ales'])).toEqual(['Aleś', 'ALES']);
  });

  it('marks Cyrillic words by their Latin spellings', () => {
    expect(marks('Алег Гулак, праваабаронца', ['hulak'])).toEqual(['Гулак']);
  });

  it('keeps markup in the text as text', () => {
    expect(marks('<b>bold</b> claim', ['bold'])).toEqual(['bold']);
    expect(screen.queryByText('bold', { selector: 'b' })).not.toBeInTheDocument();
  });

  it('leaves text without matches as it is', () => {
    expect(marks('nothing to see', ['viasna'])).toEqual([]);
  });
});
