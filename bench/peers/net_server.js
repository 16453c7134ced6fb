// Node.js peer on the `net` module (no `http`), doing what bench/scripts/*.lua do.
//   node net_server.js http|close|echo|idle PORT     (listens on 127.0.0.1:PORT)
'use strict';
const net = require('net');

const [mode, portText] = process.argv.slice(2);
const port = Number(portText);
if (!['http', 'close', 'echo', 'idle'].includes(mode) || !(port > 0)) {
  console.error('usage: node net_server.js http|close|echo|idle PORT');
  process.exit(2);
}

const HELLO = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\nhello world\n');
const HELLO_CLOSE = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n' +
                                'Connection: close\r\n\r\nhello world\n');
const BLANK_LINE = '\r\n\r\n';

// Keep-alive: count the complete requests in what arrived, answer them in one write.
function serveHello(socket) {
  let pending = '';
  socket.setEncoding('latin1');
  socket.on('data', (text) => {
    pending += text;
    let answers = 0;
    let from = 0;
    for (let end; (end = pending.indexOf(BLANK_LINE, from)) >= 0; from = end + 4) answers++;
    pending = pending.slice(from);
    if (pending.length > 4096) return socket.destroy();
    if (answers === 1) socket.write(HELLO);
    else if (answers > 1) socket.write(Buffer.concat(new Array(answers).fill(HELLO)));
  });
}

function serveOnce(socket) {
  let request = '';
  socket.setEncoding('latin1');
  socket.on('data', (text) => {
    request += text;
    if (request.includes(BLANK_LINE)) socket.end(HELLO_CLOSE);
    else if (request.length > 4096) socket.destroy();
  });
}

function serveEcho(socket) {
  socket.on('data', (chunk) => {
    if (!socket.write(chunk)) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
}

function hold(socket) {
  socket.on('data', () => {});
}

const handler = { http: serveHello, close: serveOnce, echo: serveEcho, idle: hold }[mode];
net.createServer({ noDelay: true }, (socket) => {
  socket.on('error', () => {});
  handler(socket);
}).listen({ host: '127.0.0.1', port, backlog: 1024 });
