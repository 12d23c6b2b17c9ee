// Sijill query page: the YASGUI editor (Yasqe) and result viewer (Yasr), from npm's @zazuko/yasgui
// vendored into the jar under /static/yasgui/. Queries go to this server's read-only /sparql.
// Result IRIs are links only when they are http(s); Sijill IRIs link to this server's /id/ pages.
(function () {
  "use strict";
  var SIJILL_ID = "https://w3id.org/sijill/id/";
  var SIJILL_NS = "https://w3id.org/sijill/ontology#";
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query");
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  var host = document.getElementById("yasqe");
  var csv = document.getElementById("download-csv");
  var json = document.getElementById("download-json");
  var share = document.getElementById("share");
  var lang = document.documentElement.lang || "en";
  var messages = {};
  var tpl = document.getElementById("messages");
  if (tpl) {
    Array.prototype.forEach.call(tpl.content.querySelectorAll("[data-k]"), function (el) {
      messages[el.getAttribute("data-k")] = el.textContent;
    });
  }
  if (!window.Yasgui || !form) return;
  var Yasqe = window.Yasgui.Yasqe;
  var Yasr = window.Yasgui.Yasr;

  function shareHref(text) {
    return "/query?query=" + encodeURIComponent(text) + (lang === "ar" ? "&lang=ar" : "");
  }

  function updateLinks(text) {
    var q = encodeURIComponent(text);
    csv.href = "/sparql?output=csv&query=" + q;
    json.href = "/sparql?output=json&query=" + q;
    share.href = shareHref(text);
  }

  /** @return the page address of an IRI on this server, or null for other IRIs */
  function localHref(iri) {
    if (iri.indexOf(SIJILL_ID) === 0) return "/id/" + iri.substring(SIJILL_ID.length);
    if (iri.indexOf(SIJILL_NS) === 0) return "/page/ontology#" + iri.substring(SIJILL_NS.length);
    return null;
  }

  /** Links only http(s) IRIs; every other link Yasr drew becomes plain text. */
  function fixLinks(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a.iri, a[href]"), function (a) {
      if (a.closest(".yasr_header, .dataTables_paginate, .yasr_btnGroup")) return;
      var iri = a.getAttribute("href") || "";
      var local = localHref(iri);
      if (local) {
        a.setAttribute("href", local);
        a.removeAttribute("target");
        a.title = iri;
      } else if (/^https?:\/\//i.test(iri)) {
        a.rel = "external noopener noreferrer";
      } else {
        var span = document.createElement("span");
        span.className = "iri not-linked";
        span.textContent = a.textContent;
        a.replaceWith(span);
      }
    });
  }

  textarea.hidden = true;
  host.hidden = false;
  var ar = lang === "ar";
  var yasqe = new Yasqe(host, {
    value: textarea.value,
    persistenceId: null,
    autocompleters: ["variables"],
    resizeable: true,
    editorHeight: "22em",
    showQueryButton: true,
    createShareableLink: function (y) { return location.origin + shareHref(y.getValue()); },
    requestConfig: {
      endpoint: "/sparql",
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json",
      acceptHeaderGraph: "text/turtle",
      acceptHeaderUpdate: "text/plain"
    }
  });
  // accessibility: the editor's input has a name, its scrolling area can take the focus
  yasqe.getInputField().setAttribute("aria-label", "SPARQL");
  var scroller = host.querySelector(".CodeMirror-scroll");
  if (scroller) scroller.setAttribute("tabindex", "0");
  var tableLanguage = {
    search: messages.search, lengthMenu: messages.lengthMenu, info: messages.info, infoEmpty: messages.infoEmpty,
    infoFiltered: messages.filtered, zeroRecords: messages.zeroRecords, emptyTable: messages.noresults,
    paginate: { first: messages.first, last: messages.last, next: messages.next, previous: messages.previous }
  };
  if (Yasr.plugins && Yasr.plugins.table && Yasr.plugins.table.defaults) {
    Yasr.plugins.table.defaults.tableConfig.language = tableLanguage;
  }
  var yasr = new Yasr(document.getElementById("yasr"), {
    persistenceId: null,
    prefixes: { sijill: SIJILL_NS },
    pluginOrder: ["table", "response"],
    defaultPlugin: "table",
    plugins: {
      table: { dynamicConfig: { tableConfig: { language: tableLanguage, pageLength: 25 } } }
    },
    getDownloadFileName: function () { return "sijill-results"; }
  });
  // Yasr's own words, in the page language
  yasr.updateResponseInfo = function () {
    var el = yasr.dataElement;
    if (!el) return;
    var r = yasr.results;
    if (!r) { el.textContent = ""; return; }
    var bindings = typeof r.getBindings === "function" ? r.getBindings() : null;
    var rows = bindings ? bindings.length : 0;
    var ms = typeof r.getResponseTime === "function" ? r.getResponseTime() : null;
    el.textContent = (messages.resultsInfo || "_ROWS_ / _SECONDS_")
      .replace("_ROWS_", String(rows)).replace("_SECONDS_", ms ? String(ms / 1000) : "—");
  };
  var controlWords = { "Simple view": messages.simpleView, "Ellipse": messages.ellipse, "Page size: ": messages.pageSize, "All": messages.all };
  function localizeControls(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".tableControls span, .tableControls option"), function (el) {
      var w = controlWords[el.textContent];
      if (w) el.textContent = w;
    });
    Array.prototype.forEach.call(root.querySelectorAll("input.tableFilter"), function (el) {
      el.placeholder = messages.filter;
      el.setAttribute("aria-label", messages.filter);
    });
  }
  if (yasr.plugins.table) yasr.plugins.table.label = messages.table;
  if (yasr.plugins.response) yasr.plugins.response.label = messages.response;
  updateLinks(yasqe.getValue());
  yasqe.on("change", function () { updateLinks(yasqe.getValue()); });
  yasqe.on("query", function () {
    statusEl.textContent = messages.running || "";
  });
  yasqe.on("queryResponse", function (instance, response, duration) {
    results.hidden = false;
    yasr.setResponse(response, duration);
    var failed = response && (response.status >= 400 || response instanceof Error);
    statusEl.textContent = failed ? (messages.error || "") : (messages.done || "");
  });
  yasr.on("drawn", function () {
    fixLinks(document.getElementById("yasr"));
    localizeControls(document.getElementById("yasr"));
    if (ar) {
      Array.prototype.forEach.call(document.querySelectorAll("#yasr .yasr_btn.select_table span, #yasr .yasr_btn.select_response span"), function (s) {
        if (s.parentElement.classList.contains("select_table")) s.textContent = messages.table;
        else s.textContent = messages.response;
      });
    }
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    yasqe.query();
  });
})();
