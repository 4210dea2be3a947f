// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('keeps the text of the markup', () => {
    expect(htmlToText('<p>Ales <strong>Bialiatski</strong> was sentenced.</p>')).toBe(
      'Ales Bialiatski was sentenced.',
    );
    expect(htmlToText('<a href="https://spring96.org" class="link">Viasna</a>')).toBe('Viasna');
  });

  it('keeps words of separate elements apart', () => {
    expect(htmlToText('<p>First</p><p>Second</p>')).toBe('First Second');
    expect(htmlToText('one<br>two<br/>three')).toBe('one two three');
    expect(htmlToText('<ul><li>Minsk</li><li>Hrodna</li></ul>')).toBe('Minsk Hrodna');
  });

  it('collapses whitespace and trims', () => {
    expect(htmlToText('  <p>\n  political \t\n prisoners \n</p>  ')).toBe('political prisoners');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p> </p><div></div>')).toBe('');
  });

  it('drops scripts, styles, templates and their content', () => {
    expect(
      htmlToText(
        '<p>Before</p><script>var s = "<p>hidden</p>";</script>' +
          '<style>p { color: red }</style><template><p>template</p></template>' +
          '<noscript>Enable JavaScript</noscript><p>After</p>',
      ),
    ).toBe('Before After');
    expect(htmlToText('a<SCRIPT type="text/javascript">x()</SCRIPT >b')).toBe('a b');
  });

  it('drops comments', () => {
    expect(htmlToText('visible<!-- a <b>hidden</b> note -->text')).toBe('visible text');
  });

  it('decodes named entities', () => {
    expect(htmlToText('Human rights &amp; freedoms')).toBe('Human rights & freedoms');
    expect(htmlToText('&laquo;Viasna&raquo; &mdash; &ldquo;Spring&rdquo;&hellip;')).toBe(
      '«Viasna» — “Spring”…',
    );
    expect(htmlToText('it&rsquo;s &quot;fine&quot; &apos;here&apos;')).toBe('it’s "fine" \'here\'');
    expect(htmlToText('&AMP;')).toBe('&');
  });

  it('reads a non-breaking space as a space', () => {
    expect(htmlToText('Ales&nbsp;Bialiatski')).toBe('Ales Bialiatski');
    expect(htmlToText('&nbsp;edge&nbsp;')).toBe('edge');
  });

  it('decodes decimal and hexadecimal character references', () => {
    expect(htmlToText('&#1042;&#1103;&#1089;&#1085;&#1072;')).toBe('Вясна');
    expect(htmlToText('&#x412;&#x44f;&#X441;&#x43D;&#x430;')).toBe('Вясна');
    expect(htmlToText('&#8212; &#x1F600;')).toBe('— 😀');
  });

  it('keeps escaped markup as text rather than removing it', () => {
    expect(htmlToText('a &lt;b&gt; tag')).toBe('a <b> tag');
  });

  it('decodes once, so a double-escaped entity stays an entity', () => {
    expect(htmlToText('&amp;lt;')).toBe('&lt;');
  });

  it('keeps what is not a known entity as it is', () => {
    expect(htmlToText('AT&T &unknown; & more')).toBe('AT&T &unknown; & more');
    expect(htmlToText('&#1114112; &#x110000;')).toBe('&#1114112; &#x110000;');
  });

  it('keeps an attribute value containing ">" out of the text', () => {
    expect(htmlToText('<p><img alt="a > b" src=x.png>Text</p>')).toBe('Text');
    expect(htmlToText('<a title=\'x > y\' href="#">link</a>')).toBe('link');
  });

  it('keeps a "<" that starts no tag', () => {
    expect(htmlToText('<p>1 < 2 and 3 > 2</p>')).toBe('1 < 2 and 3 > 2');
  });
});
