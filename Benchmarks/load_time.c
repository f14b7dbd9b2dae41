/* Time to load libParley.so and open a default engine. Build: cc -O2 Benchmarks/load_time.c -o load_time -ldl
 * Run: ./load_time .build/release/libParley.so */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>
int main(int argc, char **argv) {
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    void *h = dlopen(argv[1], RTLD_NOW);
    if (!h) { puts(dlerror()); return 1; }
    int (*open)(const char *, void **) = (int (*)(const char *, void **))dlsym(h, "parley_engine_open");
    clock_gettime(CLOCK_MONOTONIC, &b);
    void *e; int s = open(NULL, &e);
    struct timespec c; clock_gettime(CLOCK_MONOTONIC, &c);
    printf("dlopen %.2f ms, engine_open %.2f ms (status %d)\n", (b.tv_sec-a.tv_sec)*1e3+(b.tv_nsec-a.tv_nsec)/1e6, (c.tv_sec-b.tv_sec)*1e3+(c.tv_nsec-b.tv_nsec)/1e6, s);
    return 0;
}
