/* Guidepost header navigation.
 *
 * Where the categories do not fit on one line, the header shows a menu button instead of them;
 * the button opens the list below the header. Without this script a narrow screen gets a link
 * to the page of every category instead (the stylesheet switches at the width of a phone), and
 * the button stays hidden.
 */
(function () {
  'use strict';

  /** True when every box (an item's `top`) sits on the first one's line, and the last one
   *  (`right`) ends within `width`: the list fits without wrapping. */
  function fitsOnOneLine(boxes, width) {
    if (boxes.length === 0) return true;
    const top = boxes[0].top;
    return boxes.every((box) => Math.abs(box.top - top) < 1) && boxes[boxes.length - 1].right <= width + 0.5;
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { fitsOnOneLine };
    return;
  }
  if (typeof document === 'undefined') return;

  const nav = document.querySelector('.site-nav');
  const button = nav && nav.querySelector('.site-nav-toggle');
  const list = nav && nav.querySelector('#site-nav-list');
  if (!button || !list) return;

  function setOpen(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    nav.classList.toggle('site-nav-open', open);
  }

  // Measured with the list shown in full, then collapsed only if it wrapped.
  function update() {
    const wasCollapsed = nav.classList.contains('site-nav-collapsed');
    nav.classList.remove('site-nav-collapsed', 'site-nav-open');
    const boxes = Array.from(list.children, (item) => item.getBoundingClientRect());
    const collapse = !fitsOnOneLine(boxes, document.documentElement.clientWidth);
    nav.classList.toggle('site-nav-collapsed', collapse);
    if (collapse && wasCollapsed && button.getAttribute('aria-expanded') === 'true') nav.classList.add('site-nav-open');
    if (!collapse) setOpen(false);
  }

  nav.classList.add('site-nav-js');
  button.hidden = false;
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    button.focus();
  });
  // Closed once the reader moves on: focus or a click elsewhere.
  nav.addEventListener('focusout', (event) => {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) setOpen(false);
  });
  document.addEventListener('click', (event) => {
    if (!nav.contains(event.target)) setOpen(false);
  });
  let pending = false;
  window.addEventListener('resize', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; update(); });
  });
  update();
})();
