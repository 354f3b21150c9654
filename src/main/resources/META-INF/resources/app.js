// Warroom local chat: plain browser JavaScript, no build step. Every text from the server is put
// into the page as DOM text nodes (never innerHTML), so a message cannot inject markup.
(function () {
  'use strict';

  const API = 'api/local';
  const BOT = 'warroom';
  const START = 'general';
  const HINT = '/incident declare payments-api high Checkout failing';
  const DM_HINT = 'declare payments-api high Checkout failing (no /incident needed here)';
  const OTHER = '\u0000other';

  const $ = (id) => document.getElementById(id);
  const el = {
    who: $('who'), whoName: $('who-name'), channels: $('channels'), messages: $('messages'),
    input: $('input'), send: $('send'), error: $('error'), form: $('composer'),
    title: $('current-channel'), menu: $('menu'), menuUnread: $('menu-unread'),
    sidebar: $('sidebar'), backdrop: $('backdrop'), conn: $('conn'),
    replying: $('replying'), replyingText: $('replying-text'), replyingCancel: $('replying-cancel'),
  };

  const state = {
    user: localStorage.getItem('warroom.user') || '',
    people: new Map(),            // id -> name
    channels: [],                 // names, in the server's order
    current: localStorage.getItem('warroom.channel') || START,
    shown: new Set(),             // ids of the messages rendered in the current channel
    lastId: 0,                    // highest id rendered in the current channel
    unread: new Map(),            // channel -> count
    counted: new Set(),           // ids already counted as unread
    load: 0,                      // bumps on every channel switch, so late answers are dropped
    live: false,
    replyTo: null,                // id of the thread's first message while replying in a thread
  };

  // ---- server ----

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(await errorText(response));
    }
    return response.json();
  }

  async function errorText(response) {
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string') {
        return body.error;
      }
    } catch (ignored) { /* not JSON */ }
    return 'The server answered ' + response.status + ' ' + response.statusText;
  }

  function fetchMessages(channel, after) {
    return getJson(API + '/messages?channel=' + encodeURIComponent(channel) + '&after=' + (after || 0));
  }

  function requestId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // ---- identity ----

  async function loadPeople() {
    try {
      const people = await getJson(API + '/people');
      people.slice().sort((a, b) => a.name.localeCompare(b.name))
        .forEach((p) => state.people.set(p.id, p.name));
    } catch (e) {
      showError('Could not load the people from the plans: ' + e.message);
    }
    renderWho();
  }

  function renderWho() {
    el.who.replaceChildren(option('', 'Choose…'));
    for (const [id, name] of state.people) {
      el.who.append(option(id, id + ' — ' + name));
    }
    if (state.user && !state.people.has(state.user)) {
      el.who.append(option(state.user, state.user + ' (guest)'));
    }
    el.who.append(option(OTHER, 'Someone else…'));
    el.who.value = state.user;
    el.who.classList.toggle('unset', !state.user);
  }

  function option(value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }

  function setUser(user) {
    user = (user || '').trim();
    if (user.toLowerCase() === BOT) {
      showError('“' + BOT + '” is the bot’s name; choose another.');
      renderWho();
      return;
    }
    state.user = user;
    if (user) {
      localStorage.setItem('warroom.user', user);
    } else {
      localStorage.removeItem('warroom.user');
    }
    el.whoName.hidden = true;
    el.who.hidden = false;
    clearError();
    renderWho();
    state.unread.clear();
    state.counted.clear();
    loadChannels().then(() => {
      // Another person's direct messages are not yours to read; and "mine" marks change.
      openChannel(state.current.startsWith('@') && state.current !== myDirect() ? START : state.current);
      countUnread();
    });
  }

  function displayName(user) {
    if (user === BOT) {
      return 'Warroom';
    }
    return state.people.get(user) || user;
  }

  // ---- channels ----

  let channelsAsked = 0;

  /** Reloads the channel list; of answers that cross (say, after a change of identity) the last asked wins. */
  async function loadChannels() {
    const asked = ++channelsAsked;
    const query = state.user ? '?user=' + encodeURIComponent(state.user) : '';
    try {
      const channels = await getJson(API + '/channels' + query);
      if (asked === channelsAsked) {
        state.channels = channels;
        renderChannels();
      }
    } catch (e) {
      showError('Could not load the channels: ' + e.message);
    }
  }

  function myDirect() {
    return state.user ? '@' + state.user : null;
  }

  /** A message belongs on this page if it is in a shared channel or in my own direct messages. */
  function visible(channel) {
    return !channel.startsWith('@') || channel === myDirect();
  }

  function channelLabel(channel) {
    return channel === myDirect() ? 'Direct messages' : channel.startsWith('@') ? channel : '# ' + channel;
  }

  function renderChannels() {
    const items = state.channels.map((channel) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.channel = channel;
      button.className = 'channel' + (channel === state.current ? ' current' : '')
        + (channel.startsWith('@') ? ' direct' : '') + (/^inc-/.test(channel) ? ' incident' : '');
      if (channel === state.current) {
        button.setAttribute('aria-current', 'page');
      }
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = channelLabel(channel);
      button.append(name);
      const count = state.unread.get(channel) || 0;
      if (count > 0 && channel !== state.current) {
        const badge = document.createElement('span');
        badge.className = 'badge unread';
        badge.textContent = count > 99 ? '99+' : String(count);
        button.dataset.unread = String(count);
        button.setAttribute('aria-label', channelLabel(channel) + ', ' + count + ' unread');
        button.append(badge);
      }
      li.append(button);
      return li;
    });
    el.channels.replaceChildren(...items);
    let total = 0;
    state.unread.forEach((n, channel) => { if (channel !== state.current) total += n; });
    el.menuUnread.hidden = total === 0;
    el.menuUnread.textContent = total > 99 ? '99+' : String(total);
    document.title = (total ? '(' + total + ') ' : '') + 'Warroom — ' + state.current;
  }

  function openChannel(channel) {
    state.current = channel;
    localStorage.setItem('warroom.channel', channel);
    state.unread.delete(channel);
    state.shown.clear();
    state.lastId = 0;
    state.load++;
    replyIn(null);
    el.title.textContent = channelLabel(channel);
    el.input.placeholder = channel === myDirect() ? DM_HINT : HINT;
    autoGrow();
    el.messages.replaceChildren(note('Loading…'));
    clearError();
    if (!state.channels.includes(channel)) {
      state.channels.push(channel);
    }
    renderChannels();
    closeDrawer();
    return refresh(true);
  }

  /** Fetches the current channel's messages after the last one shown. */
  async function refresh(first) {
    const load = state.load;
    const channel = state.current;
    try {
      const messages = await fetchMessages(channel, state.lastId);
      if (load !== state.load) {
        return;
      }
      append(messages);
      if (first && state.shown.size === 0) {
        el.messages.replaceChildren(note(channel === myDirect()
          ? 'Your direct messages with Warroom. Type a command without /incident, e.g. help.'
          : 'No messages yet. Try /incident help.'));
      }
    } catch (e) {
      if (load === state.load) {
        el.messages.querySelectorAll('.note').forEach((n) => n.remove());
        showError('Could not load #' + channel + ': ' + e.message);
      }
    }
  }

  function markSeen(channel, id) {
    if (!state.user) {
      return;
    }
    const key = 'warroom.seen.' + state.user;
    const seen = readSeen();
    if ((seen[channel] || 0) < id) {
      seen[channel] = id;
      localStorage.setItem(key, JSON.stringify(seen));
    }
  }

  function readSeen() {
    try {
      return JSON.parse(localStorage.getItem('warroom.seen.' + state.user) || '{}') || {};
    } catch (ignored) {
      return {};
    }
  }

  /** Unread counts after a reload: what arrived in each channel since this person last looked. */
  async function countUnread() {
    if (!state.user) {
      return;
    }
    const firstVisit = localStorage.getItem('warroom.seen.' + state.user) === null;
    const seen = readSeen();
    await Promise.all(state.channels.filter((c) => c !== state.current).map(async (channel) => {
      try {
        const messages = await fetchMessages(channel, seen[channel] || 0);
        if (firstVisit) {
          messages.forEach((m) => markSeen(channel, m.id));
        } else {
          messages.forEach(countIfUnread);
        }
      } catch (ignored) { /* the channel list still works without counts */ }
    }));
    if (firstVisit) {
      localStorage.setItem('warroom.seen.' + state.user, JSON.stringify(readSeen()));
    }
    renderChannels();
  }

  function countIfUnread(message) {
    if (message.user === state.user || state.counted.has(message.id) || message.channel === state.current) {
      return;
    }
    state.counted.add(message.id);
    state.unread.set(message.channel, (state.unread.get(message.channel) || 0) + 1);
  }

  // ---- messages ----

  function note(text) {
    const li = document.createElement('li');
    li.className = 'note';
    li.textContent = text;
    return li;
  }

  function nearBottom() {
    const m = el.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }

  function append(messages, forceScroll) {
    const stick = forceScroll || nearBottom();
    let added = false;
    for (const message of messages) {
      if (message.channel !== state.current) {
        continue;
      }
      if (state.shown.has(message.id)) {
        // A kept message (summary card, checklist) was brought up to date: replace it where it stands.
        // Edited and deleted messages too. A thread's replies stay under their first message.
        const old = el.messages.querySelector('.message[data-id="' + message.id + '"]');
        if (old) {
          const fresh = renderMessage(message);
          const replies = old.querySelector(':scope > .replies');
          if (replies) {
            fresh.append(replies);
          }
          old.replaceWith(fresh);
        }
        continue;
      }
      state.shown.add(message.id);
      const node = renderMessage(message);
      const parent = message.parent
        ? el.messages.querySelector('.message[data-id="' + message.parent + '"]') : null;
      if (parent) {
        let replies = parent.querySelector(':scope > .replies');
        if (!replies) {
          replies = document.createElement('ol');
          replies.className = 'replies';
          replies.setAttribute('aria-label', 'Replies');
          parent.append(replies);
        }
        replies.append(node);
        state.lastId = Math.max(state.lastId, message.id);
        added = true;
        continue;
      }
      // Keep id order even if a live event and a fetch answer cross.
      let after = el.messages.lastElementChild;
      while (after && after.dataset.id && Number(after.dataset.id) > message.id) {
        after = after.previousElementSibling;
      }
      if (after) {
        after.after(node);
      } else {
        el.messages.prepend(node);
      }
      state.lastId = Math.max(state.lastId, message.id);
      added = true;
    }
    if (added) {
      el.messages.querySelectorAll('.note').forEach((n) => n.remove());
      markSeen(state.current, state.lastId);
      if (stick) {
        el.messages.scrollTop = el.messages.scrollHeight;
      }
    }
  }

  function renderMessage(message) {
    const li = document.createElement('li');
    li.className = 'message' + (message.user === BOT ? ' bot' : '') + (message.user === state.user ? ' mine' : '');
    li.dataset.id = String(message.id);
    li.dataset.user = message.user;

    const meta = document.createElement('div');
    meta.className = 'meta';
    const user = document.createElement('span');
    user.className = 'user';
    user.textContent = displayName(message.user);
    if (message.user !== BOT && displayName(message.user) !== message.user) {
      user.title = message.user;
    }
    const time = document.createElement('time');
    time.className = 'time';
    const date = new Date(message.ts);
    if (!isNaN(date)) {
      time.dateTime = message.ts;
      time.textContent = pad(date.getHours()) + ':' + pad(date.getMinutes());
      time.title = date.toLocaleString();
    }
    meta.append(user, time);
    if (message.editedAt && !message.deleted) {
      const edited = document.createElement('span');
      edited.className = 'edited';
      edited.textContent = '(edited)';
      meta.append(edited);
    }
    meta.append(tools(message));

    const text = document.createElement('div');
    text.className = 'text';
    if (message.deleted) {
      text.classList.add('deleted');
      text.textContent = 'This message was deleted.';
    } else {
      text.append(...renderMarks(message.text || ''));
    }
    li.append(meta, text);

    if (message.buttons && message.buttons.length) {
      const actions = document.createElement('div');
      actions.className = 'actions';
      for (const b of message.buttons) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'action';
        button.dataset.command = b.command;
        button.textContent = b.label;
        button.title = '/incident ' + b.command;
        actions.append(button);
      }
      li.append(actions);
    }
    return li;
  }

  /** Reply in the message's thread; edit or delete your own message. */
  function tools(message) {
    const box = document.createElement('span');
    box.className = 'tools';
    const tool = (label, data, value) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tool';
      button.dataset[data] = String(value);
      button.textContent = label;
      box.append(button);
    };
    if (!message.deleted) {
      tool('Reply', 'reply', message.parent || message.id);
      if (message.user === state.user && message.user !== BOT) {
        tool('Edit', 'edit', message.id);
        tool('Delete', 'delete', message.id);
      }
    }
    return box;
  }

  function replyIn(thread) {
    state.replyTo = thread;
    el.replying.hidden = thread == null;
    if (thread != null) {
      const first = el.messages.querySelector('.message[data-id="' + thread + '"] > .text');
      const quoted = first ? first.textContent.split('\n')[0].slice(0, 60) : '#' + thread;
      el.replyingText.textContent = 'Replying in the thread of “' + quoted + '”';
      el.input.focus();
    }
  }

  async function change(method, id, body) {
    clearError();
    try {
      const path = API + '/messages/' + id + (method === 'DELETE' ? '?user=' + encodeURIComponent(state.user) : '');
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) {
        showError(await errorText(response));
        return;
      }
      append([await response.json()]);
    } catch (e) {
      showError('Not changed: ' + e.message + '. Check the connection and try again.');
    }
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // Light marks: `code` first (nothing inside it is marked), then *bold*, _italic_, links and
  // #channel references. Marks only open after a space or punctuation, so snake_case stays text.
  const MARKS = /`([^`\n]+)`|(^|[\s(\[{"'])\*(?=\S)([^\n]*?\S)\*(?=$|[\s.,;:!?)\]}"'])|(^|[\s(\[{"'])_(?=\S)([^\n]*?\S)_(?=$|[\s.,;:!?)\]}"'])|(https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?])|(^|[\s(])#([a-z0-9][a-z0-9._-]*[a-z0-9])/gm;

  function renderMarks(source) {
    const nodes = [];
    let at = 0;
    let match;
    const marks = new RegExp(MARKS.source, 'gm'); // its own lastIndex: bold and italic recurse
    while ((match = marks.exec(source)) !== null) {
      let start = match.index;
      let node;
      if (match[1] !== undefined) {
        node = wrap('code', match[1]);
      } else if (match[3] !== undefined) {
        start += match[2].length;
        node = wrap('strong', match[3]);
      } else if (match[5] !== undefined) {
        start += match[4].length;
        node = wrap('em', match[5]);
      } else if (match[6] !== undefined) {
        node = document.createElement('a');
        node.href = match[6];
        node.target = '_blank';
        node.rel = 'noopener noreferrer';
        node.textContent = match[6];
      } else {
        start += match[7].length;
        const channel = match[8];
        if (!state.channels.includes(channel) && !/^inc-/.test(channel)) {
          continue;
        }
        node = document.createElement('a');
        node.href = '#';
        node.className = 'channel-link';
        node.dataset.goto = channel;
        node.textContent = '#' + channel;
      }
      if (start > at) {
        nodes.push(document.createTextNode(source.slice(at, start)));
      }
      nodes.push(node);
      at = marks.lastIndex;
    }
    if (at < source.length) {
      nodes.push(document.createTextNode(source.slice(at)));
    }
    return nodes;
  }

  function wrap(tag, text) {
    const node = document.createElement(tag);
    // Bold and italic may hold code or the other mark; code is literal.
    if (tag === 'code') {
      node.textContent = text;
    } else {
      node.append(...renderMarks(text));
    }
    return node;
  }

  // ---- sending ----

  async function post(text, busy) {
    if (!state.user) {
      showError('Choose who you are first (top right).');
      el.who.focus();
      return false;
    }
    clearError();
    const channel = state.current;
    const load = state.load;
    busy.forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(API + '/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ channel, user: state.user, text, requestId: requestId(), parent: state.replyTo }),
      });
      if (!response.ok) {
        showError(await errorText(response));
        return false;
      }
      if (load === state.load) {
        append([await response.json()], true);
        // The bot's replies are stored before the POST returns: show them even without live events.
        await refresh(false);
      }
      if (/^\s*\/?incident\b/i.test(text) || channel === myDirect()) {
        loadChannels();
      }
      return true;
    } catch (e) {
      showError('Not sent: ' + e.message + '. Check the connection and try again.');
      return false;
    } finally {
      busy.forEach((b) => { b.disabled = false; });
    }
  }

  function showError(text) {
    el.error.textContent = text;
    el.error.hidden = false;
  }

  function clearError() {
    el.error.textContent = '';
    el.error.hidden = true;
  }

  function autoGrow() {
    const input = el.input;
    input.style.height = 'auto';
    const borders = input.offsetHeight - input.clientHeight;
    const wanted = input.scrollHeight + borders;
    input.style.height = Math.min(wanted, 160) + 'px';
    input.style.overflowY = wanted > 160 ? 'auto' : 'hidden';
  }

  // ---- live events ----

  let source = null;

  function connect() {
    if (!window.EventSource) {
      return;
    }
    source = new EventSource(API + '/stream');
    source.onopen = () => {
      setLive(true);
      // Whatever arrived while the stream was down: the current channel, new channels, unread counts.
      refresh(false);
      loadChannels().then(countUnread);
    };
    source.onerror = () => setLive(false, 'Reconnecting…');
    source.onmessage = (event) => {
      if (!state.live) {
        setLive(true);
      }
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (!message || typeof message.channel !== 'string' || !visible(message.channel)) {
        return;
      }
      if (message.channel === state.current) {
        append([message]);
        return;
      }
      countIfUnread(message);
      if (!state.channels.includes(message.channel)) {
        loadChannels();
      } else {
        renderChannels();
      }
    };
  }

  function setLive(live, why) {
    state.live = live;
    el.conn.classList.toggle('live', live);
    const label = live ? 'Live' : why;
    el.conn.title = label;
    el.conn.setAttribute('aria-label', label);
  }

  // Without live events (a proxy that buffers them, a dropped connection), poll now and then.
  setInterval(() => {
    if (!state.live && !document.hidden) {
      refresh(false);
    }
  }, 10000);

  // ---- drawer (phones) ----

  function openDrawer() {
    document.body.classList.add('drawer-open');
    el.backdrop.hidden = false;
    el.menu.setAttribute('aria-expanded', 'true');
  }

  function closeDrawer() {
    document.body.classList.remove('drawer-open');
    el.backdrop.hidden = true;
    el.menu.setAttribute('aria-expanded', 'false');
  }

  // ---- wiring ----

  el.menu.addEventListener('click', () => {
    if (document.body.classList.contains('drawer-open')) {
      closeDrawer();
    } else {
      openDrawer();
    }
  });
  el.backdrop.addEventListener('click', closeDrawer);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeDrawer();
    }
  });

  el.channels.addEventListener('click', (e) => {
    const button = e.target.closest('[data-channel]');
    if (button) {
      openChannel(button.dataset.channel);
    }
  });

  el.messages.addEventListener('click', (e) => {
    const link = e.target.closest('a.channel-link');
    if (link) {
      e.preventDefault();
      openChannel(link.dataset.goto);
      return;
    }
    const tool = e.target.closest('button.tool');
    if (tool && tool.dataset.reply) {
      replyIn(Number(tool.dataset.reply));
      return;
    }
    if (tool && tool.dataset.edit) {
      const current = tool.closest('.message').querySelector(':scope > .text').textContent;
      const text = window.prompt('Edit your message', current);
      if (text != null && text.trim() && text !== current) {
        change('PUT', tool.dataset.edit, { user: state.user, text });
      }
      return;
    }
    if (tool && tool.dataset.delete) {
      if (window.confirm('Delete this message?')) {
        change('DELETE', tool.dataset.delete);
      }
      return;
    }
    const action = e.target.closest('button.action');
    if (action) {
      let command = action.dataset.command;
      // A "Skip" button needs the reason, as on Slack and Teams.
      if (/^skip\s+INC-\d+\s+\d+$/i.test(command)) {
        const reason = window.prompt('Why is step ' + command.split(/\s+/)[2] + ' skipped?');
        if (!reason || !reason.trim()) {
          return;
        }
        command += ' ' + reason.trim();
      }
      post('/incident ' + command, [action]);
    }
  });

  el.replyingCancel.addEventListener('click', () => replyIn(null));

  el.who.addEventListener('change', () => {
    if (el.who.value === OTHER) {
      el.who.hidden = true;
      el.whoName.hidden = false;
      el.whoName.value = '';
      el.whoName.focus();
    } else {
      setUser(el.who.value);
    }
  });
  el.whoName.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      setUser(el.whoName.value);
    } else if (e.key === 'Escape') {
      setUser(state.user);
    }
  });
  el.whoName.addEventListener('blur', () => {
    if (!el.whoName.hidden) {
      setUser(el.whoName.value || state.user);
    }
  });

  el.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = el.input.value;
    if (!text.trim()) {
      return;
    }
    // Cleared at once (the reply may arrive live before the POST returns); given back if the post fails.
    el.input.value = '';
    autoGrow();
    if (!(await post(text, [el.send]))) {
      el.input.value = text;
      autoGrow();
    }
    el.input.focus();
  });
  el.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      el.form.requestSubmit ? el.form.requestSubmit() : el.send.click();
    }
  });
  el.input.addEventListener('input', autoGrow);
  window.addEventListener('resize', autoGrow);

  // ---- start ----

  (async function start() {
    await loadPeople();
    await loadChannels();
    if (!state.channels.includes(state.current) || (state.current.startsWith('@') && state.current !== myDirect())) {
      state.current = START;
    }
    await openChannel(state.current);
    connect();
    countUnread();
    if (!state.user) {
      el.who.focus();
    }
  })();
})();
