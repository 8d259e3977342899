// The race: the same rows from a [Stream] endpoint and from an endpoint that reads them into a list first,
// requested at the same moment. Rows are counted as they arrive; the server's memory is sampled meanwhile.
'use strict';

const sides = ['streamed', 'buffered'];
const colors = { streamed: '#1f7a3a', buffered: '#b5481c', heap: '#3559a8' };

function countLines(text) {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

// An order is a flat JSON object, so in the buffered JSON array each '}' closes one row.
function countObjects(text) {
  let count = 0;
  for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) count++;
  return count;
}

// Reads one side's body as it arrives, recording [ms since the start, rows so far] at every chunk.
async function runSide(side, url, countRows, started, state) {
  const status = document.getElementById(`race-${side}-status`);
  const response = await fetch(url);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const rows = countRows(value);
    if (rows === 0) continue;
    const at = performance.now() - started;
    if (state.rows === 0) {
      state.firstRow = at;
      document.getElementById(`race-${side}-first`).textContent = `${at.toFixed(0)} ms`;
    }
    state.rows += rows;
    state.points.push([at, state.rows]);
    status.textContent = `${state.rows.toLocaleString('en')} rows`;
  }
  state.done = performance.now() - started;
  document.getElementById(`race-${side}-all`).textContent = `${state.done.toFixed(0)} ms`;
  status.textContent = `${state.rows.toLocaleString('en')} rows`;
}

async function sampleMemory(started, samples, running) {
  while (running()) {
    const response = await fetch('/server/memory', { cache: 'no-store' });
    const memory = await response.json();
    samples.push([performance.now() - started, memory.heapBytes / 1e6]);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

// A small line chart: series of [x, y] points on shared axes, with a label per series.
function drawChart(canvas, series, xMax, yMax, yLabel) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const context = canvas.getContext('2d');
  context.scale(ratio, ratio);
  const left = 56, bottom = 20, top = 8;
  const x = value => left + (width - left - 8) * value / xMax;
  const y = value => top + (height - top - bottom) * (1 - value / yMax);
  context.font = '11px system-ui, sans-serif';
  context.fillStyle = '#666';
  context.strokeStyle = '#ddd';
  context.beginPath();
  context.moveTo(left, top);
  context.lineTo(left, height - bottom);
  context.lineTo(width - 8, height - bottom);
  context.stroke();
  context.fillText(yLabel(yMax), 2, top + 8);
  context.fillText('0', left - 12, height - bottom);
  context.fillText(`${(xMax / 1000).toFixed(1)} s`, width - 40, height - 4);
  series.forEach(({ points, color, label }, index) => {
    context.strokeStyle = color;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(x(0), y(points.length ? points[0][1] : 0));
    for (const [px, py] of points) context.lineTo(x(px), y(py));
    context.stroke();
    context.fillStyle = color;
    context.fillRect(left + 8, top + 4 + index * 14, 10, 3);
    context.fillText(label, left + 22, top + 9 + index * 14);
  });
}

async function race() {
  const button = document.getElementById('race');
  button.disabled = true;
  delete document.getElementById('race-panel').dataset.finished;
  const limit = document.getElementById('race-rows').value;
  const state = Object.fromEntries(sides.map(side => [side, { rows: 0, firstRow: null, done: null, points: [] }]));
  for (const side of sides) {
    for (const field of ['first', 'all']) document.getElementById(`race-${side}-${field}`).textContent = '…';
    document.getElementById(`race-${side}-status`).textContent = 'waiting';
  }
  const memory = [];
  const started = performance.now();
  const running = () => sides.some(side => state[side].done === null);
  const draw = () => {
    const xMax = Math.max(1000, performance.now() - started);
    drawChart(document.getElementById('race-rows-chart'),
      sides.map(side => ({ points: state[side].points, color: colors[side], label: side })),
      xMax, Number(limit), value => `${(value / 1000).toFixed(0)}k rows`);
    const peak = Math.max(0, ...memory.map(([, megabytes]) => megabytes));
    if (memory.length) document.getElementById('race-heap-peak').textContent = `${peak.toFixed(0)} MB`;
    drawChart(document.getElementById('race-memory-chart'),
      [{ points: memory, color: colors.heap, label: 'heap' }], xMax, Math.max(50, Math.ceil(peak / 50) * 50), value => `${value} MB`);
  };
  const timer = setInterval(draw, 100);
  try {
    await Promise.all([
      runSide('streamed', `/orders?limit=${limit}`, countLines, started, state.streamed),
      runSide('buffered', `/orders/buffered?limit=${limit}`, countObjects, started, state.buffered),
      sampleMemory(started, memory, running),
    ]);
  } finally {
    clearInterval(timer);
    draw();
    button.disabled = false;
    document.getElementById('race-panel').dataset.finished = 'true';
  }
}

document.getElementById('race').addEventListener('click', race);
// A link to the page with #race runs the race as soon as the page opens.
if (location.hash === '#race') race();
