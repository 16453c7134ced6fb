/* floor_server - the least a server can do for bench/run's workloads, in C.
 *
 *   floor_server http|close|echo PORT      (listens on 127.0.0.1:PORT)
 *
 * One thread, level-triggered epoll, one read and one write per event, no
 * interpreter: the CPU it spends per request is what the kernel and this
 * machine charge any server for the same system calls. On a machine whose
 * system calls are charged partly as user time (page-table isolation without
 * PCID, see versions.txt), its user time per request is the floor under
 * every runtime's user-space figure, and bench/summarize.py reports the
 * runtimes' user time above it.
 *
 * http:  HTTP/1.1 keep-alive: one response per "\r\n\r\n", all the responses
 *        of one read in one write (as bench/scripts/http_hello.lua).
 * close: one response with "Connection: close", then close.
 * echo:  writes back what it reads.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static const char HELLO[] =
    "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\nhello world\n";
static const char HELLO_CLOSE[] =
    "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n"
    "Connection: close\r\n\r\nhello world\n";

enum mode { HTTP, CLOSE, ECHO };

struct conn {
  int fd;
  int matched;    /* bytes of "\r\n\r\n" matched at the end of the last read */
  char *out;      /* what a short write left, sent on EPOLLOUT */
  size_t out_len;
};

static enum mode mode;
static int ep;
static char rbuf[65536];
static char wbuf[65536 + sizeof HELLO];

static void drop(struct conn *c) {
  close(c->fd);
  free(c->out);
  free(c);
}

/* Writes all of data, or keeps the rest for EPOLLOUT; -1 when the peer is gone. */
static int send_all(struct conn *c, const char *data, size_t len) {
  ssize_t n;
  do n = write(c->fd, data, len); while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno != EAGAIN) return -1;
    n = 0;
  }
  if ((size_t)n == len) return 0;
  c->out = malloc(len - (size_t)n);
  if (c->out == NULL) return -1;
  memcpy(c->out, data + n, len - (size_t)n);
  c->out_len = len - (size_t)n;
  struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
  return epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

static void on_writable(struct conn *c) {
  char *rest = c->out;
  size_t len = c->out_len;
  c->out = NULL;
  c->out_len = 0;
  int rc = send_all(c, rest, len);
  free(rest);
  if (rc < 0) {
    drop(c);
    return;
  }
  if (c->out == NULL) {
    if (mode == CLOSE) {
      drop(c);
      return;
    }
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) < 0) drop(c);
  }
}

/* Complete requests in buf, carrying a partial "\r\n\r\n" across reads. */
static int count_requests(struct conn *c, const char *buf, size_t len) {
  static const char end[] = "\r\n\r\n";
  int count = 0;
  for (size_t i = 0; i < len; i++) {
    if (buf[i] == end[c->matched]) {
      if (++c->matched == 4) {
        count++;
        c->matched = 0;
      }
    } else {
      c->matched = buf[i] == '\r' ? 1 : 0;
    }
  }
  return count;
}

static void on_readable(struct conn *c) {
  ssize_t n;
  do n = read(c->fd, rbuf, sizeof rbuf); while (n < 0 && errno == EINTR);
  if (n < 0 && errno == EAGAIN) return;
  if (n <= 0) {
    drop(c);
    return;
  }
  int rc = 0;
  if (mode == ECHO) {
    rc = send_all(c, rbuf, (size_t)n);
  } else {
    int answers = count_requests(c, rbuf, (size_t)n);
    if (answers > 0 && mode == CLOSE) {
      rc = send_all(c, HELLO_CLOSE, sizeof HELLO_CLOSE - 1);
      if (rc == 0 && c->out == NULL) rc = -1; /* sent: close now */
    } else if (answers > 0) {
      size_t len = 0, one = sizeof HELLO - 1;
      for (int i = 0; i < answers && len + one <= sizeof wbuf; i++, len += one) {
        memcpy(wbuf + len, HELLO, one);
      }
      rc = send_all(c, wbuf, len);
    }
  }
  if (rc < 0) drop(c);
}

int main(int argc, char **argv) {
  if (argc != 3 || (strcmp(argv[1], "http") && strcmp(argv[1], "close") && strcmp(argv[1], "echo"))) {
    fprintf(stderr, "usage: %s http|close|echo PORT\n", argv[0]);
    return 2;
  }
  mode = !strcmp(argv[1], "http") ? HTTP : !strcmp(argv[1], "close") ? CLOSE : ECHO;
  signal(SIGPIPE, SIG_IGN);
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  /* Inherited by accepted sockets, as nodemcu-host sets it (net.md §8 note). */
  setsockopt(lfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 1024) < 0) {
    perror("floor_server: bind/listen");
    return 1;
  }
  ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
  struct epoll_event events[256];
  for (;;) {
    int n = epoll_wait(ep, events, 256, -1);
    if (n < 0 && errno != EINTR) return 1;
    for (int i = 0; i < n; i++) {
      struct conn *c = events[i].data.ptr;
      if (c == NULL) {
        int fd;
        while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
          c = calloc(1, sizeof *c);
          struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
          if (c == NULL) {
            close(fd);
            continue;
          }
          c->fd = fd;
          if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) drop(c);
        }
      } else if (c->out != NULL) {
        on_writable(c);
      } else {
        on_readable(c);
      }
    }
  }
}
