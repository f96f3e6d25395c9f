// Starts Matomo when site.yml sets `analytics: {provider: matomo, …}`: the queue Matomo's own
// inline snippet would fill, filled from this script tag's data attributes instead, since the
// site's Content-Security-Policy runs no inline script.
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  let url = script.dataset.matomoUrl || '';
  if (!url.endsWith('/')) url += '/';
  const queue = (window._paq = window._paq || []);
  queue.push(['setTrackerUrl', url + 'matomo.php'], ['setSiteId', script.dataset.matomoSiteId],
    ['trackPageView'], ['enableLinkTracking']);
  const tracker = document.createElement('script');
  tracker.async = true;
  tracker.src = url + 'matomo.js';
  document.head.appendChild(tracker);
})();
