/// The reload script and the error overlay's stylesheet. They live in the server, not in
/// `templates/assets/`, because every theme asset is copied into a normal build.
enum LiveReloadAssets {
    /// Opens the event stream, reloads on `reload`, and on the server's `error` event lists the
    /// build errors in an overlay built from DOM nodes: no innerHTML (error text is untrusted
    /// content) and no inline styles (the CSP forbids them).
    static let script = #"""
        // Added by `sitegen serve` only; a built site never loads this file.
        (function () {
          'use strict';
          if (!window.EventSource) return;
          var overlay = null;
          // The build this page comes from: if one ended before this stream opened, the server
          // answers with a reload at once instead of leaving the tab behind.
          var build = document.currentScript && document.currentScript.getAttribute('data-build');
          var source = new EventSource('/_guidepost/events' + (build ? '?build=' + encodeURIComponent(build) : ''));

          source.addEventListener('reload', function () {
            window.location.reload();
          });

          source.addEventListener('error', function (event) {
            // A dropped connection also fires `error`, without data; EventSource reconnects by itself.
            if (!event.data) return;
            var report;
            try { report = JSON.parse(event.data); } catch (problem) { return; }
            show(report);
          });

          function element(name, className, text) {
            var node = document.createElement(name);
            if (className) node.className = className;
            if (text) node.textContent = text;
            return node;
          }

          function show(report) {
            hide();
            overlay = element('section', 'guidepost-live-errors');
            overlay.setAttribute('role', 'alert');
            overlay.setAttribute('aria-labelledby', 'guidepost-live-errors-title');
            var title = element('h2', 'guidepost-live-errors-title', 'The site did not build: ' + report.summary);
            title.id = 'guidepost-live-errors-title';
            overlay.appendChild(title);
            var list = element('ol', 'guidepost-live-errors-list');
            (report.errors || []).forEach(function (error) {
              var item = element('li');
              // Where the terminal says it: file:line:column, as much of it as is known.
              var where = error.file || '';
              if (where && error.line) where += ':' + error.line + (error.column ? ':' + error.column : '');
              if (where) item.appendChild(element('code', 'guidepost-live-errors-file', where));
              item.appendChild(element('p', 'guidepost-live-errors-message', error.message));
              if (error.hint) item.appendChild(element('p', 'guidepost-live-errors-hint', 'Hint: ' + error.hint));
              list.appendChild(item);
            });
            overlay.appendChild(list);
            overlay.appendChild(element('p', 'guidepost-live-errors-note',
              'The page shows the last good build. It reloads when the errors are fixed.'));
            var close = element('button', 'guidepost-live-errors-close', 'Dismiss');
            close.type = 'button';
            close.addEventListener('click', hide);
            overlay.appendChild(close);
            document.body.appendChild(overlay);
          }

          function hide() {
            if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
            overlay = null;
          }
        })();

        """#

    static let stylesheet = """
        /* The build-error overlay of `sitegen serve`; never part of a built site. */
        .guidepost-live-errors {
          position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 2147483647;
          max-height: 70vh; overflow: auto; box-sizing: border-box;
          padding: 1rem 1.25rem; border: 2px solid #b3261e; border-radius: 8px;
          background: #fff8f7; color: #410e0b; box-shadow: 0 8px 24px rgba(0, 0, 0, .25);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
        }
        .guidepost-live-errors-title { margin: 0 0 .5rem; font-size: 1.1rem; color: #b3261e; }
        .guidepost-live-errors-list { margin: 0; padding-left: 1.5rem; }
        .guidepost-live-errors-list li { margin: .5rem 0; }
        .guidepost-live-errors-file { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace; font-weight: 600; }
        .guidepost-live-errors-message { margin: .15rem 0 0; }
        .guidepost-live-errors-hint { margin: .15rem 0 0; color: #5f4b49; }
        .guidepost-live-errors-note { margin: .75rem 0 0; font-size: .9em; color: #5f4b49; }
        .guidepost-live-errors-close {
          margin-top: .75rem; padding: .3rem .9rem; border: 1px solid #b3261e; border-radius: 4px;
          background: #fff; color: #b3261e; font: inherit; cursor: pointer;
        }
        @media (prefers-color-scheme: dark) {
          .guidepost-live-errors { background: #2d1211; color: #ffdad6; border-color: #ffb4ab; }
          .guidepost-live-errors-title, .guidepost-live-errors-close { color: #ffb4ab; }
          .guidepost-live-errors-hint, .guidepost-live-errors-note { color: #e7bdb8; }
          .guidepost-live-errors-close { background: #410e0b; border-color: #ffb4ab; }
        }

        """
}
