/* sandbox_policy: the system calls a parser child may not make, as one
 * table (docs/SECURITY.md, "The sandbox").  tools/sandbox_bpf.c compiles it
 * with libseccomp at build time into two BPF programs, so no process ever
 * builds a filter at run time (sandbox.c loads them):
 *
 *   child     in every parser child.  KILL rules end the child with SIGSYS
 *             (its record: parser_crashed, detail "sandbox"); REFUSE rules
 *             fail the call with an errno and let it go on.
 *   readonly  on the thread of a batch parent that loads the parsing
 *             libraries (batch.c): every rule only fails with an errno, so
 *             that a library's start-up (fontconfig's cache!) writes nothing
 *             and the parent never dies.
 *
 * KILL is for what no parser does and an exploit wants: the network, other
 * programs, other processes, writing or removing files.  REFUSE is for what
 * libraries try on their own and cope with when refused: fontconfig opens a
 * stale cache O_RDWR to lock it, asks access(W_OK) of its cache folders,
 * then tries chmod and mkdir on them; refused, it keeps the fonts it scanned
 * in memory.  An open for reading and writing refused with EACCES still
 * writes nothing.
 *
 * KILL(name), KILL_IF(name, arg, mask, value): killed (when arg & mask ==
 * value); REFUSE(name, errno), REFUSE_IF(name, errno, arg, mask, value). */
#ifndef GC_SANDBOX_POLICY_H
#define GC_SANDBOX_POLICY_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

/* Open flags that create, truncate or write: each kills on its own.  Read
 * and write without them is refused (the fontconfig lock above). */
#define GC_SANDBOX_OPEN(KILL_IF, REFUSE_IF, name, arg)                        \
    KILL_IF(name, arg, O_WRONLY, O_WRONLY)                                    \
    KILL_IF(name, arg, O_CREAT, O_CREAT)                                      \
    KILL_IF(name, arg, O_TRUNC, O_TRUNC)                                      \
    REFUSE_IF(name, EACCES, arg, O_ACCMODE | O_CREAT | O_TRUNC, O_RDWR)

#define GC_SANDBOX_RULES(KILL, KILL_IF, REFUSE, REFUSE_IF)                    \
    /* the network (B4): no socket at all */                                  \
    KILL(socket) KILL(socketpair) KILL(connect) KILL(bind) KILL(listen)       \
    KILL(accept) KILL(accept4)                                                \
    /* other programs and processes */                                        \
    KILL(execve) KILL(execveat) KILL(fork) KILL(vfork)                        \
    KILL_IF(clone, 0, CLONE_THREAD, 0)      /* a process; threads may start */ \
    REFUSE(clone3, ENOSYS)                  /* flags out of reach: glibc falls back to clone */ \
    KILL(ptrace) KILL(process_vm_readv) KILL(process_vm_writev)               \
    /* files: no writing, creating, removing or renaming (B3) */              \
    GC_SANDBOX_OPEN(KILL_IF, REFUSE_IF, open, 1)                              \
    GC_SANDBOX_OPEN(KILL_IF, REFUSE_IF, openat, 2)                            \
    REFUSE(openat2, ENOSYS)                 /* flags out of reach: glibc uses openat */ \
    KILL(creat) KILL(truncate) KILL(unlink) KILL(unlinkat) KILL(rmdir)        \
    KILL(rename) KILL(renameat) KILL(renameat2) KILL(link) KILL(linkat)       \
    KILL(symlink) KILL(symlinkat) KILL(mknod) KILL(mknodat)                   \
    KILL(chown) KILL(fchown) KILL(lchown) KILL(fchownat)                      \
    KILL(utime) KILL(utimes) KILL(utimensat) KILL(futimesat)                  \
    KILL(name_to_handle_at) KILL(open_by_handle_at)                           \
    /* library probes for a writable place, answered "no" */                 \
    REFUSE_IF(access, EACCES, 1, W_OK, W_OK)                                  \
    REFUSE_IF(faccessat, EACCES, 2, W_OK, W_OK)                               \
    REFUSE_IF(faccessat2, EACCES, 2, W_OK, W_OK)                              \
    REFUSE(mkdir, EACCES) REFUSE(mkdirat, EACCES)                             \
    REFUSE(chmod, EPERM) REFUSE(fchmod, EPERM) REFUSE(fchmodat, EPERM)        \
    /* ways around the rules above, and the kernel's larger surfaces */       \
    KILL(io_uring_setup) KILL(io_uring_enter) KILL(io_uring_register)         \
    KILL(mount) KILL(umount2) KILL(pivot_root) KILL(chroot) KILL(setns)       \
    KILL(unshare) KILL(bpf) KILL(perf_event_open) KILL(userfaultfd)           \
    KILL(keyctl) KILL(add_key) KILL(request_key)                              \
    KILL(init_module) KILL(finit_module) KILL(delete_module)                  \
    KILL(kexec_load) KILL(reboot) KILL(swapon) KILL(swapoff)

#endif
