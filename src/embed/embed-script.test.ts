import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** embed.js runs on a host page; here the host page is jsdom. */

const APP = 'https://archive.example';

async function runEmbedScript() {
  vi.resetModules();
  await import('./embed-script.ts');
}

function frames(): HTMLIFrameElement[] {
  return [...document.querySelectorAll('iframe')];
}

function resize(source: MessageEventSource | null, height: unknown, origin = APP) {
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { type: 'statement-explorer:resize', height },
      origin,
      source,
    }),
  );
}

beforeEach(() => {
  delete (window as unknown as Record<string, unknown>).__statementExplorer;
  document.body.innerHTML = `
    <div data-statement-explorer id="all" class="wide"></div>
    <div data-statement-explorer data-org="viasna, bhc" data-type="statement" data-lock="org"
         data-theme="dark" data-q="political prisoners" data-title="Viasna's archive"></div>
    <div data-statement-explorer data-publication="some-id" data-height="300"></div>
    <script src="${APP}/archive/embed.js"></script>`;
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('embed.js', () => {
  it('replaces each placeholder with an iframe of /embed built from its data attributes', async () => {
    await runEmbedScript();
    const [all, viasna, single] = frames();
    expect(frames()).toHaveLength(3);
    expect(document.querySelector('[data-statement-explorer]')).toBeNull();
    expect(all?.src).toBe(`${APP}/archive/embed`);
    expect(all?.id).toBe('all');
    expect(all?.className).toBe('wide');
    expect(all?.title).toBe('Publications');
    expect(all?.getAttribute('loading')).toBe('lazy');
    expect(all?.getAttribute('scrolling')).toBe('no');
    expect(all?.style.border).toMatch(/^0|none/);
    const url = new URL(viasna?.src ?? '');
    expect(url.pathname).toBe('/archive/embed');
    expect(url.searchParams.getAll('org')).toEqual(['viasna', 'bhc']);
    expect(url.searchParams.getAll('type')).toEqual(['statement']);
    expect(url.searchParams.get('lock')).toBe('org');
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('q')).toBe('political prisoners');
    expect(viasna?.title).toBe("Viasna's archive");
    expect(single?.src).toBe(`${APP}/archive/embed/publications/some-id`);
    expect(single?.style.height).toBe('300px');
  });

  it('sizes the iframe that sent a height, and only that one', async () => {
    await runEmbedScript();
    const [first, second] = frames();
    resize(first?.contentWindow ?? null, 1234.4);
    expect(first?.style.height).toBe('1235px');
    expect(second?.style.height).toBe('600px');
  });

  it('ignores messages from other origins, other windows, and anything but a height', async () => {
    await runEmbedScript();
    const [first] = frames();
    resize(first?.contentWindow ?? null, 999, 'https://evil.example');
    resize(window, 999);
    resize(first?.contentWindow ?? null, 'a lot');
    resize(first?.contentWindow ?? null, -5);
    window.dispatchEvent(
      new MessageEvent('message', {
        data: 'resize:999',
        origin: APP,
        source: first?.contentWindow,
      }),
    );
    expect(first?.style.height).toBe('600px');
  });

  it('included twice, it still sizes each iframe once and finds placeholders added later', async () => {
    await runEmbedScript();
    document.body.insertAdjacentHTML('beforeend', '<div data-statement-explorer></div>');
    await runEmbedScript();
    expect(frames()).toHaveLength(4);
  });
});
