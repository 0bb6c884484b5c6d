/*
 * The C side of the lookup comparison: random lookups with tinycdb's cdb_find in a database
 * of keys key-%010d (i from 0), as LookupBenchmark does in Java. Prints the average time per
 * lookup in ns, the median of a few rounds.
 *
 *   lookup FILE RECORDS hit|miss [LOOKUPS]
 */
#include <cdb.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SAMPLE (1 << 20)
#define ROUNDS 7

static uint64_t state = 42;
static uint64_t next_random(void) {
  state ^= state << 13; state ^= state >> 7; state ^= state << 17;
  return state;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: lookup FILE RECORDS hit|miss [LOOKUPS]\n"); return 100; }
  long records = atol(argv[2]);
  int hit = strcmp(argv[3], "hit") == 0;
  long lookups = argc > 4 ? atol(argv[4]) : 5000000;
  int fd = open(argv[1], O_RDONLY);
  struct cdb c;
  if (fd < 0 || cdb_init(&c, fd) != 0) { perror(argv[1]); return 111; }
  static char keys[SAMPLE][16];
  for (int i = 0; i < SAMPLE; i++) {
    long n = (long) (next_random() % (uint64_t) records) + (hit ? 0 : records);
    snprintf(keys[i], sizeof keys[i], "key-%010ld", n);
  }
  unsigned long found = 0, touched = 0;
  double rounds[ROUNDS];
  for (int r = -2; r < ROUNDS; r++) {           /* two warm-up rounds */
    double start = now_ns();
    for (long i = 0; i < lookups; i++) {
      if (cdb_find(&c, keys[i & (SAMPLE - 1)], 14) > 0) {
        found++;
        touched += *(const unsigned char *) cdb_getdata(&c);  /* the value, as a pointer into the map */
      }
    }
    if (r >= 0) rounds[r] = (now_ns() - start) / lookups;
  }
  qsort(rounds, ROUNDS, sizeof rounds[0], compare);
  if (hit && found != (unsigned long) lookups * (ROUNDS + 2)) { fprintf(stderr, "lookup: missed keys\n"); return 111; }
  if (!hit && found) { fprintf(stderr, "lookup: found absent keys\n"); return 111; }
  printf("%.1f\n", rounds[ROUNDS / 2]);
  fprintf(stderr, "(%lu)\n", touched & 1);
  return 0;
}
