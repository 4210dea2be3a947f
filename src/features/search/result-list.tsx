import { memo, useEffect, useRef, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePaths } from '../../lib/link-scope.tsx';
import { href } from '../../lib/paths.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Passage, SearchHit } from '../../search/protocol.ts';
import { Highlight } from './highlight.tsx';

type ResultListProps = {
  hits: readonly SearchHit[];
  /** All matches, not only those listed: kept on the list for tests and tools. */
  total: number;
  /** Where body-only matches matched, by publication, as they arrive. */
  passages: ReadonlyMap<string, Passage>;
  /** Called with body-only results as they come near the screen (their passages are due). */
  onPassagesSeen(ids: readonly string[]): void;
  typeLabels: ReadonlyMap<string, string>;
  organizationNames: ReadonlyMap<string, string>;
  /** The corpus's main language: other languages are pointed out on each result. */
  mainLanguage: string;
  /** The current search, so the publication page can link back to it. */
  searchLocation: string;
  busy: boolean;
  /** Called as a result is opened, before the app moves to it. */
  onOpen(id: string): void;
};

type ResultItemProps = {
  hit: SearchHit;
  link: string;
  passage: Passage | undefined;
  typeLabels: ReadonlyMap<string, string>;
  organizationNames: ReadonlyMap<string, string>;
  mainLanguage: string;
};

/**
 * How a result matched where it is not plainly every word of the query (the interface contract:
 * a partial match is marked; one found through the glossary in another language says which
 * term matched).
 */
function HowFound({ hit }: { hit: SearchHit }) {
  const { t, languageName } = useI18n();
  const { partial, via } = hit;
  // The term is marked with its own language inside the sentence.
  const [before = '', after = ''] = via
    ? t.foundThrough('\u0000', languageName(via.language)).split('\u0000')
    : [];
  return (
    <p className="result__how">
      {partial && (
        <span className="result__partial">{t.partialMatch(partial.held, partial.of)}</span>
      )}
      {via && (
        <span className="result__via">
          {before}
          <span lang={via.language}>{via.term}</span>
          {after}
        </span>
      )}
    </p>
  );
}

/**
 * One result. Memoized on its own: a keystroke marks the list busy (and re-renders it) long
 * before new results arrive, and that should not re-render, and re-highlight, every item.
 */
const ResultItem = memo(function ResultItem({
  hit,
  link,
  passage,
  typeLabels,
  organizationNames,
  mainLanguage,
}: ResultItemProps) {
  const { t, date, languageName } = useI18n();
  return (
    <li className="result" data-passage={hit.bodyOnly ? hit.id : undefined}>
      {/* The title in its own language, the heading itself (read as a heading, by its name). */}
      <h2 className="result__title" lang={hit.language}>
        <a href={link} data-publication={hit.id}>
          <Highlight text={hit.title} marks={hit.marks?.title ?? []} />
        </a>
      </h2>
      <p className="result__meta">
        <time dateTime={hit.date}>{date(hit.date)}</time>
        <span className="result__type">{typeLabels.get(hit.type) ?? hit.type}</span>
        {hit.organizations.length > 0 && (
          <span className="result__orgs">
            {hit.organizations.map((id) => organizationNames.get(id) ?? id).join(', ')}
          </span>
        )}
        {hit.language !== mainLanguage && (
          <span className="result__language">{languageName(hit.language)}</span>
        )}
      </p>
      {(hit.partial || hit.via) && <HowFound hit={hit} />}
      {hit.summary && (
        <p className="result__summary" lang={hit.language}>
          <Highlight text={hit.summary} marks={hit.marks?.summary ?? []} />
        </p>
      )}
      {passage && (
        <p className="result__snippet" lang={hit.language}>
          <span className="result__snippet-label">{t.inTheText}</span>
          <Highlight text={passage.snippet} marks={passage.marks} />
        </p>
      )}
    </li>
  );
});

/** Memoized: its props stay the same while the reader types, until new results arrive. */
export const ResultList = memo(function ResultList({
  hits,
  total,
  passages,
  onPassagesSeen,
  typeLabels,
  organizationNames,
  mainLanguage,
  searchLocation,
  busy,
  onOpen,
}: ResultListProps) {
  const paths = usePaths();
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useRef<HTMLOListElement>(null);

  // Body-only results ask for their passages as they come within a screen of view.
  useEffect(() => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('li[data-passage]') ?? [])];
    const idOf = (item: Element) => (item instanceof HTMLElement ? item.dataset.passage : '') ?? '';
    if (items.length === 0) return;
    if (typeof IntersectionObserver === 'undefined') {
      onPassagesSeen(items.map(idOf));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const ids = entries
          .filter((entry) => entry.isIntersecting)
          .map((entry) => idOf(entry.target));
        if (ids.length > 0) onPassagesSeen(ids);
      },
      { rootMargin: '100% 0px' },
    );
    for (const item of items) observer.observe(item);
    return () => observer.disconnect();
  }, [hits, onPassagesSeen]);

  // One handler for the list instead of a router Link per result: typing re-renders results
  // often, and plain anchors cost a fraction of a Link. Modified clicks open new tabs as usual.
  const open = (event: MouseEvent<HTMLOListElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    if (!(event.target instanceof Element)) return;
    const id = event.target.closest('a[data-publication]')?.getAttribute('data-publication');
    if (!id) return;
    event.preventDefault();
    onOpen(id);
    void navigate(paths.publication(id), { state: { fromSearch: searchLocation, direct: true } });
  };

  return (
    // The click handler only routes clicks on the links inside, which keyboards reach as links.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <ol
      ref={list}
      className="results"
      aria-label={t.results}
      aria-busy={busy}
      data-total={total}
      onClick={open}
    >
      {hits.map((hit, index) => (
        // Keyed by position: a new page of results updates these items instead of replacing them.
        <ResultItem
          key={index}
          hit={hit}
          link={href(paths.publication(hit.id))}
          passage={passages.get(hit.id)}
          typeLabels={typeLabels}
          organizationNames={organizationNames}
          mainLanguage={mainLanguage}
        />
      ))}
    </ol>
  );
});
