import { createContext, useContext } from 'react';
import { useLocation } from 'react-router';

/** The part of the app's router (`createBrowserRouter`'s public `state`) that knows the URL now. */
type LiveRouter = { readonly state: { readonly location: { readonly key: string } } };

/** The app's router, which the app provides; without it every render counts as current. */
export const LiveRouterContext = createContext<LiveRouter | null>(null);

/**
 * Whether this render shows the location the router is at now. The router renders its
 * navigations in a transition, so a more urgent render (a keystroke's) can still show the
 * location from before one: such a render is behind, and must not take the older URL for a Back.
 */
export function useShowsLiveLocation(): boolean {
  const location = useLocation();
  const router = useContext(LiveRouterContext);
  return router === null || router.state.location.key === location.key;
}
