import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pure tests run in Node; component tests in jsdom, which has no layout: scrolling is a no-op
// there rather than a "not implemented" error.
if (typeof window !== 'undefined') {
  window.scrollTo = () => undefined;
  Element.prototype.scrollIntoView = () => undefined;
  afterEach(() => cleanup());
}
