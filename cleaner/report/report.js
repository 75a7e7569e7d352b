"use strict";
(function () {
  var RULES = JSON.parse(document.getElementById("rules-data").textContent);
  var NOTES = JSON.parse(document.getElementById("notes-data").textContent);
  var tip = document.getElementById("tip");
  var list = document.getElementById("checks");
  var ins = document.getElementById("ins");
  var items = list.children;
  var cur = -1;

  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }
  function vis(s) {
    if (s === "") return "∅";
    return s.replace(/\n+/g, "⏎").replace(/ /g, "␣").replace(/\u3000/g, "□");
  }
  function ruleOf(el) {
    var m = /\br(\d+)\b/.exec(el.className);
    return m ? RULES[+m[1]] : null;
  }
  function describe(d) {
    var r = ruleOf(d), b = d.hasAttribute("data-b") ? d.getAttribute("data-b") : d.textContent;
    if (!d.hasAttribute("data-b") && /[⏎␣‸□]/.test(b)) b = b.replace(/[⏎␣‸□]/g, function (c) {
      return {"⏎": "\n", "␣": " ", "‸": "", "□": "\u3000"}[c];
    });
    var h = "<b>" + esc(r ? r[0] : "?") + "</b> " + esc(r ? r[1] : "") +
      "<br><code>" + esc(vis(b)) + "</code> → <code>" + esc(vis(d.getAttribute("data-a") || "")) + "</code>";
    var n = d.dataset.n ? NOTES[+d.dataset.n] : null;
    if (n && n[0]) h += "<br>" + esc(n[0]);
    if (n && n[1]) h += "<br>confidence " + n[1];
    return h;
  }
  function explain(el) {
    if (el.tagName === "DEL") return describe(el);
    var row = el.closest(".row"), dels = row ? row.querySelectorAll(".o del") : [], parts = [];
    (el.dataset.x || "").split(" ").forEach(function (n) { if (n !== "" && dels[+n]) parts.push(describe(dels[+n])); });
    return parts.length ? parts.join("<hr>") : "Added by the output format (no rule): <code>" + esc(el.textContent) + "</code>";
  }
  function show(el) {
    tip.innerHTML = explain(el);
    tip.hidden = false;
    var r = el.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
    var y = r.bottom + 6 + h > window.innerHeight ? r.top - h - 6 : r.bottom + 6;
    tip.style.left = x + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  function hide() { tip.hidden = true; }
  function mark(t) { return t && t.closest ? t.closest("del,ins") : null; }
  document.addEventListener("mouseover", function (e) { var m = mark(e.target); if (m) show(m); });
  document.addEventListener("mouseout", function (e) { if (mark(e.target)) hide(); });
  document.addEventListener("focusin", function (e) { var m = mark(e.target); if (m) show(m); else hide(); });

  function context(li) {
    var row = document.getElementById(li.dataset.row);
    var box = document.createElement("div");
    box.className = "ctx sbs";
    if (!row) return box;
    [row.previousElementSibling, row, row.nextElementSibling].forEach(function (r) {
      if (!r || !r.classList.contains("row")) return;
      var c = r.cloneNode(true);
      c.removeAttribute("id");
      if (r === row) {
        c.classList.add("flash");
        var m = +li.dataset.m, dels = c.querySelectorAll(".o del");
        if (m >= 0 && dels[m]) {
          dels[m].classList.add("cur");
          c.querySelectorAll("ins").forEach(function (i) {
            if ((" " + i.dataset.x + " ").indexOf(" " + m + " ") >= 0) i.classList.add("cur");
          });
        }
      }
      c.querySelectorAll("del,ins").forEach(function (d) { d.tabIndex = 0; });
      box.appendChild(c);
    });
    return box;
  }
  function select(i, reveal) {
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    if (cur >= 0 && items[cur]) items[cur].removeAttribute("aria-selected");
    cur = i;
    var li = items[i];
    li.setAttribute("aria-selected", "true");
    list.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({block: "nearest"});
    var m = +li.dataset.m, row = document.getElementById(li.dataset.row), detail = "";
    if (row && m >= 0) {
      var d = row.querySelectorAll(".o del")[m];
      if (d) detail = '<div class="detail">' + describe(d) .replace(/<br>/g, " · ") + "</div>";
    }
    ins.innerHTML = "<h3>" + (i + 1) + " / " + items.length + " · " + li.querySelector(".kind").innerHTML +
      " · confidence " + li.querySelector(".conf").textContent + "</h3><p>" + li.querySelector(".what").innerHTML +
      "</p><p class=\"where\">" + li.querySelector(".where").innerHTML.replace(/ tabindex="-1"/g, "") + "</p>" +
      (li.querySelector(".ev") ? li.querySelector(".ev").outerHTML : "") + detail;
    ins.appendChild(context(li));
    if (reveal || window.matchMedia("(min-width:1100px)").matches) goTo(li, false);
    else ins.scrollIntoView({block: "nearest"});  // narrow screens: the context under the list
  }
  function goTo(li, focus) {
    var row = document.getElementById(li.dataset.row);
    if (!row) return;
    row.scrollIntoView({block: "center"});
    row.classList.add("flash");
    setTimeout(function () { row.classList.remove("flash"); }, 1200);
    if (focus) { row.tabIndex = -1; row.focus({preventScroll: true}); }
  }
  list.addEventListener("click", function (e) {
    var li = e.target.closest("li");
    if (li && !e.target.closest("a")) select(Array.prototype.indexOf.call(items, li), false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    var inList = e.target === list || list.contains(e.target);
    if (e.key === "j" || (inList && e.key === "ArrowDown")) {
      select(cur + 1, false); list.focus({preventScroll: true}); e.preventDefault();
    } else if (e.key === "k" || (inList && e.key === "ArrowUp")) {
      select(cur - 1, false); list.focus({preventScroll: true}); e.preventDefault();
    } else if (e.key === "Enter" && inList && cur >= 0) {
      goTo(items[cur], true); e.preventDefault();
    } else if (e.key === "Escape") {
      hide();
    }
  });
  var flow = document.getElementById("flow");
  flow.addEventListener("change", function () { document.body.classList.toggle("flow", flow.checked); });
  window.reportReady = performance.now();
})();
