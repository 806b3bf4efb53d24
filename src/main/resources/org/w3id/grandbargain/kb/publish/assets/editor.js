/*
 * The query editor of the SPARQL page: YASGUI over this endpoint, in place of the plain form (which
 * stays for browsers without scripts). Everything it needs comes from the page's data block
 * (#editor-data): the endpoint, the knowledge base's prefixes, the named queries, the download
 * formats and the queries that feed autocompletion. It calls no other site: the autocompleters
 * that would ask prefix.cc and Linked Open Vocabularies are replaced by ones that ask this endpoint.
 */
(function () {
  "use strict";

  var dataElement = document.getElementById("editor-data");
  var form = document.querySelector("main form[action=\"/kb/sparql\"]");
  if (!dataElement || !form || typeof window.Yasgui === "undefined") {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var Yasgui = window.Yasgui;
  var Yasqe = Yasgui.Yasqe;
  var Yasr = Yasgui.Yasr;

  /**
   * Runs one of the completion queries on this endpoint when first needed, one at a time (the
   * endpoint runs few queries of one client at once, and the reader's own come first); the promise
   * of its rows, asked again next time if it failed.
   */
  var asked = {};
  var queue = Promise.resolve();
  function ask(name) {
    if (!asked[name]) {
      var url = data.endpoint + "?query=" + encodeURIComponent(data.completions[name]);
      queue = queue.then(function () {
        return fetch(url, { headers: { Accept: "application/sparql-results+json" } })
          .then(function (response) {
            if (!response.ok) throw new Error("The endpoint answered " + response.status);
            return response.json();
          })
          .then(function (json) {
            return json.results.bindings;
          })
          .catch(function () {
            delete asked[name];
            return [];
          });
      });
      asked[name] = queue;
    }
    return asked[name];
  }

  /** The terms of a completion query that begin with what is typed (its full IRI). */
  function terms(name) {
    return function (yasqe, token) {
      var typed = (token && (token.autocompletionString || token.string)) || "";
      return ask(name).then(function (rows) {
        return rows
          .map(function (row) {
            return row.term.value;
          })
          .filter(function (term) {
            return term.indexOf(typed) === 0;
          })
          .slice(0, 100);
      });
    };
  }

  // The prefixes of the knowledge base, offered after PREFIX and added when a prefixed name is typed
  var prefixDeclarations = Object.keys(data.prefixes).map(function (prefix) {
    return prefix + ": <" + data.prefixes[prefix] + ">";
  });
  Yasqe.forkAutocompleter("prefixes", { name: "kb-prefixes", get: prefixDeclarations, persistenceId: null }, false);
  Yasqe.forkAutocompleter("class", { name: "kb-classes", bulk: false, autoShow: true, get: terms("classes") }, false);
  Yasqe.forkAutocompleter(
    "property",
    { name: "kb-properties", bulk: false, autoShow: true, get: terms("properties") },
    false
  );

  // Things of the knowledge base by label: a word typed where a subject or an object goes, then
  // Ctrl-Space, offers the things whose label contains it and writes the IRI
  var labels = {};
  Yasqe.registerAutocompleter(
    {
      name: "kb-entities",
      bulk: false,
      autoShow: false,
      persistenceId: null,
      isValidCompletionPosition: function (yasqe) {
        var token = yasqe.getCompleteToken();
        if (!/^[A-Za-z\u00C0-\uFFFF][\w\u00C0-\uFFFF-]*$/.test(token.string)) return false;
        if (token.type === "keyword" || token.type === "string-2") return false;
        // where an IRI may go, but not a predicate's place (where "a" may too)
        var possible = token.state.possibleCurrent;
        if (possible.indexOf("IRI_REF") < 0 || possible.indexOf("a") >= 0) return false;
        return token.string.length >= 2;
      },
      get: function (yasqe, token) {
        var wanted = token.string.toLowerCase();
        return ask("entities").then(function (rows) {
          return rows
            .filter(function (row) {
              return row.label.value.toLowerCase().indexOf(wanted) >= 0;
            })
            .slice(0, 50)
            .map(function (row) {
              labels[row.term.value] = row.label.value;
              return row.term.value;
            });
        });
      },
      postProcessSuggestion: function (yasqe, token, suggestion) {
        return "<" + suggestion + ">";
      },
      postprocessHints: function (yasqe, hints) {
        return hints.map(function (hint) {
          var iri = hint.text.slice(1, -1);
          hint.displayText = (labels[iri] || iri) + " \u2014 " + hint.text;
          return hint;
        });
      },
    },
    false
  );

  var completers = ["variables", "kb-prefixes", "kb-classes", "kb-properties", "kb-entities"];
  Yasqe.defaults.autocompleters = completers.slice();

  // Links to this site's things go to their pages here, not to the persistent IRI
  function localHref(iri) {
    if (iri.indexOf(data.namespace) !== 0) return null;
    var rest = iri.substring(data.namespace.length);
    var hash = rest.indexOf("#");
    var fragment = hash < 0 ? "" : rest.substring(hash);
    var path = "/" + (hash < 0 ? rest : rest.substring(0, hash));
    if (path.indexOf("/id/") === 0 || path.indexOf("/graph/") === 0) path = "/doc" + path;
    return path + fragment;
  }

  function linkToPages(root) {
    var links = root.querySelectorAll("a.iri[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.dataset.iri) continue;
      var iri = a.getAttribute("href");
      a.dataset.iri = iri;
      var local = localHref(iri);
      if (local) a.setAttribute("href", local);
      a.removeAttribute("target");
      a.removeAttribute("ref");
    }
  }

  function shareLink(query) {
    return location.origin + location.pathname + "?query=" + encodeURIComponent(query);
  }

  Yasgui.Tab.prototype.getShareableLink = function () {
    return shareLink(this.getQuery());
  };
  Yasr.plugins.table.defaults.openIriInNewWindow = false;

  // The editor's parts: the picker of named queries, YASGUI, the links of the current query
  var editor = document.createElement("div");
  editor.className = "editor";
  editor.id = "editor";

  var picker = document.createElement("p");
  picker.className = "editor-picker";
  var pickerLabel = document.createElement("label");
  pickerLabel.htmlFor = "named-query";
  pickerLabel.textContent = "Named query";
  var select = document.createElement("select");
  select.id = "named-query";
  var none = document.createElement("option");
  none.value = "";
  none.textContent = "Choose one to load it into the editor";
  select.appendChild(none);
  data.queries.forEach(function (q) {
    var option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.summary + " (" + q.name + ")";
    select.appendChild(option);
  });
  picker.appendChild(pickerLabel);
  picker.appendChild(select);
  editor.appendChild(picker);

  var about = document.createElement("div");
  about.className = "editor-about";
  about.id = "named-query-about";
  about.setAttribute("aria-live", "polite");
  editor.appendChild(about);

  var root = document.createElement("div");
  root.id = "yasgui";
  editor.appendChild(root);

  var links = document.createElement("p");
  links.className = "editor-links";
  links.id = "editor-links";
  editor.appendChild(links);

  form.parentNode.insertBefore(editor, form);
  form.hidden = true;

  // the query a link carries: ?query= (which the server passes on as data) or YASGUI's #query=
  var linked = data.query || new URLSearchParams(location.hash.substring(1)).get("query");
  var startQuery = linked || (data.queries.length ? data.queries[0].editorText : "");
  var yasgui = new Yasgui(root, {
    persistenceId: null,
    autofocus: false,
    tabName: "Query",
    copyEndpointOnNewTab: true,
    requestConfig: { endpoint: data.endpoint, method: "GET" },
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: data.endpoint }];
      },
      keys: [],
    },
    // a link's query is read below, for this endpoint only
    populateFromUrl: false,
    yasqe: {
      value: startQuery,
      autocompleters: completers.slice(),
      editorHeight: "18rem",
    },
    yasr: {
      persistenceId: null,
      // the knowledge base's own things show as id:name in the table (the prefix is for display;
      // queries declare theirs)
      prefixes: Object.assign({ id: data.namespace + "id/" }, data.prefixes),
      pluginOrder: ["table", "response"],
      defaultPlugin: "table",
    },
  });

  function describe(q) {
    about.textContent = "";
    if (!q) return;
    var summary = document.createElement("p");
    summary.className = "editor-summary";
    summary.textContent = q.summary;
    about.appendChild(summary);
    if (q.description) {
      var description = document.createElement("p");
      description.textContent = q.description;
      about.appendChild(description);
    }
    q.parameters.forEach(function (p) {
      var parameter = document.createElement("p");
      parameter.className = "muted";
      parameter.textContent =
        "Parameter ?" +
        p.name +
        " (" +
        p.type +
        ", " +
        (p.required ? "required" : "optional") +
        "): " +
        p.description +
        (p.example ? ". Bound to its example by the VALUES line; change it there." : ".");
      about.appendChild(parameter);
    });
  }

  function byName(name) {
    for (var i = 0; i < data.queries.length; i++) {
      if (data.queries[i].name === name) return data.queries[i];
    }
    return null;
  }

  function formatsFor(yasqe) {
    var type = yasqe.getQueryType();
    return type === "CONSTRUCT" || type === "DESCRIBE" ? data.formats.graph : data.formats.results;
  }

  function updateLinks() {
    var tab = yasgui.getTab();
    if (!tab || !tab.getYasqe()) return;
    var yasqe = tab.getYasqe();
    var query = yasqe.getValue();
    links.textContent = "";
    links.appendChild(document.createTextNode("Download the answer: "));
    formatsFor(yasqe).forEach(function (f, i) {
      if (i > 0) links.appendChild(document.createTextNode(", "));
      var a = document.createElement("a");
      a.href = data.endpoint + "?query=" + encodeURIComponent(query) + "&format=" + f.format;
      a.type = f.type;
      a.textContent = f.label;
      a.className = "download";
      links.appendChild(a);
    });
    links.appendChild(document.createTextNode(". "));
    var share = document.createElement("a");
    share.href = shareLink(query);
    share.id = "share-link";
    share.textContent = "Link to this query";
    links.appendChild(share);
  }

  // YASGUI's markup, completed for screen readers and keyboards
  function label(element, text) {
    if (element && !element.getAttribute("aria-label") && !element.getAttribute("aria-labelledby")) {
      element.setAttribute("aria-label", text);
    }
  }

  function accessible() {
    var inputs = root.querySelectorAll(".CodeMirror textarea");
    for (var i = 0; i < inputs.length; i++) label(inputs[i], "SPARQL query");
    // the editor scrolls inside itself: a keyboard can reach it to scroll it (CodeMirror leaves
    // its scrolled area out of the tab order)
    var scrolled = root.querySelectorAll(".CodeMirror-scroll");
    for (var k = 0; k < scrolled.length; k++) {
      if (scrolled[k].getAttribute("tabindex") !== "0") scrolled[k].setAttribute("tabindex", "0");
      label(scrolled[k], "SPARQL query, scrolled");
    }
    var controls = root.querySelectorAll("input, select, textarea, button");
    for (var j = 0; j < controls.length; j++) {
      var e = controls[j];
      if (e.tagName === "BUTTON" && e.textContent.trim()) continue;
      label(e, e.getAttribute("title") || e.getAttribute("placeholder") || e.name || "Control");
    }
    // the column of row numbers has a header a screen reader can say
    var headers = root.querySelectorAll(".yasr thead th");
    for (var h = 0; h < headers.length; h++) {
      if (!headers[h].textContent.trim()) {
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = "Row";
        headers[h].appendChild(text);
      }
    }
    // only tabs belong in the tab list: its add-tab button goes beside it
    var tabsList = root.querySelector(".tabsList");
    var add = tabsList && tabsList.querySelector(".addTab");
    if (add && add.parentNode.parentNode === tabsList) {
      var bar = document.createElement("div");
      bar.className = "editor-tabbar";
      tabsList.parentNode.insertBefore(bar, tabsList);
      bar.appendChild(tabsList);
      bar.appendChild(add.parentNode);
    }
    // YASGUI inserts a new tab before its add-tab button; with none in the list, at its end
    var elements = yasgui && yasgui.tabElements;
    if (elements && elements.addTabEl && elements.addTabEl.parentNode !== tabsList) {
      elements.addTabEl = undefined;
    }
  }

  var watched = new MutationObserver(function () {
    linkToPages(root);
    accessible();
  });
  watched.observe(root, { childList: true, subtree: true });

  function watchTab(tab) {
    if (!tab || tab.kbWatched) return;
    var yasqe = tab.getYasqe();
    if (!yasqe) return;
    tab.kbWatched = true;
    var pending = null;
    yasqe.on("change", function () {
      clearTimeout(pending);
      pending = setTimeout(updateLinks, 200);
    });
  }

  yasgui.on("tabSelect", function () {
    setTimeout(function () {
      watchTab(yasgui.getTab());
      updateLinks();
    }, 0);
  });
  yasgui.on("tabAdd", function () {
    setTimeout(function () {
      watchTab(yasgui.getTab());
      updateLinks();
    }, 0);
  });

  select.addEventListener("change", function () {
    var q = byName(select.value);
    describe(q);
    if (!q) return;
    var tab = yasgui.getTab();
    tab.setQuery(q.editorText);
    tab.setName(q.name);
    updateLinks();
  });

  var first = yasgui.getTab();
  watchTab(first);
  if (linked) {
    first.setQuery(linked);
    first.getYasqe().query().catch(function () {});
  } else if (data.queries.length) {
    select.value = data.queries[0].name;
    describe(data.queries[0]);
    first.setName(data.queries[0].name);
  }
  updateLinks();
  accessible();
  // scripts of the page (and its tests) reach the editor through its element
  editor.yasgui = yasgui;
  editor.dataset.ready = "true";
})();
