/* sandbox: what a parser child may do beyond its resource limits
 * (isolate.c), and a read-only thread for a parent's library start-up
 * (docs/SECURITY.md, "The sandbox").  Linux only; each step is skipped,
 * without error, where the kernel lacks it. */
#ifndef GC_SANDBOX_H
#define GC_SANDBOX_H

/* In a new child, after its rlimits: no new privileges, then the child
 * filter of sandbox_policy.h (no network, no other programs, no file
 * written).  Returns 0, or -1 when the kernel refused the filter. */
int gc_sandbox_child(void);

/* Moves this process, once, into a new network namespace with no
 * interface but a downed loopback, so neither it nor its children can
 * reach any network: directly as root, or in a new user namespace (uid and
 * gid mapped to themselves) where unprivileged ones are allowed.  Call
 * while single-threaded, before forking.  Returns 1 if it did. */
int gc_sandbox_no_network(void);

/* Runs fn(arg) on a new thread under the read-only filter, and waits for
 * it: nothing it calls can create, write or remove a file, or reach the
 * network; refused calls fail with an errno (EACCES, EPERM), never a kill.
 * For loading libraries in a parent: fontconfig then keeps a stale cache in
 * memory instead of rewriting it.  Standard error is /dev/null meanwhile.
 * Runs fn on this thread, unfiltered, if no thread can be started. */
void gc_sandbox_readonly(void (*fn)(void *), void *arg);

#endif
