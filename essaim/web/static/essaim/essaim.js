/* Essaim: small enhancements on top of server-rendered pages (all optional). */
(function () {
  "use strict";

  var NEAR = 20;

  /* Character counter: counts like the server (code points, trimmed, CRLF as one). */
  function textLength(value) {
    return Array.from(value.replace(/\r\n/g, "\n").trim()).length;
  }

  function updateCounter(textarea) {
    var form = textarea.closest("form");
    if (!form) return;
    var counter = form.querySelector("[data-counter]");
    var value = form.querySelector("[data-counter-value]");
    var live = form.querySelector("[data-counter-live]");
    if (!counter || !value) return;
    var max = parseInt(textarea.getAttribute("data-max"), 10) || 500;
    var left = max - textLength(textarea.value);
    value.textContent = String(left);
    counter.classList.toggle("is-near", left >= 0 && left <= NEAR);
    counter.classList.toggle("is-over", left < 0);
    var submit = form.querySelector("button[type=submit]");
    if (submit) submit.disabled = left < 0;
    if (left < 0) {
      textarea.setAttribute("aria-invalid", "true");
    } else if (!textarea.hasAttribute("data-server-invalid")) {
      textarea.removeAttribute("aria-invalid");
    }
    if (live) {
      var state = left < 0 ? "over" : left <= NEAR ? "near" : "ok";
      if (live.getAttribute("data-state") !== state) {
        live.setAttribute("data-state", state);
        live.textContent = state === "ok" ? "" : counter.textContent.trim();
      }
    }
  }

  function initCounters(root) {
    root.querySelectorAll("textarea[data-max]").forEach(function (textarea) {
      if (textarea.getAttribute("aria-invalid") === "true") {
        textarea.setAttribute("data-server-invalid", "");
      }
      updateCounter(textarea);
    });
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-max]")) {
      updateCounter(event.target);
    }
  });

  /* Ask before destructive form posts that carry data-confirm. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  /* The composer's visibility picker shows the icon of the chosen audience. */
  document.addEventListener("change", function (event) {
    var picker = event.target.closest && event.target.closest("[data-visibility-picker]");
    if (!picker) return;
    picker.querySelectorAll("[data-visibility-icon]").forEach(function (icon) {
      icon.hidden = icon.getAttribute("data-visibility-icon") !== event.target.value;
    });
  });

  /* Read-only codes to copy (OAuth): select the whole value on focus. */
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
      event.target.select();
    }
  });

  /* Dropdown menus: close on outside click and on Escape. */
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  /* "/" anywhere but in a field: to the search box (or the search page on small screens). */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var box = document.getElementById("site-search");
    if (!box) return;
    event.preventDefault();
    if (box.offsetParent !== null) box.focus();
    else window.location.href = box.form.action;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var suggestions = document.getElementById("search-suggestions");
    if (suggestions && suggestions.contains(document.activeElement || null) ||
        document.activeElement && document.activeElement.id === "site-search") {
      if (suggestions) suggestions.innerHTML = "";
    }
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) summary.focus();
    });
  });

  /* Toasts fade out by themselves. */
  function scheduleToasts(root) {
    root.querySelectorAll("[data-toast]:not([data-scheduled])").forEach(function (toast) {
      toast.setAttribute("data-scheduled", "");
      setTimeout(function () {
        toast.classList.add("is-leaving");
        setTimeout(function () { toast.remove(); }, 400);
      }, 5000);
    });
  }

  /* "New post" in the sidebar jumps to the composer and focuses it. */
  function focusComposer() {
    if (window.location.hash !== "#compose") return;
    var textarea = document.querySelector("#compose textarea");
    if (textarea) textarea.focus();
  }

  /* Live updates: the home page listens to the signed-in person's stream (the same one the
     Mastodon API serves) and asks for a fresh "N new posts" count when something arrives.
     The page also polls slowly, so it keeps working where streams are cut by a proxy. */
  function listenForNewPosts() {
    var slot = document.querySelector("[data-stream]");
    if (!slot || !window.EventSource) return;
    var source = new EventSource(slot.getAttribute("data-stream"));
    var pending = null;
    source.addEventListener("update", function () {
      if (pending) return;
      pending = setTimeout(function () {
        pending = null;
        document.body.dispatchEvent(new CustomEvent("essaim:update"));
      }, 500);
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  function initImagePickers(root) {
    root.querySelectorAll("[data-composer-images]").forEach(function (input) {
      if (input.dataset.ready) return;
      input.dataset.ready = "1";
      var names = input.parentNode.querySelector(
        "[data-composer-images-names], [data-composer-files-names]");
      var hint = names ? names.textContent : "";
      input.addEventListener("change", function () {
        if (!names) return;
        var chosen = Array.prototype.map.call(input.files, function (f) { return f.name; });
        names.textContent = chosen.length ? chosen.join(", ") : hint;
      });
    });
  }

  // "Publish later": the chosen local time goes with the browser's offset to UTC.
  function initSchedules(root) {
    root.querySelectorAll("[data-schedule-offset]").forEach(function (field) {
      field.value = String(new Date().getTimezoneOffset());
    });
  }

  function init(root) {
    initCounters(root);
    initImagePickers(root);
    initSchedules(root);
    scheduleToasts(document);
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    focusComposer();
    listenForNewPosts();
  });
  window.addEventListener("hashchange", focusComposer);
  document.addEventListener("htmx:load", function (event) { init(event.target); });
  document.addEventListener("htmx:oobAfterSwap", function () { scheduleToasts(document); });
  document.addEventListener("htmx:afterSwap", function () { scheduleToasts(document); });
})();
