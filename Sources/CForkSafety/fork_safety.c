#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include "fork_safety.h"

/* The Swift runtime's one-time-initialisation lock (swift::threading_impl::linux::ulock, taken
 * by every lazy global's first use) names its owner by a thread id that each thread caches on
 * first use. A child forked without exec inherits the forking thread's cached id, a thread of
 * the parent: the child's locks then name a thread of another process, the kernel's
 * priority-inheritance futex can never hand them over, and two threads of the child spin on
 * one lazy global forever (an outside host: 5 of 9 forked children hung). After a fork the
 * child forgets the cached id, so the runtime asks the kernel again.
 *
 * The variable is reachable only where the runtime is linked into this image (-static-stdlib,
 * as libParley.so ships; the symbol check in Tests/abi makes sure it is still there); with a
 * shared libswiftCore (debug builds) it is hidden in that library and left alone. */
extern __thread int swift_cached_thread_id
    __asm__("_ZZN5swift14threading_impl5linux13ulock_get_tidEvE3tid") __attribute__((weak));
extern void *swift_retain(void *);

static int runtime_linked_in;

static void forget_cached_thread_id(void) {
    swift_cached_thread_id = 0;
}

__attribute__((constructor)) static void install(void) {
    Dl_info runtime, self;
    if (dladdr((void *)swift_retain, &runtime) && dladdr((void *)&install, &self)
        && runtime.dli_fbase == self.dli_fbase) {
        runtime_linked_in = 1;
        pthread_atfork(NULL, NULL, forget_cached_thread_id);
    }
}

int fork_safety_active(void) {
    return runtime_linked_in;
}
