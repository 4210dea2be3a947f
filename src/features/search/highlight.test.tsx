import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlight } from './highlight.tsx';

function marked(text: string, marks: [number, number][]): string[] {
  render(
    <p data-testid="text">
      <Highlight text={text} marks={marks} />
    </p>,
  );
  expect(screen.getByTestId('text')).toHaveTextContent(text.replace(/\s+/g, ' '));
  return screen.queryAllByText(/./, { selector: 'mark' }).map((mark) => mark.textContent ?? '');
}

describe('Highlight', () => {
  it('marks the stretches of text the search matched', () => {
    expect(
      marked('Aleś Bialiatski and ALES', [
        [0, 4],
        [20, 24],
      ]),
    ).toEqual(['Aleś', 'ALES']);
  });

  it('keeps markup in the text as text', () => {
    expect(marked('<b>bold</b> claim', [[3, 7]])).toEqual(['bold']);
    expect(screen.queryByText('bold', { selector: 'b' })).not.toBeInTheDocument();
  });

  it('ignores marks that overlap or fall outside the text', () => {
    expect(
      marked('Алег Гулак', [
        [5, 10],
        [6, 8],
        [9, 40],
      ]),
    ).toEqual(['Гулак']);
  });

  it('leaves text without matches as it is', () => {
    expect(marked('nothing to see', [])).toEqual([]);
  });
});
