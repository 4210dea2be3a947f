import { useI18n } from '../../i18n/i18n-context.tsx';
import { href, paths } from '../../lib/paths.ts';
import type { Selection } from './search-params.ts';

type FeedLinkProps = {
  selection: Selection;
  /** Type labels and organization names in the interface language, by id. */
  typeLabels: ReadonlyMap<string, string>;
  orgNames: ReadonlyMap<string, string>;
  embedded: boolean;
};

/** The Atom feed of a page filtered by one organization (or else one type), if it is one. */
function feedOf(
  { types, orgs }: Selection,
  typeLabels: ReadonlyMap<string, string>,
  orgNames: ReadonlyMap<string, string>,
): { filter: { org: string } | { type: string }; name: string } | null {
  const [org] = orgs;
  if (orgs.length === 1 && org) return { filter: { org }, name: orgNames.get(org) ?? org };
  const [type] = types;
  if (orgs.length === 0 && types.length === 1 && type) {
    return { filter: { type }, name: typeLabels.get(type) ?? type };
  }
  return null;
}

/** The feed of what the page shows, advertised to feed readers and linked for people. */
export function FeedLink({ selection, typeLabels, orgNames, embedded }: FeedLinkProps) {
  const { t } = useI18n();
  const feed = feedOf(selection, typeLabels, orgNames);
  if (!feed) return null;
  const link = href(paths.feed(feed.filter));
  const title = t.feedTitle(feed.name);
  return (
    <>
      <link rel="alternate" type="application/atom+xml" title={title} href={link} />
      <p className="feed-link">
        {/* A feed is no page of the app: from an embed it opens outside the frame. */}
        <a href={link} {...(embedded ? { target: '_blank', rel: 'noopener' } : {})}>
          {t.feed}
          {embedded && <span className="visually-hidden"> {t.opensInNewTab}</span>}
        </a>{' '}
        <span className="muted">{t.feedOf(title)}</span>
      </p>
    </>
  );
}
