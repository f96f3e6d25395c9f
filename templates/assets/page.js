// Small enhancements of markup that already works without this script: a copy button on code
// blocks, videos that load their player on click, a dismissible announcement, and feedback
// sent in the background. Nothing here is needed to read or use the page.
(function () {
  'use strict';

  /** The player's address, asked to start playing: the reader clicked "Play" already. */
  function playerURL(src) {
    return src + (src.includes('?') ? '&' : '?') + 'autoplay=1';
  }

  /** Where a dismissed announcement is remembered: one entry per message. */
  function dismissalKey(key) {
    return 'guidepost.announcement.' + key + '.dismissed';
  }

  /** The form's fields as sent (docs/feedback.schema.json): a comment only goes with "no". */
  function feedbackBody(entries, answer) {
    const body = new URLSearchParams();
    for (const [name, value] of entries) {
      if (name === 'answer' || (name === 'comment' && answer !== 'no')) continue;
      if (typeof value === 'string') body.append(name, value);
    }
    body.append('answer', answer);
    return body;
  }

  const api = { playerURL, dismissalKey, feedbackBody };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  /** A real button: `text` on screen, `label` as its name when given. */
  function makeButton(className, text, label, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = text;
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  }

  // ---- Code blocks ------------------------------------------------------------------------

  /** One polite live region for every copy button: "Copied" is read out once per click. */
  let copyStatus = null;
  function announce(text) {
    if (!copyStatus) {
      copyStatus = document.createElement('p');
      copyStatus.className = 'visually-hidden';
      copyStatus.setAttribute('role', 'status');
      document.body.appendChild(copyStatus);
    }
    copyStatus.textContent = '';
    // A fresh node after a moment, so a second "Copied" in a row is read out again.
    setTimeout(() => { copyStatus.textContent = text; }, 50);
  }

  function copyWithSelection(text) {
    const area = document.createElement('textarea');
    area.className = 'visually-hidden';
    area.value = text;
    area.setAttribute('readonly', '');
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand('copy'); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyWithSelection(text));
    }
    return Promise.resolve(copyWithSelection(text));
  }

  function addCopyButton(pre) {
    const code = pre.querySelector('code') || pre;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.appendChild(pre);
    const button = makeButton('copy-button', 'Copy', 'Copy code', () => {
      copy(code.textContent).then((copied) => {
        button.textContent = copied ? 'Copied' : 'Copy failed';
        announce(copied ? 'Copied' : 'Copy failed: select the code and copy it by hand');
        setTimeout(() => { button.textContent = 'Copy'; }, 2000);
      });
    });
    wrapper.appendChild(button);
    // The button's room can make a line scroll: a keyboard must reach what scrolls.
    if (pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex')) pre.tabIndex = 0;
  }

  // ---- Videos -----------------------------------------------------------------------------

  function enableVideo(figure) {
    const link = figure.querySelector('a.video-link');
    if (!link || !figure.dataset.videoSrc) return;
    const button = makeButton('video-link video-play', '', null, () => {
      const frame = document.createElement('iframe');
      frame.className = 'video-frame';
      frame.src = playerURL(figure.dataset.videoSrc);
      frame.title = figure.dataset.videoTitle || 'Video';
      frame.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
      frame.allowFullscreen = true;
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      button.replaceWith(frame);
      frame.focus();
    });
    button.append(...link.childNodes);
    const action = button.querySelector('.video-action');
    if (action) action.textContent = 'Play video';
    link.replaceWith(button);
  }

  // ---- Announcement -----------------------------------------------------------------------

  function enableAnnouncement(banner) {
    const key = dismissalKey(banner.dataset.announcement);
    let storage = null;
    try { storage = window.localStorage; } catch (error) { storage = null; }
    if (storage && storage.getItem(key)) {
      banner.remove();
      return;
    }
    const button = makeButton('announcement-dismiss', 'Dismiss', 'Dismiss announcement', () => {
      try { if (storage) storage.setItem(key, '1'); } catch (error) { /* private mode: dismissed for this page only */ }
      const next = document.querySelector('.site-title');
      banner.remove();
      if (next) next.focus();
    });
    banner.querySelector('.announcement-inner').appendChild(button);
  }

  // ---- Feedback ---------------------------------------------------------------------------

  function enableFeedback(section) {
    const form = section.querySelector('form.feedback-form');
    if (!form) return;
    const status = document.createElement('p');
    status.className = 'feedback-status';
    status.setAttribute('role', 'status');
    status.tabIndex = -1;
    section.appendChild(status);
    form.addEventListener('submit', (event) => {
      const answer = event.submitter && event.submitter.value;
      if (!answer || typeof fetch !== 'function') return;
      event.preventDefault();
      const body = feedbackBody(new FormData(form), answer);
      // no-cors: the endpoint need not answer CORS; the answer can't be read, and isn't needed.
      fetch(form.action, { method: 'POST', body, mode: 'no-cors', credentials: 'omit' }).then(() => {
        form.remove();
        status.textContent = 'Thank you for your feedback.';
        status.focus();
      }, () => {
        status.textContent = 'Your feedback could not be sent. Please try again.';
      });
    });
  }

  function start() {
    document.querySelectorAll('main pre').forEach(addCopyButton);
    document.querySelectorAll('figure.video[data-video-src]').forEach(enableVideo);
    document.querySelectorAll('.announcement[data-announcement]').forEach(enableAnnouncement);
    document.querySelectorAll('section.feedback').forEach(enableFeedback);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
