// The group-chat simulator's page (/sim). Plain script, no framework, no external resources; every
// word it shows comes from the page (data-* attributes), and every message text is set with
// textContent, never as HTML. Sends with POST /sim/messages and long-polls GET /sim/messages: the
// server holds each poll until something new is there (or WAIT_S is up), so replies show at once
// and an idle page asks only every few seconds.
(function () {
  'use strict';

  var body = document.body;
  var words = body.dataset;
  var chat = document.getElementById('chat');
  var empty = document.getElementById('chat-empty');
  var form = document.getElementById('composer');
  var persona = document.getElementById('persona');
  var photo = document.getElementById('photo');
  var place = document.getElementById('location');
  var message = document.getElementById('message');
  var send = document.getElementById('send');
  var statusLine = document.getElementById('status');
  var attachments = document.getElementById('attachments');
  var tabs = Array.prototype.slice.call(document.querySelectorAll('#group [role="tab"]'));
  var steps = Array.prototype.slice.call(document.querySelectorAll('.step'));
  var nextStrip = document.getElementById('next-step');
  var nextText = document.getElementById('next-text');

  var WAIT_S = 15;
  var RETRY_MS = 2000;
  var STEP_KEY = 'fengchao.sim.step';

  var state = {
    group: null,
    cursor: null,
    generation: 0,
    timer: null,
    inflight: null,
    lastTime: 0,
    seen: {},
    filledStep: null,
    nextStep: loadStep()
  };

  // ---------- groups and personas ----------

  function selectGroup(id) {
    if (state.group === id) { return; }
    state.group = id;
    tabs.forEach(function (tab) {
      tab.setAttribute('aria-selected', tab.dataset.group === id ? 'true' : 'false');
    });
    filterPersonas();
    resetChat();
    poll();
  }

  function filterPersonas() {
    var firstAllowed = null;
    Array.prototype.forEach.call(persona.options, function (option) {
      var allowed = option.dataset.groups.split(' ').indexOf(state.group) >= 0;
      option.hidden = !allowed;
      option.disabled = !allowed;
      if (allowed && firstAllowed === null) { firstAllowed = option; }
    });
    var current = persona.options[persona.selectedIndex];
    if ((!current || current.disabled) && firstAllowed) { persona.value = firstAllowed.value; }
    markMine();
  }

  function currentSender() {
    var option = persona.options[persona.selectedIndex];
    return option ? option.dataset.sender : '';
  }

  function personaBySender(sender) {
    for (var i = 0; i < persona.options.length; i++) {
      if (persona.options[i].dataset.sender === sender) { return persona.options[i]; }
    }
    return null;
  }

  // The current persona's messages sit on the right, as "mine" would in a chat app.
  function markMine() {
    var sender = currentSender();
    Array.prototype.forEach.call(chat.querySelectorAll('.msg.user'), function (row) {
      row.classList.toggle('mine', row.dataset.sender === sender);
    });
  }

  // ---------- the transcript ----------

  function resetChat() {
    state.generation += 1;
    if (state.inflight) { state.inflight.abort(); }
    state.cursor = null;
    state.lastTime = 0;
    state.seen = {};
    Array.prototype.slice.call(chat.children).forEach(function (child) {
      if (child !== empty) { chat.removeChild(child); }
    });
    empty.hidden = false;
  }

  function nearBottom() {
    return chat.scrollHeight - chat.scrollTop - chat.clientHeight < 80;
  }

  function scrollToBottom() {
    chat.scrollTop = chat.scrollHeight;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function render(entries, stick) {
    var added = false;
    entries.forEach(function (entry) {
      if (state.seen[entry.id]) { return; }
      state.seen[entry.id] = true;
      var time = Date.parse(entry.time) || 0;
      if (time - state.lastTime > 5 * 60 * 1000) {
        chat.appendChild(element('div', 'time-sep', entry.clock));
      }
      state.lastTime = time;
      chat.appendChild(entry.kind === 'bot' ? botRow(entry) : userRow(entry));
      added = true;
    });
    if (added) {
      empty.hidden = true;
      markMine();
      if (stick) { scrollToBottom(); }
    }
    // A photo that loads later grows the chat; follow it if the view was following the chat.
    state.stick = stick;
  }

  function userRow(entry) {
    var row = element('div', 'msg user');
    row.dataset.sender = entry.sender_id || '';
    var known = personaBySender(entry.sender_id);
    var avatar = element('div', 'avatar ' + (known ? known.dataset.tone : 't0'),
      known ? known.dataset.avatar : (entry.sender || '?').slice(-2));
    avatar.setAttribute('aria-hidden', 'true');
    row.appendChild(avatar);
    var column = element('div', 'msg-body');
    column.appendChild(element('div', 'msg-name', entry.sender));
    var bubble = element('div', 'bubble user');
    if (entry.text) { bubble.appendChild(element('p', 'bubble-text', entry.text)); }
    (entry.photos || []).forEach(function (name) {
      var link = element('a', 'bubble-photo');
      link.href = '/sim/photos/' + encodeURIComponent(name);
      link.target = '_blank';
      link.rel = 'noopener';
      var image = element('img');
      image.src = link.href;
      image.alt = words.msgPhoto;
      image.loading = 'lazy';
      image.addEventListener('load', function () { if (state.stick || nearBottom()) { scrollToBottom(); } });
      link.appendChild(image);
      bubble.appendChild(link);
    });
    if (entry.location) { bubble.appendChild(element('p', 'bubble-location', '📍 ' + entry.location)); }
    column.appendChild(bubble);
    row.appendChild(column);
    return row;
  }

  function botRow(entry) {
    var row = element('div', 'msg bot');
    var avatar = element('div', 'avatar bot', '🐝');
    avatar.setAttribute('aria-hidden', 'true');
    row.appendChild(avatar);
    var column = element('div', 'msg-body');
    column.appendChild(element('div', 'msg-name', entry.sender || words.botName));
    var bubble = element('div', 'bubble bot');
    if (entry.mentions && entry.mentions.length) {
      bubble.appendChild(element('p', 'bubble-mentions', entry.mentions.map(function (name) {
        return '@' + name;
      }).join(' ')));
    }
    bubble.appendChild(element('p', 'bubble-text', entry.text));
    column.appendChild(bubble);
    row.appendChild(column);
    return row;
  }

  // ---------- polling ----------

  function schedule(ms) {
    clearTimeout(state.timer);
    state.timer = setTimeout(poll, ms);
  }

  function poll() {
    if (state.inflight) { return; }
    clearTimeout(state.timer);
    var controller = new AbortController();
    state.inflight = controller;
    var generation = state.generation;
    var first = state.cursor === null;
    var url = '/sim/messages?group=' + encodeURIComponent(state.group) +
      (first ? '' : '&after=' + encodeURIComponent(state.cursor) + '&wait=' + WAIT_S);
    var failed = false;
    fetch(url, {
      cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' },
      signal: controller.signal
    })
      .then(function (response) {
        if (response.status === 401) { window.location.href = words.login; throw new Error('login'); }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (answer) {
        if (generation !== state.generation) { return; }
        var stick = first || nearBottom();
        render(answer.entries || [], stick);
        state.cursor = answer.cursor;
        if (statusLine.dataset.kind === 'offline') { setStatus('', ''); }
      })
      .catch(function () {
        failed = true;
        if (generation === state.generation) { setStatus(words.msgOffline, 'offline'); }
      })
      .then(function () {
        state.inflight = null;
        if (generation !== state.generation) { poll(); return; }
        // The server answers when there is news or the wait is up: ask again at once.
        schedule(failed ? RETRY_MS : 0);
      });
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.dataset.kind = kind || '';
  }

  // ---------- composing ----------

  function showAttachments() {
    while (attachments.firstChild) { attachments.removeChild(attachments.firstChild); }
    if (photo.value) {
      var chip = element('span', 'attachment');
      var image = element('img');
      image.src = '/sim/photos/' + encodeURIComponent(photo.value);
      image.alt = '';
      chip.appendChild(image);
      chip.appendChild(element('span', null, photo.options[photo.selectedIndex].textContent));
      chip.appendChild(removeButton(function () { photo.value = ''; }));
      attachments.appendChild(chip);
    }
    if (place.value) {
      var pin = element('span', 'attachment', '📍 ' + place.options[place.selectedIndex].textContent);
      pin.appendChild(removeButton(function () { place.value = ''; }));
      attachments.appendChild(pin);
    }
    attachments.hidden = !attachments.firstChild;
  }

  function removeButton(clear) {
    var button = element('button', null, '✕');
    button.type = 'button';
    button.setAttribute('aria-label', words.msgRemove);
    button.addEventListener('click', function () { clear(); showAttachments(); });
    return button;
  }

  function fitMessage() {
    var lines = message.value.split('\n').length;
    message.rows = Math.max(1, Math.min(5, lines));
  }

  function submit(event) {
    event.preventDefault();
    var text = message.value.trim();
    if (!text && !photo.value && !place.value) {
      setStatus(words.msgEmptyInput, 'input');
      message.focus();
      return;
    }
    var payload = {
      persona: persona.value,
      group: state.group,
      text: text,
      photo: photo.value || null,
      location: place.value || null
    };
    send.disabled = true;
    setStatus(words.msgSending, 'sending');
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (words.csrf) { headers['X-CSRF-Token'] = words.csrf; }
    fetch('/sim/messages', {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(payload)
    })
      .then(function (response) {
        if (response.status === 401) { window.location.href = words.login; throw new Error('login'); }
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) { throw new Error(answer.error || ('HTTP ' + response.status)); }
          return answer;
        });
      })
      .then(function () {
        setStatus('', '');
        message.value = '';
        photo.value = '';
        place.value = '';
        fitMessage();
        showAttachments();
        stepSent(payload);
        scrollToBottom();
        if (!state.inflight) { poll(); }
      })
      .catch(function (error) {
        if (error.message !== 'login') { setStatus(words.msgFailed + error.message, 'error'); }
      })
      .then(function () {
        send.disabled = false;
        message.focus();
      });
  }

  // ---------- the story ----------

  function loadStep() {
    try { return parseInt(window.sessionStorage.getItem(STEP_KEY) || '1', 10) || 1; } catch (e) { return 1; }
  }

  function saveStep(number) {
    state.nextStep = number;
    try { window.sessionStorage.setItem(STEP_KEY, String(number)); } catch (e) { /* private mode */ }
    showNextStep();
  }

  function stepByNumber(number) {
    for (var i = 0; i < steps.length; i++) {
      if (parseInt(steps[i].dataset.step, 10) === number) { return steps[i]; }
    }
    return null;
  }

  function fill(step) {
    selectGroup(step.dataset.group);
    persona.value = step.dataset.persona;
    markMine();
    message.value = step.dataset.text;
    photo.value = step.dataset.photo || '';
    place.value = step.dataset.location || '';
    fitMessage();
    showAttachments();
    steps.forEach(function (other) { other.classList.toggle('current', other === step); });
    state.filledStep = parseInt(step.dataset.step, 10);
    closeStory();
    send.focus();
  }

  // A filled step counts as played once it is sent as filled.
  function stepSent(payload) {
    var number = state.filledStep;
    state.filledStep = null;
    var step = number && stepByNumber(number);
    if (!step) { return; }
    step.classList.remove('current');
    if (step.dataset.text === payload.text && step.dataset.persona === payload.persona) {
      step.classList.add('done');
      if (number >= state.nextStep) { saveStep(number + 1); }
    }
  }

  function showNextStep() {
    steps.forEach(function (step) {
      step.classList.toggle('done', parseInt(step.dataset.step, 10) < state.nextStep);
    });
    if (!steps.length) { nextStrip.hidden = true; return; }
    var step = stepByNumber(state.nextStep);
    if (!step) {
      nextText.textContent = words.msgDone;
      document.getElementById('next-fill').hidden = true;
      nextStrip.hidden = false;
      return;
    }
    document.getElementById('next-fill').hidden = false;
    nextText.textContent = step.dataset.summary;
    nextStrip.hidden = false;
  }

  function openStory() {
    body.classList.add('story-open');
    document.getElementById('scrim').hidden = false;
    document.getElementById('story-toggle').setAttribute('aria-expanded', 'true');
  }

  function closeStory() {
    body.classList.remove('story-open');
    document.getElementById('scrim').hidden = true;
    document.getElementById('story-toggle').setAttribute('aria-expanded', 'false');
  }

  // ---------- time (the calendar's jobs, the demo's clock) ----------

  var timePanel = document.getElementById('time');
  function runTime(button) {
    var payload = button.dataset.job ? { job: button.dataset.job } : { advance: button.dataset.advance };
    var status = document.getElementById('time-status');
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (words.csrf) { headers['X-CSRF-Token'] = words.csrf; }
    button.disabled = true;
    fetch('/sim/time', {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(payload)
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) { throw new Error(answer.error || ('HTTP ' + response.status)); }
          return answer;
        });
      })
      .then(function (answer) {
        var text = timePanel.dataset.msgRan.replace('{n}', answer.queued);
        if (payload.advance) { text += timePanel.dataset.msgNow.replace('{now}', answer.now); }
        status.textContent = text;
        if (!state.inflight) { poll(); }
      })
      .catch(function (error) { status.textContent = words.msgFailed + error.message; })
      .then(function () { button.disabled = false; });
  }
  if (timePanel) {
    Array.prototype.forEach.call(timePanel.querySelectorAll('.time-button'), function (button) {
      button.addEventListener('click', function () { runTime(button); });
    });
  }

  // ---------- wiring ----------

  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () { selectGroup(tab.dataset.group); });
  });
  persona.addEventListener('change', markMine);
  photo.addEventListener('change', showAttachments);
  place.addEventListener('change', showAttachments);
  message.addEventListener('input', fitMessage);
  message.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter breaks the line; never while a Chinese input method is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : submit(event);
    }
  });
  form.addEventListener('submit', submit);
  steps.forEach(function (step) {
    step.addEventListener('click', function () { fill(step); });
  });
  document.getElementById('next-fill').addEventListener('click', function () {
    var step = stepByNumber(state.nextStep);
    if (step) { fill(step); }
  });
  document.getElementById('story-toggle').addEventListener('click', openStory);
  document.getElementById('story-close').addEventListener('click', closeStory);
  document.getElementById('scrim').addEventListener('click', closeStory);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { closeStory(); }
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && !state.inflight) { poll(); }
  });

  var selected = tabs.filter(function (tab) { return tab.getAttribute('aria-selected') === 'true'; })[0] || tabs[0];
  showNextStep();
  if (selected) { selectGroup(selected.dataset.group); }
})();
