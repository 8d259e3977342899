// Reads the sample's streams as they arrive. No framework, no build step.
'use strict';

const liveShown = 50;      // the live panels keep the newest rows on screen
const browseShown = 200;   // browsing renders the first rows and counts the rest

// NDJSON: decode the body as it arrives, cut it at each '\n', parse each complete line.
async function* ndjson(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    let end;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line) yield JSON.parse(line);
    }
  }
  if (pending.trim()) yield JSON.parse(pending);
}

function orderRow(order) {
  const row = document.createElement('tr');
  row.dataset.id = order.id;
  for (const value of [order.id, order.customerId, order.product, order.quantity, order.total.toFixed(2), order.status]) {
    const cell = document.createElement('td');
    cell.textContent = value;
    row.append(cell);
  }
  return row;
}

// Newest first, at most `shown` rows.
function prependRow(body, order, shown) {
  const row = orderRow(order);
  row.classList.add('new');
  body.prepend(row);
  body.querySelector(`tr:nth-child(${shown})`)?.nextElementSibling?.remove();
}

function setStatus(id, text) {
  const status = document.getElementById(id);
  status.textContent = text;
  status.className = `status ${text}`;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// The feed never ends on its own. When the connection drops, resume after the last order seen.
async function followFeed() {
  const body = document.querySelector('#feed tbody');
  let lastId = null;
  for (;;) {
    try {
      const response = await fetch(lastId === null ? '/orders/feed' : `/orders/feed?after=${lastId}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setStatus('feed-status', 'open');
      for await (const order of ndjson(response)) {
        lastId = order.id;
        prependRow(body, order, liveShown);
      }
    } catch (error) {
      console.warn('order feed dropped:', error);
    }
    setStatus('feed-status', 'reconnecting');
    await sleep(1000);
  }
}

// Server-Sent Events: EventSource does the reconnecting and the resuming (Last-Event-ID) itself.
function listenToEvents() {
  const body = document.querySelector('#events tbody');
  const reconnects = document.getElementById('events-reconnects');
  const source = new EventSource('/orders/live');
  let opened = 0;
  source.addEventListener('open', () => {
    if (opened++ > 0) reconnects.textContent = opened - 1;
    setStatus('events-status', 'open');
  });
  source.addEventListener('error', () => setStatus('events-status', 'reconnecting'));
  source.addEventListener('order', event => prependRow(body, JSON.parse(event.data), liveShown));
}

// Plain text: append each piece as it arrives.
async function writeReport() {
  const customer = document.getElementById('report-customer').value;
  const text = document.getElementById('report-text');
  text.textContent = '';
  setStatus('report-status', 'open');
  const response = await fetch(`/customers/${customer}/report.txt`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text.textContent += value;
  }
  setStatus('report-status', 'closed');
}

async function browse() {
  const limit = document.getElementById('browse-limit').value;
  const body = document.querySelector('#browse-table tbody');
  const timing = document.getElementById('browse-timing');
  body.replaceChildren();
  setStatus('browse-status', 'open');
  const started = performance.now();
  let count = 0;
  let firstRow = null;
  for await (const order of ndjson(await fetch(`/orders?limit=${limit}`))) {
    if (count++ < browseShown) body.append(orderRow(order));
    if (firstRow === null) firstRow = performance.now() - started;
    if (count % 5000 === 0) timing.textContent = `${count} orders so far, first after ${firstRow.toFixed(0)} ms`;
  }
  const total = performance.now() - started;
  timing.textContent = `${count} orders in ${total.toFixed(0)} ms; the first was on screen after ${firstRow?.toFixed(0)} ms`;
  setStatus('browse-status', 'closed');
}

async function placeOrder() {
  const random = max => 1 + Math.floor(Math.random() * max);
  await fetch('/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerId: random(5000), productId: random(10), quantity: random(3) }),
  });
}

document.getElementById('place').addEventListener('click', placeOrder);
document.getElementById('browse').addEventListener('click', browse);
document.getElementById('report').addEventListener('click', writeReport);
listenToEvents();
followFeed();
