/* Essaim: the people picker and @mention completion (ARIA combobox with a listbox).
 *
 * - <input data-people-picker role="combobox" aria-controls="LIST"> with <ul role="listbox"
 *   id="LIST" hidden>: suggestions of people while typing; the chosen person's username
 *   fills the input. Without JavaScript the input still takes a username.
 * - Every textarea of a form[data-composer]: typing @ and a few letters suggests people; the
 *   chosen one is written as @username.
 * Keys: ArrowDown / ArrowUp move, Enter (or Tab for mentions) chooses, Escape closes.
 * Suggestions come from the URL in <meta name="essaim-people-suggest"> (the server asks the
 * visibility policy: only people the author may see).
 */
(function () {
  "use strict";

  var DELAY = 120;
  var MENTION = /(^|[^\w@])@([\w.\-]{1,30})$/;
  var counter = 0;

  function suggestUrl() {
    var meta = document.querySelector('meta[name="essaim-people-suggest"]');
    return meta ? meta.getAttribute("content") : null;
  }

  function Combobox(input, options) {
    this.input = input;
    this.options = options;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    counter += 1;
    var listId = input.getAttribute("aria-controls");
    this.list = listId ? document.getElementById(listId) : null;
    if (!this.list) {
      this.list = document.createElement("ul");
      this.list.id = "people-listbox-" + counter;
      this.list.setAttribute("role", "listbox");
      this.list.hidden = true;
      input.insertAdjacentElement("afterend", this.list);
      input.setAttribute("aria-controls", this.list.id);
    }
    this.list.classList.add("people-listbox");
    this.list.setAttribute("aria-label", options.label || input.getAttribute("aria-label") || "");
    if (!this.list.getAttribute("aria-label")) this.list.removeAttribute("aria-label");
    this.live = document.createElement("span");
    this.live.className = "sr-only";
    this.live.setAttribute("role", "status");
    this.list.insertAdjacentElement("afterend", this.live);
    var holder = input.parentElement;
    if (holder && getComputedStyle(holder).position === "static") {
      holder.classList.add("people-anchor");
    }
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKey.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    this.list.addEventListener("mousedown", this.onPick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var self = this;
    if (this.choosing) return;
    clearTimeout(this.timer);
    var query = this.options.query(this.input);
    if (!query) { this.close(); return; }
    this.timer = setTimeout(function () { self.fetch(query); }, DELAY);
  };

  Combobox.prototype.fetch = function (query) {
    var self = this;
    var base = suggestUrl();
    if (!base) return;
    if (this.request) this.request.abort();
    this.request = new AbortController();
    var url = base + (base.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
    var community = this.input.getAttribute("data-community");
    if (community) url += "&community=" + encodeURIComponent(community);
    fetch(url, {credentials: "same-origin", signal: this.request.signal,
                headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {people: []}; })
      .then(function (data) {
        if (self.options.query(self.input) !== query) return;  // typed on meanwhile
        self.show(data.people || []);
      })
      .catch(function () {});
  };

  Combobox.prototype.show = function (people) {
    var self = this;
    this.items = people;
    this.active = people.length ? 0 : -1;
    this.list.textContent = "";
    people.forEach(function (person, index) {
      var option = document.createElement("li");
      option.id = self.list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("data-index", String(index));
      var badge = document.createElement("span");
      badge.className = "people-initials";
      badge.setAttribute("aria-hidden", "true");
      badge.textContent = person.initials;
      var name = document.createElement("span");
      name.className = "people-name";
      name.textContent = person.name;
      var handle = document.createElement("span");
      handle.className = "people-handle";
      handle.textContent = "@" + person.username + (person.detail ? " · " + person.detail : "");
      option.appendChild(badge);
      option.appendChild(name);
      option.appendChild(handle);
      self.list.appendChild(option);
    });
    var open = people.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.live.textContent = this.options.count(people.length);
    this.highlight();
  };

  Combobox.prototype.highlight = function () {
    var options = this.list.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i += 1) {
      options[i].setAttribute("aria-selected", i === this.active ? "true" : "false");
    }
    if (this.active >= 0 && options[this.active]) {
      this.input.setAttribute("aria-activedescendant", options[this.active].id);
      options[this.active].scrollIntoView({block: "nearest"});
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Combobox.prototype.isOpen = function () { return !this.list.hidden && this.items.length > 0; };

  Combobox.prototype.close = function () {
    clearTimeout(this.timer);
    this.items = [];
    this.active = -1;
    this.list.hidden = true;
    this.list.textContent = "";
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.choose = function (index) {
    var person = this.items[index];
    if (!person) return;
    this.options.apply(this.input, person);
    this.close();
    this.input.focus();
    this.choosing = true;  // let counters see the new text without suggesting again
    this.input.dispatchEvent(new Event("input", {bubbles: true}));
    this.choosing = false;
  };

  Combobox.prototype.onKey = function (event) {
    var key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      if (!this.isOpen()) {
        if (key === "ArrowDown" && this.options.query(this.input)) {
          event.preventDefault();
          this.fetch(this.options.query(this.input));
        }
        return;
      }
      event.preventDefault();
      var size = this.items.length;
      this.active = (this.active + (key === "ArrowDown" ? 1 : -1) + size) % size;
      this.highlight();
    } else if ((key === "Enter" || (key === "Tab" && this.options.tabChooses)) && this.isOpen()
               && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (key === "Escape" && this.isOpen()) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  };

  Combobox.prototype.onPick = function (event) {
    var option = event.target.closest("[role=option]");
    if (!option) return;
    event.preventDefault();  // keep the focus in the input
    this.choose(parseInt(option.getAttribute("data-index"), 10));
  };

  function countText(n) {
    var meta = document.querySelector('meta[name="essaim-people-suggest"]');
    var none = meta ? meta.getAttribute("data-none") || "" : "";
    var one = meta ? meta.getAttribute("data-one") || "" : "";
    var some = meta ? meta.getAttribute("data-some") || "" : "";
    return n ? String(n) + " " + (n === 1 ? one : some) : none;
  }

  function initPicker(input) {
    if (input.hasAttribute("data-people-ready")) return;
    input.setAttribute("data-people-ready", "");
    new Combobox(input, {
      query: function (el) { return el.value.trim().replace(/^@/, ""); },
      apply: function (el, person) { el.value = person.username; },
      count: countText,
    });
  }

  function mentionQuery(el) {
    if (el.selectionStart !== el.selectionEnd) return "";
    var match = MENTION.exec(el.value.slice(0, el.selectionStart));
    return match ? match[2] : "";
  }

  function initMentions(textarea) {
    if (textarea.hasAttribute("data-people-ready")) return;
    textarea.setAttribute("data-people-ready", "");
    var meta = document.querySelector('meta[name="essaim-people-suggest"]');
    new Combobox(textarea, {
      tabChooses: true,
      label: meta ? meta.getAttribute("data-label") : "",
      query: mentionQuery,
      apply: function (el, person) {
        var before = el.value.slice(0, el.selectionStart);
        var after = el.value.slice(el.selectionStart);
        var start = before.lastIndexOf("@");
        var written = before.slice(0, start) + "@" + person.username + " ";
        el.value = written + after.replace(/^[\w.\-]*/, "");
        el.setSelectionRange(written.length, written.length);
      },
      count: countText,
    });
  }

  function init(root) {
    if (!suggestUrl()) return;
    root.querySelectorAll("input[data-people-picker]").forEach(initPicker);
    root.querySelectorAll("form[data-composer] textarea").forEach(initMentions);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
