/*
 * hold_conns - open N idle TCP connections to 127.0.0.1:PORT, say so, hold
 * them until SIGTERM/SIGINT or MAX_SECONDS (it always ends by itself).
 *
 *   hold_conns PORT N MAX_SECONDS
 *
 * Prints "held K" once K connections are established (K < N if a connect
 * failed); the connections send nothing.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;
static void on_signal(int sig) { (void)sig; stopping = 1; }

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: hold_conns PORT N MAX_SECONDS\n");
    return 2;
  }
  int port = atoi(argv[1]), want = atoi(argv[2]), limit = atoi(argv[3]);
  struct sigaction sa = {.sa_handler = on_signal};
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);

  int held = 0;
  while (held < want && !stopping) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) { perror("hold_conns: socket"); break; }
    if (connect(fd, (struct sockaddr *)&to, sizeof to) != 0) { perror("hold_conns: connect"); close(fd); break; }
    held++;
  }
  printf("held %d\n", held);
  fflush(stdout);
  time_t end = time(NULL) + limit;
  while (!stopping && time(NULL) < end) sleep(1);
  return held == want ? 0 : 1;
}
