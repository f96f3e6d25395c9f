/* Guidepost instant search: the page side.
 *
 * Turns the header's search form into a combobox (the ARIA 1.2 pattern) that shows results as
 * the reader types, and runs the `?q=` query on the /search/ page. The index is fetched piece
 * by piece by search-index.js, the first time the reader focuses a search box, never before;
 * search-text.js cuts the snippets and marks the matches. The page loads the three in order.
 *
 * Without this script the form still works: it submits to /search/, which lists the categories
 * and the FAQ. Runs under a CSP without inline styles or eval; index text is untrusted, so
 * results are built with createElement and textContent only.
 */
(function (root) {
  'use strict';

  const text = root.GuidepostSearchText;
  const engine = root.GuidepostSearchIndex;

  function nextActive(active, count, step) {
    return active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count;
  }

  // A reader typing a word makes one search when they pause, not one per letter: each prefix
  // on the way would fetch the shards of its own, wider range of words.
  const PAUSE = 120;

  /** Runs `body` once `delay` ms have passed without another call. */
  function debounced(body, delay) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(body, delay);
    };
  }

  if (typeof module !== 'undefined' && module.exports) module.exports = Object.assign({ nextActive }, text, engine);
  if (!text || !engine || typeof document === 'undefined' || typeof window === 'undefined') return;
  const { highlight, snippet } = text;

  // ---- Page

  const form = document.querySelector('form.search-form[data-search-index]');
  if (!form || typeof fetch !== 'function') return;
  const base = form.getAttribute('data-search-base') || '/';
  const manifestURL = new URL(form.getAttribute('data-search-index'), window.location.href).href;

  function fetchJSON(url, { fresh }) {
    return fetch(url, { credentials: 'same-origin', cache: fresh ? 'no-cache' : 'default' })
      .then((response) => {
        if (!response.ok) throw new Error(url + ': ' + response.status);
        return response.json();
      });
  }

  const index = engine.createIndex(manifestURL, fetchJSON);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function marked(tag, className, text, query) {
    const node = element(tag, className);
    for (const part of highlight(text, query)) {
      node.appendChild(part.mark ? element('mark', '', part.text) : document.createTextNode(part.text));
    }
    return node;
  }

  /** Under a result's title: its category (and page, for a section), then a snippet of its
   *  text around the match, each in `tag` with class `<prefix>-meta` or `<prefix>-snippet`. */
  function appendDetails(parent, tag, prefix, result, query) {
    const where = [result.category, result.section >= 0 ? result.context : ''].filter(Boolean).join(' › ');
    if (where) parent.appendChild(element(tag, prefix + '-meta', where));
    const text = snippet(result.excerpt, query, 110);
    if (text) parent.appendChild(marked(tag, prefix + '-snippet', text, query));
  }

  function countText(count, query) {
    if (count === 0) return 'No results for “' + query.trim() + '”.';
    return count === 1 ? '1 result.' : count + ' results.';
  }

  let box, listbox, empty, status;
  let results = [];
  let active = -1;
  let available = false;
  // Searches finish out of order when one waits for a shard; only the latest is shown.
  let latest = 0;

  function enhanceCombobox() {
    listbox = element('ul', 'search-listbox');
    listbox.id = 'search-listbox';
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', 'Search results');
    listbox.hidden = true;
    empty = element('p', 'search-empty');
    empty.hidden = true;
    status = element('p', 'visually-hidden');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    (box.parentNode || form).append(listbox, empty);
    form.appendChild(status);
    box.setAttribute('role', 'combobox');
    box.setAttribute('aria-autocomplete', 'list');
    box.setAttribute('aria-expanded', 'false');
    box.setAttribute('aria-controls', listbox.id);
    box.setAttribute('aria-keyshortcuts', '/');
    box.setAttribute('autocomplete', 'off');
    listen();
  }

  function setActive(position) {
    active = position;
    const options = Array.from(listbox.querySelectorAll('[role="option"]'));
    options.forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === position));
      option.classList.toggle('is-active', i === position);
    });
    const option = options[position];
    if (option) {
      box.setAttribute('aria-activedescendant', option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: 'nearest' });
    } else {
      box.removeAttribute('aria-activedescendant');
    }
  }

  function open(isOpen) {
    const show = isOpen && results.length > 0;
    listbox.hidden = !show;
    empty.hidden = !(isOpen && results.length === 0 && available && box.value.trim() !== '');
    box.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  }

  function announce(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function update() {
    const query = box.value;
    const ticket = ++latest;
    if (!available || query.trim() === '') {
      show([], query);
      return;
    }
    index.search(query, { limit: 8, base }).then((found) => {
      if (ticket === latest) show(found, query);
    }, unavailable);
  }

  function unavailable() {
    available = false;
    announce('Instant search is unavailable. Press Enter to see every category.');
  }

  /** Puts `found` in the list, or closes it when the query is empty. */
  function show(found, query) {
    results = found;
    if (query.trim() === '') {
      listbox.replaceChildren();
      announce('');
      open(false);
      return;
    }
    listbox.replaceChildren(...results.map((result, i) => {
      // The link is the option, as an option may hold no control.
      const item = element('li', 'search-option');
      item.setAttribute('role', 'presentation');
      const link = element('a', 'search-option-link');
      link.id = 'search-option-' + i;
      link.setAttribute('role', 'option');
      link.setAttribute('aria-selected', 'false');
      link.href = result.url;
      link.tabIndex = -1;
      link.appendChild(marked('span', 'search-option-title', result.title, query));
      appendDetails(link, 'span', 'search-option', result, query);
      item.appendChild(link);
      return item;
    }));
    empty.textContent = countText(0, query) + ' Press Enter to browse the categories.';
    active = -1;
    box.removeAttribute('aria-activedescendant');
    announce(countText(results.length, query));
    open(true);
  }

  function listen() {
    box.addEventListener('focus', () => {
      index.ready().then(() => {
        available = true;
        if (document.activeElement === box) update();
      }, unavailable);
    });
    box.addEventListener('input', debounced(update, PAUSE));
    box.addEventListener('keydown', onKey);
    // A click on a result must land before the list closes under it.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    box.addEventListener('blur', () => open(false));
    window.addEventListener('pageshow', () => open(false));
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      box.focus();
      box.select();
    });
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (listbox.hidden) open(true);
      setActive(nextActive(active, count, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0 && !listbox.hidden) {
      event.preventDefault();
      window.location.assign(results[active].url);
    } else if (event.key === 'Escape') {
      if (!listbox.hidden || !empty.hidden) {
        event.preventDefault();
        open(false);
      } else if (box.value) {
        event.preventDefault();
        box.value = '';
        update();
      }
    }
  }

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select') return true;
    return tag === 'input' && !/^(checkbox|radio|button|submit|reset|image|range|color|file)$/.test(target.type);
  }

  /** On /search/: the `?q=` query's results above the full list, updated as the query changes. */
  function enhanceSearchPage() {
    const section = document.getElementById('search-page-results');
    const input = document.getElementById('search-page-input');
    if (!section || !input) return;
    document.querySelectorAll('.search-nojs').forEach((note) => { note.hidden = true; });
    const list = section.querySelector('.search-page-list');
    const count = section.querySelector('.search-page-count');
    const query = new URLSearchParams(window.location.search).get('q') || '';
    input.value = query;

    let ticket = 0;
    async function run() {
      const text = input.value;
      const mine = ++ticket;
      if (text.trim() === '') {
        section.hidden = true;
        return;
      }
      const category = await filter.chosen();
      const results = await index.search(text, { limit: 50, base, category });
      if (mine === ticket) render(results, text);
    }

    function render(results, text) {
      list.replaceChildren(...results.map((result) => {
        const item = element('li', 'guide-item search-page-item');
        const link = marked('a', 'guide-item-title', result.title, text);
        link.href = result.url;
        item.appendChild(link);
        appendDetails(item, 'p', 'search-page', result, text);
        return item;
      }));
      count.textContent = countText(results.length, text);
      section.hidden = false;
    }
    const quietly = () => run().catch(() => { count.textContent = 'Instant search is unavailable.'; });
    const filter = categoryFilter(section, quietly);
    input.addEventListener('focus', () => index.ready().catch(() => null));
    input.addEventListener('input', debounced(quietly, PAUSE));
    if (query.trim() !== '') quietly();
  }

  /** A select above the search page's results that keeps those of one category; the choice is
   *  kept in the address (`&category=`), so a filtered search can be shared. Filled from the
   *  index's manifest; hidden on a site without categories. */
  function categoryFilter(section, run) {
    const field = element('div', 'search-page-filter');
    const label = element('label', '', 'Category');
    const select = element('select', 'search-page-category');
    select.id = label.htmlFor = 'search-page-category';
    select.appendChild(element('option', '', 'All categories')).value = '';
    field.append(label, select);
    field.hidden = true;
    section.insertBefore(field, section.querySelector('.search-page-count'));
    const wanted = new URLSearchParams(window.location.search).get('category') || '';
    let filled = false;
    select.addEventListener('change', () => {
      const address = new URL(window.location.href);
      if (select.value) address.searchParams.set('category', select.value);
      else address.searchParams.delete('category');
      window.history.replaceState(null, '', address);
      run();
    });
    return {
      async chosen() {
        const names = await index.categories();
        if (!filled) {
          filled = true;
          names.forEach((name) => { select.appendChild(element('option', '', name)).value = name; });
          if (names.includes(wanted)) select.value = wanted;
          field.hidden = names.length === 0;
        }
        const position = names.indexOf(select.value);
        return position < 0 ? null : position;
      },
    };
  }


  box = form.querySelector('input[name="q"]');
  if (box) enhanceCombobox();
  enhanceSearchPage();
})(typeof globalThis !== 'undefined' ? globalThis : this);
