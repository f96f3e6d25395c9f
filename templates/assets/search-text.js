/* Guidepost search text: folding, words, CJK bigrams, typos, and the snippet and marks a
 * result shows. Must agree with Sources/Guidepost/Search/SearchText.swift, which folds the
 * indexed text as this folds the query. Pure: no DOM, no network; search-index.js and search.js
 * build on it, as `GuidepostSearchText`: the page loads the three in order, as Node tests do.
 */
(function (root) {
  'use strict';

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

  const api = { foldCluster, tokenize, parseQuery, bigrams, autoID, withinOneEdit, highlight, snippet };
  root.GuidepostSearchText = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
