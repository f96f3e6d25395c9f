/* Guidepost search index: fetches the pieces of the index a query needs and ranks entries.
 *
 * The generator writes a small manifest and content-hashed shards
 * (Sources/Guidepost/Search/SearchIndexFiles.swift describes them): a query word loads the term
 * shards its range of the sorted vocabulary falls in, then the postings of the terms it
 * matches that are kept apart, and its best results load the fragments holding their text.
 * Everything fetched is kept for the next query. Pure apart from the `fetchJSON` it is given:
 * no DOM, so Node tests run it with a fake.
 */
(function (root) {
  'use strict';

  // search-text.js runs first, in the page as in Node tests.
  const text = root.GuidepostSearchText;
  if (!text) return;
  const { parseQuery, autoID, withinOneEdit } = text;

  const FORMAT_VERSION = 2;
  const DIGIT = new Int8Array(128).fill(-1);
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'.split('')
    .forEach((char, value) => { DIGIT[char.charCodeAt(0)] = value; });
  const BASE64 = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')
    .forEach((char, value) => { BASE64[char.charCodeAt(0)] = value; });

  /** The numbers of a base-32 list: digits `W`–`_` say another digit follows. */
  function decodeNumbers(list) {
    const numbers = [];
    let value = 0;
    for (let i = 0; i < list.length; i += 1) {
      const digit = DIGIT[list.charCodeAt(i) & 127];
      if (digit < 0) return numbers;
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        numbers.push(value);
        value = 0;
      }
    }
    return numbers;
  }

  /** One list of entry numbers: gaps in base 32, or `~` and a base64url bitset. */
  function decodeList(list) {
    if (list.charCodeAt(0) !== 126) {
      let previous = -1;
      return decodeNumbers(list).map((gap) => { previous += gap + 1; return previous; });
    }
    const entries = [];
    let bits = 0;
    let held = 0;
    let byte = 0;
    for (let i = 1; i < list.length; i += 1) {
      bits = (bits << 6) | (BASE64[list.charCodeAt(i) & 127] & 63);
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

  /** Checks a manifest and numbers its entries (each page, then its sections); null for a
   *  version this script does not know. */
  function prepare(data) {
    if (!data || data.version !== FORMAT_VERSION || typeof data.sections !== 'string' ||
        !Array.isArray(data.terms) || !data.fragments || typeof data.fragments.pages !== 'string' ||
        !Array.isArray(data.fragments.volumes) || !(data.fragments.perVolume > 0)) return null;
    const counts = decodeNumbers(data.sections);
    const pageCategory = new Int32Array(counts.length).fill(-1);
    const runs = Array.isArray(data.pageCategories) ? data.pageCategories : [];
    for (let i = 0, page = 0; i + 1 < runs.length; i += 2) {
      pageCategory.fill(Number(runs[i]), page, Math.min(counts.length, page + Number(runs[i + 1])));
      page += Number(runs[i + 1]);
    }
    const total = counts.reduce((sum, count) => sum + count + 1, 0);
    const owners = new Int32Array(total);
    const pages = new Int32Array(total);
    let entry = 0;
    counts.forEach((count, page) => {
      owners.fill(entry, entry, entry + count + 1);
      pages.fill(page, entry, entry + count + 1);
      entry += count + 1;
    });
    // Where each fragment starts, in pages.
    let start = 0;
    const fragmentStarts = decodeNumbers(data.fragments.pages).map((count) => { start += count; return start - count; });
    return {
      data, owners, pages, pageCategory, fragmentStarts, weights: data.weights, entryCount: total,
      categories: Array.isArray(data.categories) ? data.categories : [],
      signature: JSON.stringify([data.terms, data.fragments]),
    };
  }

  /** The last item of `list` (sorted by `key`) whose key is at most `value`; 0 when none is. */
  function lastAtMost(list, value, key) {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (key(list[middle]) <= value) low = middle + 1; else high = middle;
    }
    return Math.max(0, low - 1);
  }

  /** The first position in the sorted `terms` at or after `word` (UTF-16 order, as Swift sorts). */
  function lowerBound(terms, word) {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle] < word) low = middle + 1; else high = middle;
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
  // A typo is looked for among the words that begin with the query word's first two
  // characters: those are the shards a word loads, where looking among all would load them all.
  const TYPO_KEPT = 2;
  const END = '\uffff';

  /** The range of terms a query token needs: `[low, high]`, in UTF-16 order. */
  function rangeOf(token) {
    if (token.cjk) return token.grams.map((gram) => [gram, gram]);
    const start = token.typo ? Array.from(token.text).slice(0, TYPO_KEPT).join('') : token.text;
    return [[start, start + END]];
  }

  /** The term shards (their positions in the manifest) that hold some of `[low, high]`. */
  function shardsFor(manifest, [low, high]) {
    const shards = manifest.data.terms;
    const key = (shard) => String(shard[0]);
    const first = lastAtMost(shards, low, key);
    const last = lastAtMost(shards, high, key);
    const positions = [];
    for (let i = first; i <= last && i < shards.length; i += 1) positions.push(i);
    return positions;
  }

  /** `[{term, posting}]` of the loaded shards at `positions` whose terms are in `[low, high]`. */
  function termsIn(shards, [low, high]) {
    const found = [];
    for (const shard of shards) {
      const terms = shard.terms;
      for (let i = lowerBound(terms, low); i < terms.length && terms[i] <= high; i += 1) {
        found.push({ term: terms[i], posting: shard.postings[i] });
      }
    }
    return found;
  }

  const sizeOf = (posting) => (Array.isArray(posting) ? Number(posting[1]) || 0 : String(posting || '').length);

  /** Terms a query word stands for, with how well each matches: itself, the words it begins
   *  (the most frequent first), and, for long words, those one typo away. */
  function expand(candidates, word) {
    const found = new Map();
    const prefixed = [];
    for (const candidate of candidates) {
      if (candidate.term === word) found.set(candidate.term, { candidate, quality: EXACT });
      else if (candidate.term.startsWith(word)) prefixed.push(candidate);
    }
    prefixed.sort((a, b) => sizeOf(b.posting) - sizeOf(a.posting) || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_EXPANSIONS).forEach((candidate) => found.set(candidate.term, { candidate, quality: PREFIX }));
    if (Array.from(word).length < 5) return found;
    const length = word.length;
    for (const candidate of candidates) {
      const term = candidate.term;
      if (found.has(term) || term.startsWith(word) || term.length < length - 1) continue;
      if (term.length <= length + 1 && withinOneEdit(word, term)) found.set(term, { candidate, quality: TYPO });
      else if ([length - 1, length, length + 1].some((cut) => withinOneEdit(word, term.slice(0, cut)))) {
        found.set(term, { candidate, quality: TYPO_PREFIX });
      }
    }
    return found;
  }

  /** The entries a posting lists, ascending, with the summed weights of its fields there.
   *  Typed arrays: a big site's common words are in most of its entries. */
  function hitsOf(manifest, posting) {
    const sums = new Float32Array(manifest.entryCount);
    const touched = [];
    String(posting || '').split(',').forEach((list, field) => {
      const weight = Number(manifest.weights[field]) || 0;
      if (!list) return;
      for (const entry of decodeList(list)) {
        if (entry >= sums.length) continue;
        if (sums[entry] === 0) touched.push(entry);
        sums[entry] += weight;
      }
    });
    const entries = Int32Array.from(touched).sort();
    return { entries, weights: Float32Array.from(entries, (entry) => sums[entry]) };
  }

  /** How well each entry matches one query token (`scores[entry]`, 0 for not at all) and the
   *  entries that do: the best of a word's expansions, or for a CJK run the weakest of its
   *  bigrams (every bigram must be there). `matches` are its terms' hits and qualities. */
  function scoresFor(manifest, token, matches) {
    const scores = new Float32Array(manifest.entryCount);
    let touched = [];
    if (!token.cjk) {
      for (const { hits, quality } of matches) {
        for (let i = 0; i < hits.entries.length; i += 1) {
          const entry = hits.entries[i];
          const score = hits.weights[i] * quality;
          if (scores[entry] === 0) touched.push(entry);
          if (score > scores[entry]) scores[entry] = score;
        }
      }
      return { scores, touched };
    }
    matches.forEach(({ hits }, number) => {
      const next = [];
      for (let i = 0; i < hits.entries.length; i += 1) {
        const entry = hits.entries[i];
        if (number === 0) scores[entry] = hits.weights[i];
        else if (scores[entry] > 0) scores[entry] = Math.min(scores[entry], hits.weights[i]);
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

  /** The best `limit` entries, best first (`[{entry, score}]`). A term a section lacks counts at
   *  a quarter of its page's score, so "phone verify" finds the verify step of a phone guide; but
   *  a section needs a term of its own. Every term must match; only when no entry has them all
   *  do entries with most of them count. */
  function rank(manifest, perToken, limit, category) {
    const seen = new Uint8Array(manifest.entryCount);
    const candidates = [];
    perToken.forEach(({ touched }) => touched.forEach((entry) => {
      if (!seen[entry]) candidates.push(entry);
      seen[entry] = 1;
    }));
    const score = new Float32Array(candidates.length);
    const matched = new Uint8Array(candidates.length);
    candidates.forEach((entry, i) => {
      const owner = manifest.owners[entry];
      for (const { scores } of perToken) {
        const best = scores[entry] || (owner === entry ? 0 : scores[owner] * INHERITED);
        if (best > 0) matched[i] += 1;
        score[i] += best;
      }
    });
    const most = matched.reduce((max, count) => Math.max(max, count), 0);
    const inCategory = (entry) => category === undefined || category === null ||
      manifest.pageCategory[manifest.pages[entry]] === category;
    // The best `limit`, kept sorted as they come: sorting every candidate would cost more.
    const top = [];
    const before = (a, b) => a.score > b.score || (a.score === b.score && a.entry < b.entry);
    candidates.forEach((entry, i) => {
      if (matched[i] !== most || !inCategory(entry)) return;
      const hit = { entry, score: score[i] };
      if (top.length === limit && !before(hit, top[top.length - 1])) return;
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1])) at -= 1;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    });
    return top;
  }

  /** A result: where it leads, its `title` and `context` (the page's summary, or a section's
   *  page title), the `category` it is in ('' for none) and the `excerpt` (the entry's text)
   *  a snippet is cut from. `page` is the page's row in its fragment. */
  function describe(manifest, hit, page, base) {
    const number = manifest.pages[hit.entry];
    const section = hit.entry - manifest.owners[hit.entry] - 1;
    const url = base + page[0];
    const texts = Array.isArray(page[4]) ? page[4] : [];
    const category = manifest.categories[manifest.pageCategory[number]] || '';
    const result = { entry: hit.entry, score: hit.score, page: number, section, category, excerpt: texts[section + 1] || '' };
    if (section < 0) {
      return Object.assign(result, { url, title: page[1], context: page[2] || '', excerpt: result.excerpt || page[2] || '' });
    }
    const id = page[3][section * 2];
    const heading = page[3][section * 2 + 1];
    return Object.assign(result, { url: url + '#' + (id || autoID(heading)), title: heading, context: page[1] });
  }

  /** A file below the manifest's folder, fetched once (a failure is forgotten, to try again). */
  function load(state, path) {
    const url = new URL(path, state.manifestURL).href;
    if (!state.cache.has(url)) {
      state.cache.set(url, state.fetchJSON(url, { fresh: false }).catch((error) => { state.cache.delete(url); throw error; }));
    }
    return state.cache.get(url);
  }

  /** The manifest, fetched once; `fresh` fetches it again past any cache (after a shard it
   *  named was gone: the site was rebuilt), forgetting everything of the older build. */
  function ready(state, fresh) {
    if (!state.manifest || fresh) {
      const manifest = state.fetchJSON(state.manifestURL, { fresh: Boolean(fresh) }).then((data) => {
        const prepared = prepare(data);
        if (!prepared) throw new Error('unknown search index format');
        return prepared;
      });
      state.manifest = manifest;
      manifest.catch(() => { if (state.manifest === manifest) state.manifest = null; });
      if (fresh) {
        state.cache.clear();
        state.hits.clear();
      }
    }
    return state.manifest;
  }

  /** A term's hits, from its posting in the shard or from the file it is kept apart in. */
  async function termHits(state, current, candidate) {
    if (!state.hits.has(candidate.term)) {
      const posting = Array.isArray(candidate.posting) ? await load(state, String(candidate.posting[0])) : candidate.posting;
      state.hits.set(candidate.term, hitsOf(current, posting));
    }
    return state.hits.get(candidate.term);
  }

  /** What one query token matches: `[{hits, quality}]`, per expansion of a word or per bigram
   *  of a CJK run (empty hits for a bigram not in the index). */
  async function tokenMatches(state, current, token) {
    const ranges = rangeOf(token);
    const shards = await Promise.all(ranges.map((range) =>
      Promise.all(shardsFor(current, range).map((position) => load(state, current.data.terms[position][1])))));
    if (!token.cjk) {
      const expansions = Array.from(expand(termsIn(shards[0], ranges[0]), token.text).values());
      return Promise.all(expansions.map(async ({ candidate, quality }) => ({ hits: await termHits(state, current, candidate), quality })));
    }
    return Promise.all(ranges.map(async (range, i) => {
      const [candidate] = termsIn(shards[i], range);
      return { hits: candidate ? await termHits(state, current, candidate) : { entries: [], weights: [] }, quality: EXACT };
    }));
  }

  /** Page `page`'s row in its fragment. */
  async function fragmentRow(state, current, page) {
    const position = lastAtMost(current.fragmentStarts, page, (start) => start);
    const { volumes, perVolume } = current.data.fragments;
    const rows = await load(state, 'shards/f-' + volumes[Math.floor(position / perVolume)] + '-' + position + '.json');
    return rows[page - current.fragmentStarts[position]];
  }

  async function attempt(state, query, options) {
    const current = await ready(state, false);
    const tokens = parseQuery(query);
    if (tokens.length === 0) return [];
    const perToken = await Promise.all(tokens.map(async (token) =>
      scoresFor(current, token, await tokenMatches(state, current, token))));
    const top = rank(current, perToken, options.limit || 10, options.category);
    const rows = await Promise.all(top.map((hit) => fragmentRow(state, current, current.pages[hit.entry])));
    return top.map((hit, i) => describe(current, hit, rows[i], options.base || '/'));
  }

  /** The best results for `query`, best first: `[{entry, score, page, section, url, title,
   *  context, category, excerpt}]`. A shard missing means a newer build: the manifest is
   *  fetched again and the query run once more. */
  async function search(state, query, options) {
    try {
      return await attempt(state, query, options);
    } catch (error) {
      const before = state.manifest ? await state.manifest.catch(() => null) : null;
      const after = await ready(state, true);
      if (before && before.signature === after.signature) throw error;
      return attempt(state, query, options);
    }
  }

  /** An index behind `manifestURL`, fetched piece by piece with `fetchJSON(url, {fresh})`,
   *  which resolves to the parsed file or rejects. */
  function createIndex(manifestURL, fetchJSON) {
    const state = { manifestURL, fetchJSON, cache: new Map(), hits: new Map(), manifest: null };
    return {
      ready: () => ready(state, false),
      search: (query, options) => search(state, query, options || {}),
      categories: async () => (await ready(state, false)).categories,
    };
  }

  const api = { decodeList, decodeNumbers, prepare, rangeOf, createIndex };
  root.GuidepostSearchIndex = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
