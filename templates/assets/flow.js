/* Guidepost flow checker.
 *
 * Walks the flow spec that the generator embeds in each `section.flow` and turns the static
 * start question into one question at a time, in the manner of GOV.UK question pages.
 * The engine below must agree with Swift's `Flow.resume(_:)` and `Flow.paths()`
 * (Sources/FlowKit/FlowEvaluation.swift); Tests/js checks that over every path.
 *
 * The page works without this script (each option links to a static page), so anything
 * unexpected, such as a spec version this script does not know, leaves the markup alone.
 * Runs under a CSP without inline styles or eval, and treats all spec text as untrusted:
 * the DOM is built with createElement and textContent only.
 */
(function () {
  'use strict';

  const SPEC_VERSION = 1;

  // ---- Engine: pure, no DOM ------------------------------------------------------------

  const list = (value) => (Array.isArray(value) ? value : []);

  // Swift's `Flow.node(_:)`: the first node with the id. The spec splits questions from
  // outcomes, so "first" means questions first; a valid spec never reuses an id anyway.
  function lookup(spec, id) {
    for (const question of list(spec && spec.questions)) {
      if (question && question.id === id) return { type: 'question', question };
    }
    for (const outcome of list(spec && spec.outcomes)) {
      if (outcome && outcome.id === id) return { type: 'outcome', outcome };
    }
    return null;
  }

  function answerTo(answers, id) {
    if (answers instanceof Map) return answers.get(id);
    // Own keys only: a URL can say `?constructor=x`.
    return answers && Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
  }

  function keysOf(answers) {
    return answers instanceof Map ? Array.from(answers.keys()) : Object.keys(answers || {});
  }

  /** Where `answers` (question id → option id, a plain object or a Map) lead from the start:
   *  `{ node: {type: 'question', question} | {type: 'outcome', outcome} | null, trail:
   *  [{question, option}], dropped: [keys, sorted] }`. `node` is null only when the start
   *  does not exist. Stops at the first question without a usable answer, at a question seen
   *  before (a loop), and at an option that leads nowhere, exactly as Swift does. */
  function resume(spec, answers) {
    let node = lookup(spec, spec && spec.start);
    const trail = [];
    while (node && node.type === 'question') {
      const question = node.question;
      if (trail.some((step) => step.question.id === question.id)) break;
      const chosen = answerTo(answers, question.id);
      const option = typeof chosen === 'string'
        ? list(question.options).find((candidate) => candidate && candidate.id === chosen)
        : undefined;
      const next = option && lookup(spec, option.next);
      if (!next) break;
      trail.push({ question, option });
      node = next;
    }
    const used = new Set(trail.map((step) => step.question.id));
    // Ids are ASCII by the schema, where this order is Swift's `sorted()`.
    const dropped = keysOf(answers).filter((key) => !used.has(key)).sort();
    return { node, trail, dropped };
  }

  /** Every path from the start to an outcome, depth-first with options in written order:
   *  `[{answers: [[questionId, optionId], …], outcome: outcomeId}]`. Loops and options that
   *  lead nowhere are skipped, as in Swift. */
  function paths(spec) {
    const found = [];
    const walk = (node, steps) => {
      if (node.type === 'outcome') {
        found.push({ answers: steps, outcome: node.outcome.id });
        return;
      }
      const question = node.question;
      if (steps.some(([id]) => id === question.id)) return;
      for (const option of list(question.options)) {
        const next = option && lookup(spec, option.next);
        if (next) walk(next, steps.concat([[question.id, option.id]]));
      }
    };
    const first = lookup(spec, spec && spec.start);
    if (first) walk(first, []);
    return found;
  }

  /** Whether this script can walk the spec; anything else keeps the no-JavaScript page. */
  function usable(spec) {
    return Boolean(spec) && spec.specVersion === SPEC_VERSION && Array.isArray(spec.questions)
      && Array.isArray(spec.outcomes) && lookup(spec, spec.start) !== null;
  }

  // ---- Answers in the query string -----------------------------------------------------
  // A flow owns the query parameters `<flow id>.<question id>`, such as
  // `occupied-contact.sms=no`. Ids are [a-z0-9-], so the dot cannot occur inside one and two
  // flows on one page never share an answer, whatever their questions are called. Every
  // other parameter (tracking, another flow) belongs to someone else and is kept as it is.

  const owns = (spec, key) => key.startsWith(spec.id + '.');

  /** The flow's answers in a query string, question id → option id, as a Map; the first
   *  value wins if one repeats. Unknown question ids are kept, so `resume` reports them. */
  function readAnswers(spec, search) {
    const answers = new Map();
    for (const [key, value] of new URLSearchParams(search)) {
      const id = key.slice(spec.id.length + 1);
      if (owns(spec, key) && !answers.has(id)) answers.set(id, value);
    }
    return answers;
  }

  /** `search` with the flow's answers replaced by `steps` ([[questionId, optionId], …]), in
   *  path order after the other parameters. Returns '' or '?…'. */
  function writeAnswers(spec, search, steps) {
    const params = new URLSearchParams(search);
    for (const key of Array.from(params.keys())) if (owns(spec, key)) params.delete(key);
    for (const [question, option] of steps) params.append(spec.id + '.' + question, option);
    const query = params.toString();
    return query ? '?' + query : '';
  }

  const api = { SPEC_VERSION, resume, paths, usable, readAnswers, writeAnswers };

  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- Page ----------------------------------------------------------------------------

  // Flow and node ids are [a-z0-9-], so '_' cannot occur inside one and joined ids stay unique.
  const SEP = '_';
  const STALE = 'Some answers in this link no longer apply, so you may need to answer a question again.';
  const widgets = [];
  let baseTitle = '';

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  const here = (search) => location.pathname + search + location.hash;
  const sameQuery = (a, b) => new URLSearchParams(a).toString() === new URLSearchParams(b).toString();
  const stepsOf = (trail) => trail.map((step) => [step.question.id, step.option.id]);
  // Modified and middle clicks open the link's real URL in a new tab or window.
  const plainClick = (event) => !(event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);

  // A spec URL could say `javascript:`; only web links are followed.
  function webURL(url) {
    try {
      return typeof url === 'string' && /^https?:$/.test(new URL(url, location.href).protocol);
    } catch (error) {
      return false;
    }
  }

  /* History entries this script pushes carry `{flow, prev, pick}`: which flow pushed it,
   * the query it was pushed from (so Back can tell whether `history.back()` is a step back
   * in this flow), and per flow the answer to preselect when the entry is shown again. */
  function go(widget, steps, pick) {
    const id = widget.spec.id;
    const state = { flow: id, prev: location.search, pick: pick ? { [id]: pick } : {} };
    history.pushState(state, '', here(writeAnswers(widget.spec, location.search, steps)));
    show(widget, 'step');
  }

  function remember(widget, pick) {
    const state = Object.assign({}, history.state);
    state.pick = Object.assign({}, state.pick, { [widget.spec.id]: pick });
    history.replaceState(state, '');
  }

  function back(widget, steps) {
    const target = steps.slice(0, -1);
    const state = history.state;
    if (state && state.flow === widget.spec.id && typeof state.prev === 'string'
        && sameQuery(state.prev, writeAnswers(widget.spec, location.search, target))) {
      history.back();
    } else {
      go(widget, target, steps[steps.length - 1]);
    }
  }

  function stepLink(widget, steps, pick, content, className) {
    const link = el('a', { href: here(writeAnswers(widget.spec, location.search, steps)) }, content);
    if (className) link.className = className;
    link.addEventListener('click', (event) => {
      if (!plainClick(event)) return;
      event.preventDefault();
      go(widget, steps, pick);
    });
    return link;
  }

  function answersSummary(widget, trail) {
    if (!trail.length) return [];
    const steps = stepsOf(trail);
    const rows = trail.map(({ question, option }, index) => el('div', { class: 'flow-answers-row' }, [
      el('dt', { text: question.prompt }),
      el('dd', { text: option.label }),
      el('dd', { class: 'flow-answers-change' }, [
        // Going back to a question keeps only the answers before it; the old one is preselected.
        stepLink(widget, steps.slice(0, index), [question.id, option.id], [
          'Change',
          el('span', { class: 'visually-hidden', text: ' your answer to: ' + question.prompt }),
        ]),
      ]),
    ]));
    return [el('h3', { class: 'flow-answers-title', text: 'Your answers' }), el('dl', { class: 'flow-answers' }, rows)];
  }

  function questionStep(widget, question, trail, error) {
    const steps = stepsOf(trail);
    const base = widget.prefix + question.id;
    const hintID = base + SEP + 'hint';
    const errorID = base + SEP + 'error';
    const picked = ((history.state || {}).pick || {})[widget.spec.id];
    const options = list(question.options).filter(Boolean);

    const radios = options.map((option) => {
      const id = base + SEP + option.id;
      const input = el('input', { type: 'radio', name: widget.spec.id + '-' + question.id, id, value: option.id });
      input.checked = Array.isArray(picked) && picked[0] === question.id && picked[1] === option.id;
      return el('div', { class: 'flow-option' }, [input, el('label', { for: id, text: option.label })]);
    });
    const firstRadio = radios.length ? radios[0].firstChild : null;

    const heading = el('h3', { class: 'flow-question', tabindex: '-1', text: question.prompt });
    const legend = el('legend', { class: 'flow-legend' }, [heading]);
    const describedBy = [question.hint && hintID, error && errorID].filter(Boolean).join(' ');
    const fieldset = el('fieldset', describedBy ? { 'aria-describedby': describedBy } : {}, [
      legend,
      question.hint && el('p', { class: 'flow-hint', id: hintID, text: question.hint }),
      error && el('p', { class: 'error-message', id: errorID }, [
        el('span', { class: 'visually-hidden', text: 'Error:' }), ' Select an answer',
      ]),
      el('div', { class: 'flow-options' }, radios),
    ]);

    let summary = null;
    if (error) {
      const link = el('a', { href: '#' + (firstRadio ? firstRadio.id : ''), text: 'Select an answer' });
      // Focus the radio without a fragment navigation (which would add a history entry),
      // and show the question with it, not just the radio.
      link.addEventListener('click', (event) => {
        event.preventDefault();
        if (!firstRadio) return;
        firstRadio.focus({ preventScroll: true });
        legend.scrollIntoView({ block: 'nearest' });
      });
      summary = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1' }, [
        el('h3', { class: 'error-summary-title', text: 'There is a problem' }),
        el('ul', { class: 'error-summary-list' }, [el('li', {}, [link])]),
      ]);
    }

    const buttons = el('div', { class: 'button-group' }, [
      el('button', { type: 'submit', class: 'button', text: 'Continue' }),
    ]);
    if (steps.length) {
      const backButton = el('button', { type: 'button', class: 'button button-secondary', text: 'Back' });
      backButton.addEventListener('click', () => back(widget, steps));
      buttons.append(backButton, stepLink(widget, [], null, 'Start again', 'flow-restart'));
    }

    const form = el('form', { class: 'flow-form', novalidate: '' }, [
      el('div', { class: error ? 'form-group form-group-error' : 'form-group' }, [fieldset]),
      buttons,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input[type=radio]:checked');
      if (!chosen) {
        show(widget, 'error');
        return;
      }
      // Remember the answer on this entry too, so stepping back shows it chosen.
      remember(widget, [question.id, chosen.value]);
      go(widget, steps.concat([[question.id, chosen.value]]));
    });

    return { heading, focus: summary || heading, parts: [summary, form].concat(answersSummary(widget, trail)) };
  }

  function outcomeStep(widget, outcome, trail) {
    const tone = outcome.tone === 'warning' ? 'warning' : 'success';
    const guide = outcome.guide || {};
    // "Warning" is in the heading's text, so it is read with it, not only shown in colour.
    const heading = el('h3', { class: 'flow-outcome-title', tabindex: '-1' }, [
      tone === 'warning' && el('span', { class: 'flow-warning-label', text: 'Warning:' }),
      tone === 'warning' && ' ',
      outcome.title,
    ]);
    const box = el('div', { class: 'flow-outcome flow-outcome-' + tone }, [
      heading,
      el('p', { class: 'flow-outcome-summary', text: outcome.summary }),
      webURL(guide.url) && el('p', { class: 'flow-outcome-guide' }, [
        el('a', { class: 'button', href: guide.url, text: 'Read the guide: ' + (guide.title || outcome.title) }),
      ]),
    ]);
    const restart = el('p', { class: 'flow-restart-line' }, [stepLink(widget, [], null, 'Start again', 'flow-restart')]);
    return { heading, focus: heading, parts: [box].concat(answersSummary(widget, trail), [restart]) };
  }

  /** Renders the step the URL describes. `reason`: undefined on page load, 'pop' after a
   *  history move, 'step' after the reader moved, 'error' when Continue had no answer. */
  function show(widget, reason) {
    const spec = widget.spec;
    const state = resume(spec, readAnswers(spec, location.search));
    const steps = stepsOf(state.trail);
    const key = JSON.stringify(steps);

    // Stale or unknown answers leave the address, so it is safe to share and to reload; the
    // reader who opened such a link is told, until they move on.
    const written = writeAnswers(spec, location.search, steps);
    if (!sameQuery(written, location.search)) history.replaceState(history.state, '', here(written));
    if (reason === undefined) widget.stale = state.dropped.length > 0;
    else if (reason !== 'pop' || key !== widget.key) widget.stale = false;

    // A popstate that did not move this flow (another flow, a fragment link) keeps what the
    // reader has on screen, half-chosen radios and error included.
    if (reason === 'pop' && key === widget.key) return;
    widget.key = key;

    const error = reason === 'error';
    const view = state.node.type === 'outcome'
      ? outcomeStep(widget, state.node.outcome, state.trail)
      : questionStep(widget, state.node.question, state.trail, error);
    const notice = widget.stale && el('p', { class: 'flow-notice', text: STALE });
    widget.step.replaceChildren(...[notice].concat(view.parts).filter(Boolean));

    const moved = reason !== undefined;
    // A page opened at the start keeps its own title; once in the flow, the title names the step.
    if (moved || steps.length) {
      document.title = (error ? 'Error: ' : '') + view.heading.textContent + ' \u2013 ' + baseTitle;
    }
    if (!moved) return;
    // Moving the focus to the new step's heading is what announces it (once: no live region).
    view.focus.focus({ preventScroll: true });
    view.focus.scrollIntoView({ block: 'nearest' });
  }

  function enhance(section) {
    const script = section.querySelector('script.flow-spec');
    let spec;
    try {
      spec = JSON.parse(script.textContent);
    } catch (error) {
      return null;
    }
    if (!usable(spec)) return null;
    let step = section.querySelector('.flow-step');
    if (!step) step = section.insertBefore(el('div', { class: 'flow-step' }), script);
    section.classList.add('flow-enhanced');
    return { spec, section, step, prefix: (section.id || 'flow-' + spec.id) + SEP, key: null, stale: false };
  }

  function start() {
    baseTitle = document.title;
    for (const section of document.querySelectorAll('section.flow[data-flow]')) {
      const widget = enhance(section);
      if (!widget) continue;
      widgets.push(widget);
      show(widget);
    }
    if (widgets.length) window.addEventListener('popstate', () => widgets.forEach((widget) => show(widget, 'pop')));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
