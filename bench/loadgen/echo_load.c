/*
 * echo_load - closed-loop TCP echo load: CONNS connections to 127.0.0.1:PORT,
 * each with one SIZE-byte message in flight (send, wait for all SIZE bytes to
 * come back, send again) for SECONDS. One thread, epoll, stops by itself.
 *
 *   echo_load PORT CONNS SIZE SECONDS
 *
 * Prints one line of key=value pairs: round_trips, seconds, rt_per_s,
 * p50_us, p99_us, max_us, errors. Exit status 1 if any error was seen.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { LAT_SLOTS = 1 << 18 }; /* latency histogram, 1 us per slot, last slot = overflow */

typedef struct {
  int fd;
  size_t received; /* bytes of the current echo seen so far */
  uint64_t sent_at;
  int dead;
} Link;

static uint64_t clock_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_nsec / 1000u;
}

static uint64_t histogram[LAT_SLOTS];

static uint64_t percentile(uint64_t count, double q) {
  uint64_t rank = (uint64_t)((double)count * q), seen = 0;
  for (size_t us = 0; us < LAT_SLOTS; us++) {
    seen += histogram[us];
    if (seen > rank) return us;
  }
  return LAT_SLOTS - 1;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: echo_load PORT CONNS SIZE SECONDS\n");
    return 2;
  }
  int port = atoi(argv[1]), conns = atoi(argv[2]);
  size_t size = (size_t)atol(argv[3]);
  double seconds = atof(argv[4]);
  if (port <= 0 || conns <= 0 || size == 0 || size > 65536 || seconds <= 0) {
    fprintf(stderr, "echo_load: bad arguments\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);

  char *message = malloc(size), *scratch = malloc(65536);
  memset(message, 'e', size);
  Link *links = calloc((size_t)conns, sizeof *links);
  int poller = epoll_create1(EPOLL_CLOEXEC);
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  uint64_t errors = 0;

  for (int i = 0; i < conns; i++) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&to, sizeof to) != 0) {
      perror("echo_load: connect");
      return 1;
    }
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    links[i].fd = fd;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &links[i]};
    epoll_ctl(poller, EPOLL_CTL_ADD, fd, &ev);
  }

  /* Blocking sockets for the send: a 64-byte write into an empty socket
   * buffer never blocks, and reads only happen after epoll said so. */
  uint64_t start = clock_us(), stop = start + (uint64_t)(seconds * 1e6), trips = 0;
  int alive = conns;
  for (int i = 0; i < conns; i++) {
    links[i].sent_at = clock_us();
    if (send(links[i].fd, message, size, 0) != (ssize_t)size) { errors++; links[i].dead = 1; alive--; }
  }

  struct epoll_event ready[128];
  uint64_t now;
  while (alive > 0 && (now = clock_us()) < stop) {
    int n = epoll_wait(poller, ready, 128, (int)((stop - now) / 1000) + 1);
    if (n < 0) {
      if (errno == EINTR) continue;
      perror("echo_load: epoll_wait");
      return 1;
    }
    for (int k = 0; k < n; k++) {
      Link *l = ready[k].data.ptr;
      if (l->dead) continue;
      ssize_t got = recv(l->fd, scratch, 65536, MSG_DONTWAIT);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0) {
        errors++;
        l->dead = 1;
        alive--;
        epoll_ctl(poller, EPOLL_CTL_DEL, l->fd, NULL);
        continue;
      }
      l->received += (size_t)got;
      if (l->received < size) continue;
      if (l->received > size) errors++; /* the echo returned more than was sent */
      uint64_t t = clock_us(), lat = t - l->sent_at;
      histogram[lat < LAT_SLOTS ? lat : LAT_SLOTS - 1]++;
      trips++;
      l->received = 0;
      l->sent_at = t;
      if (send(l->fd, message, size, 0) != (ssize_t)size) { errors++; l->dead = 1; alive--; }
    }
  }
  double elapsed = (double)(clock_us() - start) / 1e6;
  printf("round_trips=%llu seconds=%.3f rt_per_s=%.0f p50_us=%llu p99_us=%llu max_us=%llu errors=%llu\n",
         (unsigned long long)trips, elapsed, (double)trips / elapsed,
         (unsigned long long)percentile(trips, 0.50), (unsigned long long)percentile(trips, 0.99),
         (unsigned long long)percentile(trips, 0.999999), (unsigned long long)errors);
  return errors ? 1 : 0;
}
