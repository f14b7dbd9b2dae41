#ifndef PARLEY_FORK_SAFETY_H
#define PARLEY_FORK_SAFETY_H

/* 1 when a child forked from this process gets its Swift runtime lock owner fixed
 * (the runtime is linked into this image), else 0. */
int fork_safety_active(void);

#endif
