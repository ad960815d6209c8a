// newslint report: show a finding when its passage is selected; export the fact-check sheets.
(function () {
  "use strict";
  var SYMBOLS = { error: "✖", warning: "▲", suggestion: "◆" };

  function findingsOf(section) {
    if (!section._findings) {
      section._findings = JSON.parse(section.querySelector("script.findings").textContent);
    }
    return section._findings;
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function show(target) {
    var section = target.closest("section.draft");
    var findings = findingsOf(section);
    var detail = section.querySelector(".detail");
    detail.replaceChildren();
    target.getAttribute("data-f").split(" ").forEach(function (id) {
      var f = findings[Number(id)];
      var box = document.createElement("div");
      box.className = "finding";
      box.appendChild(paragraph("message", SYMBOLS[f.severity] + " " + f.severity + ": " + f.message));
      box.appendChild(paragraph("rule", f.rule + " · line " + f.line + ", column " + f.column));
      if (f.suggestion) box.appendChild(paragraph("suggestion", "Suggestion: " + f.suggestion));
      detail.appendChild(box);
    });
    document.querySelectorAll("mark.f.active").forEach(function (m) { m.classList.remove("active"); });
    if (target.tagName === "MARK") target.classList.add("active");
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("mark.f, button.f-button");
    if (target) show(target);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("mark.f")) show(event.target);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.matches && target.matches("mark.f") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(target);
    }
  });

  // Each sheet row gets the one copy of the fields, its source filled in from the draft.
  var fields = document.getElementById("sheet-fields");
  document.querySelectorAll("ol.sheet > li").forEach(function (row) {
    var copy = fields.content.cloneNode(true);
    copy.querySelector("[name=source]").value = row.getAttribute("data-source");
    row.appendChild(copy);
  });

  var FIELDS = ["path", "line", "claim", "names", "numbers", "dates", "source", "verdict", "checked_by"];

  function rowsOf(section) {
    return Array.prototype.map.call(section.querySelectorAll("ol.sheet > li"), function (tr) {
      return {
        path: section.getAttribute("data-path"),
        line: Number(tr.getAttribute("data-line")),
        claim: tr.getAttribute("data-claim"),
        names: tr.getAttribute("data-names"),
        numbers: tr.getAttribute("data-numbers"),
        dates: tr.getAttribute("data-dates"),
        source: tr.querySelector("[name=source]").value,
        verdict: tr.querySelector("[name=verdict]").value,
        checked_by: tr.querySelector("[name=checked_by]").value
      };
    });
  }

  function csvCell(value) {
    var text = String(value);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(rows, kind, name) {
    var body = kind === "json"
      ? JSON.stringify(rows, null, 2)
      : [FIELDS.join(",")].concat(rows.map(function (r) {
          return FIELDS.map(function (k) { return csvCell(r[k]); }).join(",");
        })).join("\n") + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: kind === "json" ? "application/json" : "text/csv" }));
    link.download = name + "." + kind;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.export, button.export-all");
    if (!button) return;
    var kind = button.getAttribute("data-kind");
    if (button.classList.contains("export")) {
      var section = button.closest("section.draft");
      var base = section.getAttribute("data-path").replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
      download(rowsOf(section), kind, "fact-check-" + base);
    } else {
      var all = [];
      document.querySelectorAll("section.draft").forEach(function (s) { all = all.concat(rowsOf(s)); });
      download(all, kind, "fact-check-sheets");
    }
  });
})();
