// Sijill query page: SPARQL editor (CodeMirror, from its webjar) and a result table.
// Runs the query against /sparql (POST, JSON results) and links Sijill IRIs to this server.
(function () {
  "use strict";
  var SIJILL_ID = "https://w3id.org/sijill/id/";
  var SIJILL_NS = "https://w3id.org/sijill/ontology#";
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query");
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  var body = document.getElementById("results-body");
  var messages = {};
  var tpl = document.getElementById("messages");
  if (tpl) {
    Array.prototype.forEach.call(tpl.content.querySelectorAll("[data-k]"), function (el) {
      messages[el.getAttribute("data-k")] = el.textContent;
    });
  }
  var editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, direction: "ltr", viewportMargin: Infinity
    });
  }

  function localHref(iri) {
    if (iri.indexOf(SIJILL_ID) === 0) return "/id/" + iri.substring(SIJILL_ID.length);
    if (iri.indexOf(SIJILL_NS) === 0) return "/page/ontology#" + iri.substring(SIJILL_NS.length);
    return null;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      var a = document.createElement("a");
      var local = localHref(term.value);
      a.href = local || term.value;
      if (!local) { a.rel = "external noopener"; a.className = "external"; }
      a.textContent = local ? local.replace(/^\/id\//, "").replace(/^\/page\/ontology#/, "sijill:") : term.value;
      a.title = term.value;
      a.dir = "ltr";
      td.appendChild(a);
    } else {
      var b = document.createElement("bdi");
      b.textContent = term.value;
      if (term["xml:lang"]) b.lang = term["xml:lang"];
      b.dir = "auto";
      td.appendChild(b);
    }
    return td;
  }

  function show(node) {
    body.textContent = "";
    body.appendChild(node);
    results.hidden = false;
  }

  function renderJson(json) {
    if (typeof json.boolean === "boolean") {
      var p = document.createElement("p");
      p.textContent = String(json.boolean);
      p.className = "ask";
      return show(p);
    }
    var vars = json.head.vars;
    var rows = json.results.bindings;
    if (rows.length === 0) {
      var none = document.createElement("p");
      none.textContent = messages.noresults || "No results.";
      return show(none);
    }
    var table = document.createElement("table");
    table.className = "results-table";
    table.dir = "ltr";
    var thead = table.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = "?" + v;
      thead.appendChild(th);
    });
    var tbody = table.createTBody();
    rows.forEach(function (b) {
      var tr = tbody.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
    });
    show(table);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = editor ? editor.getValue() : textarea.value;
    statusEl.textContent = messages.running || "Running…";
    fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"
      },
      body: "query=" + encodeURIComponent(query)
    }).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      return resp.text().then(function (text) {
        statusEl.textContent = "";
        if (!resp.ok) {
          var err = document.createElement("pre");
          err.className = "error";
          err.dir = "ltr";
          err.textContent = (messages.error || "The query failed:") + " " + resp.status + "\n" + text;
          return show(err);
        }
        if (type.indexOf("json") >= 0 && type.indexOf("ld+json") < 0) return renderJson(JSON.parse(text));
        var pre = document.createElement("pre");
        pre.dir = "ltr";
        pre.textContent = text;
        show(pre);
      });
    }).catch(function (e) {
      statusEl.textContent = (messages.error || "The query failed:") + " " + e.message;
    });
  });
})();
