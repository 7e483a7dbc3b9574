/* Event generator for bench/runtime: COUNT openat() calls of /etc/hostname at RATE per second
 * (0 = as fast as possible), paced in batches; prints the number it made. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  long count = argc > 1 ? atol(argv[1]) : 1000;
  double rate = argc > 2 ? atof(argv[2]) : 0;
  double start = now();
  long made = 0;
  while (made < count) {
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd >= 0) close(fd);
    made++;
    if (rate > 0 && made % 50 == 0) {
      double due = start + made / rate;
      while (now() < due) usleep(200);
    }
  }
  printf("%ld %.3f\n", made, now() - start);
  return 0;
}
