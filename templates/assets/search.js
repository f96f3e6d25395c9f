/* Guidepost instant search.
 *
 * Turns the header's search form into a combobox (the ARIA 1.2 pattern) that shows results as
 * the reader types, and runs the `?q=` query on the /search/ page. The index is the JSON file
 * the generator writes (Sources/Guidepost/Search/SearchIndexEncoding.swift describes it); it is
 * fetched the first time the reader focuses a search box, never before.
 *
 * Without this script the form still works: it submits to /search/, which lists every guide and
 * question. Runs under a CSP without inline styles or eval; index text is untrusted, so results
 * are built with createElement and textContent only.
 */
(function () {
  'use strict';

  const FORMAT_VERSION = 1;

  // ---- Text: must agree with Sources/Guidepost/Search/SearchText.swift

  const MAX_WORD = 32;
  const LETTERS = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ı': 'i', 'ŧ': 't', 'þ': 'th', 'ς': 'σ' };
  const LETTER = /[ßæœøłđðħıŧþς]/g;
  const MARK = /^\p{M}$/u;
  const WORD = /^[\p{L}\p{N}\p{M}]$/u;
  const folded = new Map();

  /** One cluster (a character and its combining marks): lower case, NFKD, the marks
   *  U+0300–U+036F dropped, the letters in LETTERS replaced, NFC. */
  function foldCluster(cluster) {
    let result = folded.get(cluster);
    if (result === undefined) {
      result = cluster.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .replace(LETTER, (letter) => LETTERS[letter]).normalize('NFC');
      folded.set(cluster, result);
    }
    return result;
  }

  function isCJK(code) {
    return (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3005 && code <= 0x3007) ||
      (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3130 && code <= 0x318f) ||
      (code >= 0x31f0 && code <= 0x31ff) || (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3ffff);
  }

  /** Calls `visit(start, end)` for each cluster of `text`: a code point and the combining
   *  marks after it (UTF-16 offsets). */
  function eachCluster(text, visit) {
    let index = 0;
    while (index < text.length) {
      const start = index;
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
      while (index < text.length) {
        const next = String.fromCodePoint(text.codePointAt(index));
        if (!MARK.test(next)) break;
        index += next.length;
      }
      visit(start, index);
    }
  }

  /** The folded words and CJK runs of `text`: `{text, cjk, start, end, offsets}`, where
   *  start/end bound the source text (UTF-16 offsets) and, for a CJK run, `offsets[i]` is
   *  where its i-th character came from (for highlighting). */
  function tokenize(text) {
    const tokens = [];
    let current = null;
    const flush = () => {
      if (current) tokens.push(current);
      current = null;
    };
    eachCluster(text, (start, index) => {
      for (const char of foldCluster(text.slice(start, index))) {
        const cjk = isCJK(char.codePointAt(0));
        if (!cjk && !WORD.test(char)) {
          flush();
          continue;
        }
        if (current && current.cjk !== cjk) flush();
        if (!current) current = { text: '', cjk, start, end: index, offsets: [], length: 0 };
        if (cjk) {
          current.text += char;
          current.offsets.push([start, index]);
        } else if (current.length < MAX_WORD) {
          current.text += char;
        }
        current.length += 1;
        current.end = index;
      }
    });
    flush();
    return tokens;
  }

  /** A CJK run's single characters (when it is one character long) or its bigrams. */
  function bigrams(run) {
    const chars = Array.from(run);
    if (chars.length < 2) return chars;
    return chars.slice(1).map((char, i) => chars[i] + char);
  }

  /** What a reader typed, as search terms: words (matched as prefixes, and with one typo when
   *  five letters or longer) and CJK runs (matched by their bigrams, all of them). */
  function parseQuery(text) {
    const seen = new Set();
    return tokenize(String(text || '')).filter((token) => {
      const key = (token.cjk ? 'c' : 'w') + token.text;
      return !seen.has(key) && seen.add(key);
    }).map((token) => (token.cjk
      ? { cjk: true, text: token.text, grams: bigrams(token.text) }
      : { cjk: false, text: token.text, typo: Array.from(token.text).length >= 5 }));
  }

  /** Swift's `SearchText.autoID`: the anchor a heading gets from its text, which the index
   *  leaves out when it is this. */
  function autoID(text) {
    let result = '';
    eachCluster(text, (start, end) => { result += foldCluster(text.slice(start, end)); });
    return (result.match(/[a-z0-9]+/g) || []).join('-');
  }

  /** Whether `a` becomes `b` with at most one insertion, deletion, substitution or swap of
   *  neighbours. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    const la = a.length;
    const lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i += 1;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }

  // ---- Index: pure, no DOM

  const DIGIT = new Int8Array(128).fill(-1);
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'.split('')
    .forEach((char, value) => { DIGIT[char.charCodeAt(0)] = value; });
  const BASE64 = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')
    .forEach((char, value) => { BASE64[char.charCodeAt(0)] = value; });

  /** One list of entry numbers: gaps in base 32, or `~` and a base64url bitset. */
  function decodeList(text) {
    const entries = [];
    if (text.charCodeAt(0) === 126) {
      let bits = 0;
      let held = 0;
      let byte = 0;
      for (let i = 1; i < text.length; i += 1) {
        bits = (bits << 6) | (BASE64[text.charCodeAt(i) & 127] & 63);
        held += 6;
        if (held >= 8) {
          held -= 8;
          const value = (bits >> held) & 255;
          for (let bit = 0; bit < 8; bit += 1) if (value & (1 << bit)) entries.push(byte * 8 + bit);
          byte += 1;
        }
      }
      return entries;
    }
    let previous = -1;
    let value = 0;
    for (let i = 0; i < text.length; i += 1) {
      const digit = DIGIT[text.charCodeAt(i) & 127];
      if (digit < 0) return entries;
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        previous += value + 1;
        entries.push(previous);
        value = 0;
      }
    }
    return entries;
  }

  /** Checks the index file and numbers its entries; null for a version this script does not know. */
  function prepare(data) {
    if (!data || data.version !== FORMAT_VERSION || !Array.isArray(data.pages) ||
        !Array.isArray(data.terms) || !Array.isArray(data.postings)) return null;
    const entries = [];
    data.pages.forEach((page, number) => {
      const owner = entries.length;
      entries.push({ page: number, owner, section: -1 });
      const sections = Array.isArray(page[3]) ? page[3] : [];
      for (let s = 0; s + 1 < sections.length; s += 2) entries.push({ page: number, owner, section: s / 2 });
    });
    const owners = Int32Array.from(entries, (entry) => entry.owner);
    return { data, entries, owners, weights: data.weights, hits: new Map(), scratch: new Float32Array(entries.length) };
  }

  /** The entries the term at `position` appears in, ascending, with the summed weights of its
   *  fields there. Typed arrays: a big site's common words are in most of its entries. */
  function hitsOf(index, position) {
    let hits = index.hits.get(position);
    if (hits) return hits;
    const sums = index.scratch;
    const touched = [];
    String(index.data.postings[position] || '').split(',').forEach((list, field) => {
      const weight = Number(index.weights[field]) || 0;
      if (!list) return;
      for (const entry of decodeList(list)) {
        if (entry >= sums.length) continue;
        if (sums[entry] === 0) touched.push(entry);
        sums[entry] += weight;
      }
    });
    const entries = Int32Array.from(touched).sort();
    const weights = Float32Array.from(entries, (entry) => sums[entry]);
    entries.forEach((entry) => { sums[entry] = 0; });
    hits = { entries, weights };
    index.hits.set(position, hits);
    return hits;
  }

  /** The first position in the sorted term list at or after `text` (UTF-16 order, as Swift sorts). */
  function lowerBound(terms, text) {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle] < text) low = middle + 1; else high = middle;
    }
    return low;
  }

  const EXACT = 1;
  const PREFIX = 0.7;
  const TYPO = 0.6;
  const TYPO_PREFIX = 0.45;
  const MAX_EXPANSIONS = 64;
  // What a section borrows of its page's score for a term it lacks: enough to pick the right
  // step of the right guide, too little to outrank a section that has the word.
  const INHERITED = 0.25;

  /** Terms a query word stands for, with how well each matches: itself, the words it begins
   *  (the most frequent first), and, for long words, those one typo away. */
  function expand(index, word) {
    const terms = index.data.terms;
    const found = new Map();
    const start = lowerBound(terms, word);
    let end = start;
    while (end < terms.length && terms[end].startsWith(word)) end += 1;
    const prefixed = [];
    for (let position = start; position < end; position += 1) {
      if (terms[position] === word) found.set(position, EXACT); else prefixed.push(position);
    }
    const size = (position) => String(index.data.postings[position] || '').length;
    prefixed.sort((a, b) => size(b) - size(a) || a - b).slice(0, MAX_EXPANSIONS)
      .forEach((position) => found.set(position, PREFIX));
    if (Array.from(word).length >= 5) {
      const length = word.length;
      terms.forEach((term, position) => {
        if (found.has(position) || term.length < length - 1) return;
        if (term.length <= length + 1 && withinOneEdit(word, term)) found.set(position, TYPO);
        else if ([length - 1, length, length + 1].some((cut) => withinOneEdit(word, term.slice(0, cut)))) found.set(position, TYPO_PREFIX);
      });
    }
    return found;
  }

  /** How well each entry matches one query term (`scores[entry]`, 0 for not at all) and the
   *  entries that do: the best of a word's expansions, or for a CJK run the weakest of its
   *  bigrams (every bigram must be there). */
  function scoresFor(index, token) {
    const scores = new Float32Array(index.entries.length);
    let touched = [];
    if (!token.cjk) {
      for (const [position, quality] of expand(index, token.text)) {
        const { entries, weights } = hitsOf(index, position);
        for (let i = 0; i < entries.length; i += 1) {
          const entry = entries[i];
          const score = weights[i] * quality;
          if (scores[entry] === 0) touched.push(entry);
          if (score > scores[entry]) scores[entry] = score;
        }
      }
      return { scores, touched };
    }
    token.grams.forEach((gram, number) => {
      const position = lowerBound(index.data.terms, gram);
      const { entries, weights } = index.data.terms[position] === gram ? hitsOf(index, position) : { entries: [], weights: [] };
      const next = [];
      for (let i = 0; i < entries.length; i += 1) {
        const entry = entries[i];
        if (number === 0) scores[entry] = weights[i];
        else if (scores[entry] > 0) scores[entry] = Math.min(scores[entry], weights[i]);
        else continue;
        next.push(entry);
      }
      // Entries that lack this bigram drop out.
      const kept = new Set(next);
      for (const entry of touched) if (!kept.has(entry)) scores[entry] = 0;
      touched = next;
    });
    return { scores, touched };
  }

  /** The best entries for `query`, best first: `[{entry, score, page, section, url, title,
   *  context}]`. A term a section lacks counts at a quarter of its page's score, so "phone
   *  verify" finds the verify step of a phone guide; but a section needs a term of its own.
   *  Every term must match; only when no entry has them all do entries with most of them count. */
  function search(index, query, options) {
    const limit = (options && options.limit) || 10;
    const base = (options && options.base) || '/';
    const tokens = parseQuery(query);
    if (!index || tokens.length === 0) return [];
    const perToken = tokens.map((token) => scoresFor(index, token));
    const seen = new Uint8Array(index.entries.length);
    const candidates = [];
    perToken.forEach(({ touched }) => touched.forEach((entry) => {
      if (!seen[entry]) candidates.push(entry);
      seen[entry] = 1;
    }));
    const score = new Float32Array(candidates.length);
    const matched = new Uint8Array(candidates.length);
    candidates.forEach((entry, i) => {
      const owner = index.owners[entry];
      for (const { scores } of perToken) {
        const best = scores[entry] || (owner === entry ? 0 : scores[owner] * INHERITED);
        if (best > 0) matched[i] += 1;
        score[i] += best;
      }
    });
    const most = matched.reduce((max, count) => Math.max(max, count), 0);
    // The best `limit`, kept sorted as they come: sorting every candidate would cost more.
    const top = [];
    const before = (a, b) => a.score > b.score || (a.score === b.score && a.entry < b.entry);
    const category = options && options.category;
    const inCategory = (entry) => category === undefined || category === null ||
      index.data.pages[index.entries[entry].page][5] === category;
    candidates.forEach((entry, i) => {
      if (matched[i] !== most || !inCategory(entry)) return;
      const hit = { entry, score: score[i] };
      if (top.length === limit && !before(hit, top[top.length - 1])) return;
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1])) at -= 1;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    });
    return top.map((hit) => describe(index, hit, base));
  }

  /** A result: where it leads, its `title` and `context` (the page's summary, or a section's
   *  page title), the `category` it is in ('' for none) and the `excerpt` a snippet is cut from. */
  function describe(index, hit, base) {
    const { page: number, section } = index.entries[hit.entry];
    const page = index.data.pages[number];
    const url = base + page[0];
    const excerpts = Array.isArray(page[4]) ? page[4] : [];
    const categories = Array.isArray(index.data.categories) ? index.data.categories : [];
    const category = categories[page[5]] || '';
    const result = { entry: hit.entry, score: hit.score, page: number, section, category, excerpt: excerpts[section + 1] || '' };
    if (section < 0) {
      return Object.assign(result, { url, title: page[1], context: page[2] || '', excerpt: result.excerpt || page[2] || '' });
    }
    const id = page[3][section * 2];
    const text = page[3][section * 2 + 1];
    return Object.assign(result, { url: url + '#' + (id || autoID(text)), title: text, context: page[1] });
  }

  /** About `size` characters of `text` around the first word `query` marks, cut at spaces, with
   *  `…` where text was left out; its start when nothing is marked. */
  function snippet(text, query, size) {
    const length = size || 100;
    if (text.length <= length) return text;
    let first = -1;
    let at = 0;
    for (const part of highlight(text, query)) {
      if (part.mark) { first = at; break; }
      at += part.text.length;
    }
    let start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
    if (start > 0) {
      const space = text.indexOf(' ', start);
      if (space >= 0 && space < first) start = space + 1;
    }
    let end = Math.min(text.length, start + length);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > Math.max(start, first)) end = space;
    }
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  /** `text` cut into `[{text, mark}]`, marking the words a query term matches (as a prefix, or
   *  with a typo as search does) and the characters a CJK term's bigrams cover. */
  function highlight(text, query) {
    const tokens = parseQuery(query);
    const marks = [];
    for (const token of tokenize(text)) {
      if (!token.cjk) {
        const hit = tokens.some((term) => !term.cjk && (token.text.startsWith(term.text) || (term.typo &&
          [0, -1, 1].some((delta) => withinOneEdit(term.text, token.text.slice(0, term.text.length + delta))))));
        if (hit) marks.push([token.start, token.end]);
        continue;
      }
      const chars = Array.from(token.text);
      for (const term of tokens.filter((candidate) => candidate.cjk)) {
        const size = Array.from(term.grams[0]).length;
        for (let i = 0; i + size <= chars.length; i += 1) {
          if (term.grams.includes(chars.slice(i, i + size).join(''))) {
            marks.push([token.offsets[i][0], token.offsets[i + size - 1][1]]);
          }
        }
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let at = 0;
    for (const [start, end] of marks) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      if (from > at) parts.push({ text: text.slice(at, from), mark: false });
      if (parts.length && parts[parts.length - 1].mark && from === at) parts[parts.length - 1].text += text.slice(from, end);
      else parts.push({ text: text.slice(from, end), mark: true });
      at = end;
    }
    if (at < text.length) parts.push({ text: text.slice(at), mark: false });
    return parts;
  }

  function nextActive(active, count, step) {
    return active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count;
  }

  /** What entry `entry` links to, as a search result. */
  const result = (index, entry, base) => describe(index, { entry, score: 0 }, base || '/');

  const api = { foldCluster, tokenize, parseQuery, bigrams, autoID, withinOneEdit, decodeList, prepare, search, result, highlight, snippet, nextActive };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined' || typeof window === 'undefined') return;

  // ---- Page

  const form = document.querySelector('form.search-form[data-search-index]');
  if (!form || typeof fetch !== 'function') return;
  const base = form.getAttribute('data-search-base') || '/';
  let loading = null;

  /** Fetched once, on first use; resolves to null when it cannot be had. */
  function loadIndex() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-search-index'), { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : null))
        .then(prepare)
        .catch(() => null);
    }
    return loading;
  }

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
  let index = null;

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
    empty.hidden = !(isOpen && results.length === 0 && index !== null && box.value.trim() !== '');
    box.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  }

  function announce(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function update() {
    const query = box.value;
    if (!index || query.trim() === '') {
      results = [];
      listbox.replaceChildren();
      announce('');
      open(false);
      return;
    }
    results = search(index, query, { limit: 8, base });
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
    empty.textContent = countText(0, query) + ' Press Enter to see every guide.';
    active = -1;
    box.removeAttribute('aria-activedescendant');
    announce(countText(results.length, query));
    open(true);
  }

  function listen() {
    box.addEventListener('focus', () => {
      loadIndex().then((loaded) => {
        index = loaded;
        if (!loaded) announce('Instant search is unavailable. Press Enter to see every guide.');
        else if (document.activeElement === box) update();
      });
    });
    // On a big site a search can outlast a keystroke: keys typed meanwhile make one search.
    let queued = false;
    box.addEventListener('input', () => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        update();
      }, 0);
    });
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

    function render(index) {
      const text = input.value;
      if (!index || text.trim() === '') {
        section.hidden = true;
        return;
      }
      const results = search(index, text, { limit: 50, base, category: filter ? filter.chosen(index) : null });
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
    const run = () => loadIndex().then(render);
    const filter = categoryFilter(section, run);
    input.addEventListener('focus', run);
    input.addEventListener('input', run);
    if (query.trim() !== '') run();
  }

  /** A select above the search page's results that keeps those of one category; the choice is
   *  kept in the address (`&category=`), so a filtered search can be shared. Filled from the
   *  index once it is loaded; null on a site without categories. */
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
      chosen(index) {
        const names = Array.isArray(index.data.categories) ? index.data.categories : [];
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
})();
