/*
 * syscall_cost - what one trivial system call (getppid) costs this machine,
 * split as the kernel accounts it: user and system ns per call. With page
 * table isolation and no PCID (a Meltdown mitigation some VMs use), a good
 * part of each call's cost is charged as user time, so a server's user-space
 * CPU per request follows its system calls per request as much as its own
 * instructions. bench/run records the figure beside the results.
 *
 *   syscall_cost [CALLS]   (2,000,000)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  long calls = argc > 1 ? atol(argv[1]) : 2000000;
  if (calls <= 0) {
    fprintf(stderr, "usage: syscall_cost [CALLS]\n");
    return 2;
  }
  for (long i = 0; i < calls; ++i) syscall(SYS_getppid);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double user_us = ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec;
  double sys_us = ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec;
  printf("syscall_user_ns=%.0f syscall_sys_ns=%.0f calls=%ld\n", user_us * 1000 / calls,
         sys_us * 1000 / calls, calls);
  return 0;
}
