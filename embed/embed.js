/* Policy Lens embed loader.
 *
 *   <script src=".../embed.js" data-policy="zeekr" data-view="summary" data-lang="zh-CN" async></script>
 *   <policy-lens policy="zeekr" view="changes" from="2025-11-10" to="2025-12-31"></policy-lens>
 *   PolicyLens.mount(element, { policy: "zeekr" })  ->  { update(options), unmount() }
 *
 * It finds the widget's wasm, JS and CSS next to its own URL, renders into an open Shadow DOM,
 * and defines one global (PolicyLens) and one custom element (<policy-lens>). No eval, no
 * inline script or style, no requests beyond its own assets and the host-given data URL.
 * Where WebAssembly cannot run, a readable fallback (title and full text) appears.
 */
(function () {
  'use strict';
  if (window.PolicyLens && window.PolicyLens.version) return; // loaded twice: keep the first

  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || document.baseURI).href;
  var OPTIONS = ['policy', 'version', 'view', 'lang', 'from', 'to', 'src', 'remember', 'reviewed-only'];
  // The bundled index (policies/index.json), written in here by the build (scripts/embed-index.mjs)
  // so that a widget's data is requested at once, while the wasm downloads and compiles, not
  // after a round trip for the index. Null in the source file: the index is then fetched.
  var INDEX = /*policy-lens:index*/null;
  var compiled = null;
  var instances = 0;
  // The widget's own wasm (the first module).
  var WIDGET_WASM = base + 'policy-lens-widget_bg.wasm';
  // HTML reaches the DOM only through a Trusted Types policy of the widget's own: the build-time
  // prerender here, and the markup the widget writes as HTML (src/markup.rs), so that a host
  // that enforces Trusted Types accepts them (it allows the name: `trusted-types policy-lens`).
  // The widget alone gets it. `null`: the host refused the policy, and then no HTML is tried
  // (no prerender; the widget makes DOM calls). `undefined`: no Trusted Types in this browser.
  var htmlPolicy = (function () {
    if (!window.trustedTypes || !window.trustedTypes.createPolicy) return undefined;
    try {
      return window.trustedTypes.createPolicy('policy-lens', { createHTML: function (s) { return s; } });
    } catch (e) { return null; }
  })();

  // Fetches and compiles a wasm file once per page.
  function compile(url) {
    return WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(url)).catch(function () {
          return fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
        })
      : fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
  }

  // A fresh instance of a module's JS glue and wasm, sharing the compiled module: `glue` is
  // imported under a new query each time (the first instance takes the plain URL, which the
  // preload may already have fetched).
  function instantiate(compiledModule, glue, n) {
    return compiledModule.then(function (module) {
      return import(n > 1 ? glue + '?instance=' + n : glue).then(function (m) {
        return m.default({ module_or_path: module }).then(function () { return m; });
      });
    });
  }

  // Each widget gets its own wasm instance (a fresh import of the JS glue, sharing one
  // compiled module), so a bug that stops one widget leaves the others working.
  function loadWasm() {
    if (typeof WebAssembly !== 'object') return Promise.reject(new Error('WebAssembly is not available'));
    if (!compiled) compiled = compile(WIDGET_WASM);
    return instantiate(compiled, base + 'policy-lens-widget.js', ++instances + 1);
  }

  // The modules of the other views, loaded when a widget first needs them and preloaded once a
  // summary is ready: `changes` (the diff engine, the changes view and full validation) and
  // `text` (the full text). Each widget instance asks once and gets its own instance of each.
  function lazyModule(name) {
    var compiled = null;
    var instances = 0;
    var preloaded = null;
    var glue = base + name + '/policy-lens-' + name + '.js';
    var wasm = base + name + '/policy-lens-' + name + '_bg.wasm';
    function compileIt() {
      if (!compiled) compiled = compile(wasm);
      return compiled;
    }
    return {
      wasm: wasm,
      load: function () {
        if (typeof WebAssembly !== 'object') return Promise.reject(new Error('WebAssembly is not available'));
        return instantiate(compileIt(), glue, ++instances);
      },
      // Fetches and compiles the module and its glue now, in parallel with the widget's own
      // wasm: for a widget that opens on this module's view, which needs it before it is ready.
      early: function () {
        if (typeof WebAssembly !== 'object' || preloaded) return;
        preloaded = Promise.all([compileIt(), import(glue)]).then(null, function () { compiled = null; });
      },
      // Fetches and compiles the module and its glue in the background. Returns a promise that
      // settles when that is done (the benchmark waits on it).
      preload: function () {
        if (typeof WebAssembly !== 'object') return Promise.resolve();
        if (!preloaded) {
          preloaded = new Promise(function (done) {
            var start = function () {
              var g = instances === 0 ? import(glue) : Promise.resolve();
              Promise.all([compileIt(), g]).then(done, function () { compiled = null; done(); });
            };
            if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 500 });
            else setTimeout(start, 50);
          });
        }
        return preloaded;
      },
    };
  }
  var changesModule = lazyModule('changes');
  var textModule = lazyModule('text');

  // The data file one version shows (the given version, else the latest, when the bundled
  // index has it), or the host's own `src`: a promise of its absolute URL, or of null. A
  // bundled version is a JSON file plus its binary form made at build time (`ext` '.bin'),
  // which is what the widget reads; the no-wasm fallback reads the JSON.
  function dataUrl(options, ext) {
    if (options.src) return Promise.resolve(new URL(options.src, document.baseURI).href);
    return entryOf(options).then(function (entry) {
      var v = entry && (options.version || entry.versions[entry.versions.length - 1]);
      return v ? fileUrl(entry, v, ext) : null;
    });
  }
  // The bundled index's entry of `options.policy`, or null.
  function entryOf(options) {
    if (!options.policy) return Promise.resolve(null);
    var index = INDEX ? Promise.resolve(INDEX)
      : fetch(base + 'policies/index.json').then(function (r) { return r.json(); });
    return index.then(function (index) {
      return index.filter(function (e) { return e.id === options.policy; })[0] || null;
    });
  }
  function fileUrl(entry, v, ext) {
    return entry.versions.indexOf(v) >= 0
      ? base + 'policies/' + encodeURIComponent(entry.id) + '/' + encodeURIComponent(v) + ext : null;
  }
  // The two versions "What changed" compares, picked as the widget picks them (src/route.rs
  // `resolve`): `to`, else the latest; `from`, else the version before `to` (or `to` itself).
  function pairOf(entry, options) {
    var all = entry.versions;
    var to = options.to || all[all.length - 1];
    var at = all.indexOf(to);
    return [options.from || (at > 0 ? all[at - 1] : to), to];
  }
  function pairUrls(options) {
    return entryOf(options).then(function (entry) {
      if (!entry) return [null, null];
      var pair = pairOf(entry, options);
      return [fileUrl(entry, pair[0], '.bin'), fileUrl(entry, pair[1], '.bin')];
    });
  }

  // The data is fetched here, in parallel with the wasm, and handed to the widget when it asks
  // for the same URL (PolicyLens._prefetched, read by src/data.rs): the version it shows, or
  // both versions "What changed" compares (bundled ones; host data comes as one file).
  var prefetches = [];
  function prefetchUrl(url) {
    url = url.catch(function () { return null; });
    prefetches.push({ url: url, file: url.then(function (u) { return u && readFile(u); }), taken: false });
  }
  // A widget that opens on the full text or on "What changed" needs that view's module before
  // it is ready: it is fetched and compiled from the start too, not once the widget asks.
  function prefetch(options) {
    if (options.view === 'full') textModule.early();
    if (options.view !== 'changes') return prefetchUrl(dataUrl(options, '.bin'));
    changesModule.early();
    if (options.src || options.remember) return;
    var pair = pairUrls(options);
    prefetchUrl(pair.then(function (p) { return p[0]; }));
    prefetchUrl(pair.then(function (p) { return p[1]; }));
  }
  // A file as the widget takes it: its bytes, read as soon as they arrive, so that a widget
  // whose wasm starts later finds them in memory; or the server's refusal.
  function readFile(u) {
    return fetch(u).then(function (r) {
      if (!r.ok) return { ok: false, status: r.status, statusText: r.statusText };
      return r.arrayBuffer().then(function (b) { return { ok: true, bytes: new Uint8Array(b) }; });
    });
  }
  // The file at `url`: a prefetched one, taken once, or a new request; undefined when nothing
  // was prefetched.
  function prefetched(url) {
    if (!prefetches.length) return undefined;
    var u = new URL(url, document.baseURI).href;
    return Promise.all(prefetches.map(function (p) { return p.url; })).then(function (urls) {
      for (var i = 0; i < prefetches.length; i++) {
        if (!prefetches[i].taken && urls[i] === u) { prefetches[i].taken = true; return prefetches[i].file; }
      }
      return readFile(u);
    });
  }

  // The prerendered summary: the widget's own render of a bundled version, made at build time
  // (src/prerender_main.rs) as policies/<id>/<version>.<lang>.html (and its full text as
  // <version>.<lang>.full.html, and for the latest, what changed from the version before, as
  // <version>.<lang>.changes.html, for a widget that opens on one of them). It
  // is fetched in parallel with the wasm and shown, inert, until the widget is ready, so that
  // the first layer's text is laid out and on screen while the wasm downloads and compiles. The
  // widget renders into its own container, hidden meanwhile, and replaces the prerender once it
  // is ready, or shows its error. Only the plain case has one: the summary or full text of a
  // bundled version, or "What changed" for the latest pair, in a language the widget would pick
  // the same way, with no host data, no remembered place and no reviewed-only reading, and not
  // where the host refused the widget's Trusted Types policy (the HTML could not be shown).
  function langOf(tag) {
    var p = String(tag || '').split(/[-_]/)[0].toLowerCase();
    return p === 'en' ? 'en' : p === 'zh' ? 'zh-CN' : null;
  }
  // The language a widget speaks, picked as the widget picks it (src/app.rs: its `lang`, else the
  // browser's, else English).
  function widgetLang(options) {
    return langOf(options.lang) || langOf(navigator.language) || 'en';
  }
  function prerenderUrl(options) {
    if (!INDEX || typeof WebAssembly !== 'object' || htmlPolicy === null || !options.policy || options.src || options.remember) return null;
    var view = options.view || 'summary';
    if (view !== 'summary' && view !== 'full' && view !== 'changes') return null;
    if (options['reviewed-only'] != null && options['reviewed-only'] !== 'false') return null;
    var entry = INDEX.filter(function (e) { return e.id === options.policy; })[0];
    if (!entry) return null;
    var all = entry.versions;
    var latest = all[all.length - 1];
    // The summary and the full text of every bundled version, named or not (the latest).
    var version = options.version || latest;
    if (all.indexOf(version) < 0) return null;
    // "What changed" is prerendered for the pair the widget shows first, whether named or not:
    // the version before the latest, to the latest.
    var pair = pairOf(entry, options);
    if (view === 'changes' && (options.version || pair[0] !== all[all.length - 2] || pair[1] !== latest)) return null;
    return base + 'policies/' + encodeURIComponent(entry.id) + '/' + encodeURIComponent(version)
      + '.' + widgetLang(options) + (view === 'summary' ? '' : '.' + view) + '.html';
  }
  // The prerender stands in for the widget's code on a slow network, not for its data: once
  // the wasm has arrived (its resource timing entry), or the widget runs (its first render is
  // in its container `el`), the data asked for with the prerender is near, and a second cold
  // layout would only delay the widget. The full text and "What changed" also need their
  // view's module: their prerender stands in until both modules' wasm has arrived.
  function codeHere(el, url) {
    var p = window.performance;
    var arrived = function (wasm) { return !!(p && p.getEntriesByName && p.getEntriesByName(wasm).length); };
    var view = /\.(full|changes)\.html$/.exec(url);
    if (view) return arrived(WIDGET_WASM) && arrived((view[1] === 'full' ? textModule : changesModule).wasm);
    var first = el.firstElementChild;
    if (first && !first.hasAttribute('data-stand-in')) return true;
    return arrived(WIDGET_WASM);
  }
  // Shows the prerender at `url` before the element the widget renders into (`widget()`, which
  // is hidden meanwhile), unless the widget's code is here or `done()` says it is ready. Returns
  // the function that removes it and shows the widget. A host that enforces Trusted Types and
  // refuses the widget's policy gets none: the widget then simply appears when ready.
  function prerender(url, widget, done) {
    var box = null;
    var hidden = null;
    var gone = false;
    function reveal() {
      gone = true;
      if (hidden) hidden.hidden = false;
      if (box) box.remove();
      box = hidden = null;
    }
    function show(html) {
      var el = widget();
      if (!el && document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { show(html); });
        return;
      }
      if (html === null || gone || !el || !el.parentNode || done() || codeHere(el, url)) return;
      var t = document.createElement('template');
      t.innerHTML = htmlPolicy ? htmlPolicy.createHTML(html) : html;
      box = document.createElement('div');
      box.className = el.className;
      if (el.hasAttribute('part')) box.setAttribute('part', el.getAttribute('part'));
      box.setAttribute('data-prerender', '');
      box.setAttribute('aria-busy', 'true');
      box.inert = true;
      box.appendChild(t.content);
      el.parentNode.insertBefore(box, el);
      hidden = el;
      el.hidden = true;
      if (window.performance && performance.mark) performance.mark('pl:prerendered');
    }
    fetch(url).then(function (r) { return r.ok ? r.text() : null; }).then(show).catch(function () {});
    reveal.showing = function () { return !!box; };
    return reveal;
  }

  function optionsOf(el, prefix) {
    var o = {};
    OPTIONS.forEach(function (k) {
      var v = el.getAttribute(prefix + k);
      if (v !== null) o[k] = v;
    });
    return o;
  }

  function emit(host, name, detail) {
    host.dispatchEvent(new CustomEvent('policy-lens:' + name, { bubbles: true, composed: true, detail: detail }));
  }

  // The fallback's own words, in the widget's language (the reason, from the browser, stays as
  // it is).
  var WORDS = {
    en: ['Privacy policy', 'The interactive summary is still loading; the policy text is below meanwhile.',
      'The interactive summary cannot run here (', ').', 'Full text'],
    'zh-CN': ['隐私政策', '交互式摘要仍在加载，下面先显示政策原文。', '交互式摘要无法在此运行（', '）。', '全文'],
  };
  // The fallback: the policy title and its full text, rendered as text by plain DOM calls.
  // `standIn`: the widget is still loading (a slow network), so the text stands in for it until
  // it starts: no error event and no data-ready, and the widget takes its place when it mounts.
  function fallback(host, container, options, reason, standIn) {
    var lang = widgetLang(options);
    var words = WORDS[lang];
    var shown = container.querySelector('[data-testid=fallback]');
    if (shown && (standIn || !shown.hasAttribute('data-stand-in'))) return;
    container.textContent = '';
    container.hidden = false;
    // The frames of the modules loaded on demand (siblings of the container) go too.
    var parent = container.parentNode;
    Array.prototype.slice.call(parent ? parent.querySelectorAll('.pl-changes-host, .pl-text-host, [data-prerender]') : []).forEach(function (e) { e.remove(); });
    var box = document.createElement('section');
    box.className = 'pl-fallback';
    box.setAttribute('data-testid', 'fallback');
    box.setAttribute('lang', lang);
    if (standIn) box.setAttribute('data-stand-in', '');
    var h = document.createElement('h2');
    h.textContent = words[0];
    box.appendChild(h);
    var p = document.createElement('p');
    p.textContent = standIn ? words[1] : words[2] + reason + words[3];
    box.appendChild(p);
    container.appendChild(box);
    if (!standIn) {
      host.setAttribute('data-ready', 'fallback');
      emit(host, 'error', { reason: String(reason) });
    }
    dataUrl(options, '.json').then(function (u) { if (u) render(u); }).catch(function () {});
    function render(u) {
      fetch(u).then(function (r) { return r.json(); }).then(function (v) {
        var data = Array.isArray(v) ? v[v.length - 1] : v;
        h.textContent = String(data.title || words[0]);
        h.setAttribute('lang', String(data.language || ''));
        var details = document.createElement('details');
        var summary = document.createElement('summary');
        summary.textContent = words[4];
        details.appendChild(summary);
        var article = document.createElement('article');
        article.setAttribute('lang', String(data.language || ''));
        (function walk(sections) {
          (sections || []).forEach(function (s) {
            var title = [s.label, s.heading].filter(Boolean).join(' ');
            if (title) { var t = document.createElement('h3'); t.textContent = title; article.appendChild(t); }
            (s.blocks || []).forEach(function (b) {
              var lines = b.type === 'paragraph' ? [b.text] : b.type === 'list'
                ? (b.items || []).map(function (i) { return [i.label, i.text].filter(Boolean).join(' '); })
                : (b.rows || []).map(function (r) { return r.join(' | '); });
              lines.forEach(function (line) { var e = document.createElement('p'); e.textContent = String(line); article.appendChild(e); });
            });
            walk(s.sections);
          });
        })(data.sections);
        details.appendChild(article);
        box.appendChild(details);
      }).catch(function () {});
    }
  }

  function mountInto(host, options) {
    var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
    shadow.textContent = '';
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + 'policy-lens.css';
    shadow.appendChild(link);
    var container = document.createElement('div');
    container.className = 'pl-host';
    container.setAttribute('part', 'container');
    shadow.appendChild(container);
    var state = { handle: null, options: options, dead: false };
    var url = prerenderUrl(options);
    var reveal = url ? prerender(url, function () { return container; }, function () { return host.hasAttribute('data-ready'); })
      : function () {};
    var showing = reveal.showing || function () { return false; };
    host.addEventListener('policy-lens:ready', reveal);
    // A panic inside the widget arrives as policy-lens:error with a "panic:" reason.
    host.addEventListener('policy-lens:error', function (e) {
      reveal();
      var reason = e.detail && e.detail.reason || '';
      if (/^panic:/.test(reason)) {
        state.handle = null;
        fallback(host, container, state.options, 'an internal error');
      }
    });
    // Still loading after 3 s, before the widget has mounted (a slow network): the policy's
    // text stands in for it, unless the prerender already shows the summary. It is not an
    // error: the widget takes its place when it starts. (Where WebAssembly cannot run, the
    // load fails at once and the fallback below says so.)
    var timer = setTimeout(function () {
      if (!state.dead && !state.handle && !host.hasAttribute('data-ready') && !showing()) {
        fallback(host, container, state.options, '', true);
      }
    }, 3000);
    prefetch(options);
    loadWasm().then(function (m) {
      if (state.dead) return;
      clearTimeout(timer);
      if (container.querySelector('[data-stand-in]')) container.textContent = '';
      try {
        state.handle = m.mountWidget(container, state.options, base, htmlPolicy);
      } catch (e) {
        clearTimeout(timer);
        fallback(host, container, state.options, e && e.message || e);
      }
    }).catch(function (e) {
      clearTimeout(timer);
      fallback(host, container, state.options, e && e.message || e);
    });
    return {
      // `replace`: the element's attributes are the whole truth; the JS API merges.
      // For the robustness tests: make this widget's wasm instance panic.
      // `which` = 'changes' or 'text': that module's instance instead.
      _crashForTesting: function (which) {
        if (!state.handle) return;
        if (which === 'changes') state.handle.crashChangesForTesting();
        else if (which === 'text') state.handle.crashTextForTesting();
        else state.handle.crashForTesting();
      },
      update: function (o, replace) {
        state.options = replace ? Object.assign({}, o) : Object.assign({}, state.options, o || {});
        reveal();
        if (state.handle) { try { state.handle.update(state.options); } catch (e) { fallback(host, container, state.options, 'an internal error'); } }
      },
      unmount: function () {
        state.dead = true;
        clearTimeout(timer);
        if (state.handle) { try { state.handle.unmount(); state.handle.free(); } catch (e) { /* instance already stopped */ } state.handle = null; }
        shadow.textContent = '';
        host.removeAttribute('data-ready');
      },
    };
  }

  var api = Object.freeze({
    version: '0.1.0',
    mount: function (element, options) {
      if (!(element instanceof Element)) throw new TypeError('PolicyLens.mount: element must be a DOM element');
      var h = mountInto(element, Object.assign({}, options || {}));
      return { update: function (o) { h.update(o, false); }, unmount: h.unmount, _crashForTesting: h._crashForTesting };
    },
    _prefetched: prefetched, // for the widget (src/data.rs)
    // For the widget (src/module_slot.rs).
    _changes: changesModule.load,
    _preloadChanges: changesModule.preload,
    _text: textModule.load,
    _preloadText: textModule.preload,
  });
  Object.defineProperty(window, 'PolicyLens', { value: api, configurable: false, writable: false });

  if (!customElements.get('policy-lens')) {
    customElements.define('policy-lens', class extends HTMLElement {
      static get observedAttributes() { return OPTIONS; }
      connectedCallback() { if (!this._pl) this._pl = mountInto(this, optionsOf(this, '')); }
      disconnectedCallback() { if (this._pl) { this._pl.unmount(); this._pl = null; } }
      attributeChangedCallback() { if (this._pl) this._pl.update(optionsOf(this, ''), true); }
    });
  }

  // The full page (index.html) loads this script with data-page, only to prefetch its data.
  if (script && script.hasAttribute('data-page')) {
    var query = new URLSearchParams(location.search);
    var page = {};
    OPTIONS.forEach(function (k) { if (query.get(k)) page[k] = query.get(k); });
    prefetch(page);
    // The page's prerender, when its address names nothing but the policy, the version, the
    // view, the language and the pair compared (any other part, or a #fragment, points
    // somewhere the prerender may not show; prerenderUrl checks the version and the pair).
    var plain = !location.hash && Array.from(query.keys()).every(function (k) {
      return ['policy', 'version', 'lang', 'view', 'from', 'to'].indexOf(k) >= 0;
    });
    var pageUrl = plain && prerenderUrl(page);
    if (pageUrl) {
      var root = function () { return document.getElementById('policy-lens'); };
      var reveal = prerender(pageUrl, root, function () { return root().hasAttribute('data-ready'); });
      document.addEventListener('policy-lens:ready', reveal);
      document.addEventListener('policy-lens:error', reveal);
    }
  }

  // The script tag: render where the tag stands, or into data-target.
  if (script && script.hasAttribute('data-policy') || script && script.hasAttribute('data-src')) {
    var el = document.createElement('policy-lens');
    OPTIONS.forEach(function (k) {
      var v = script.getAttribute('data-' + k);
      if (v !== null) el.setAttribute(k, v);
    });
    var target = script.getAttribute('data-target');
    var where = target ? document.querySelector(target) : null;
    if (where) where.appendChild(el);
    else script.parentNode.insertBefore(el, script.nextSibling);
  }
})();
