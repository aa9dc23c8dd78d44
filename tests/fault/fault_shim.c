// An LD_PRELOAD library for the fault-injection tests (tests/fault/): it makes one chosen file
// system call of the process fail, or kills the process just before it, so each write path can
// be tested at every point where the disk may fill, fail or the power go.
//
// Configured by the environment (nothing happens unless RECEIPTS_FAULT_DIR is set):
//   RECEIPTS_FAULT_DIR    only calls on paths under this directory count (descriptors are
//                         resolved through /proc/self/fd)
//   RECEIPTS_FAULT_OPS    which calls count, comma separated: open, write, fsync, rename,
//                         unlink, mkdir; or "all" (the default)
//   RECEIPTS_FAULT_AT     the 0-based number of the counted call that fails; unset: none fails
//   RECEIPTS_FAULT_ERRNO  ENOSPC (the default) or EIO: the error that call returns
//   RECEIPTS_FAULT_KILL   "1": the call is not made, the process is sent SIGKILL instead
// When it fires it writes "receipts-fault: ..." to stderr, so a test knows the point was
// reached (a run that never reached it has gone through all the calls of its path).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { kOpen = 1, kWrite = 2, kFsync = 4, kRename = 8, kUnlink = 16, kMkdir = 32 };

static int g_ready;  // 1: configured and active, -1: inactive
static int g_ops;
static long g_at = -1;
static int g_errno = ENOSPC;
static int g_kill;
static char g_dir[4096];
static size_t g_dir_len;
static long g_count;

static void Configure(void) {
  if (g_ready != 0) return;
  const char* dir = getenv("RECEIPTS_FAULT_DIR");
  if (dir == NULL || *dir == '\0' || strlen(dir) >= sizeof g_dir) {
    g_ready = -1;
    return;
  }
  strcpy(g_dir, dir);
  g_dir_len = strlen(g_dir);
  while (g_dir_len > 1 && g_dir[g_dir_len - 1] == '/') g_dir[--g_dir_len] = '\0';
  const char* ops = getenv("RECEIPTS_FAULT_OPS");
  if (ops == NULL || *ops == '\0' || strstr(ops, "all") != NULL) {
    g_ops = kOpen | kWrite | kFsync | kRename | kUnlink | kMkdir;
  } else {
    if (strstr(ops, "open")) g_ops |= kOpen;
    if (strstr(ops, "write")) g_ops |= kWrite;
    if (strstr(ops, "fsync")) g_ops |= kFsync;
    if (strstr(ops, "rename")) g_ops |= kRename;
    if (strstr(ops, "unlink")) g_ops |= kUnlink;
    if (strstr(ops, "mkdir")) g_ops |= kMkdir;
  }
  const char* at = getenv("RECEIPTS_FAULT_AT");
  if (at != NULL && *at != '\0') g_at = strtol(at, NULL, 10);
  const char* err = getenv("RECEIPTS_FAULT_ERRNO");
  if (err != NULL && strcmp(err, "EIO") == 0) g_errno = EIO;
  const char* kill_it = getenv("RECEIPTS_FAULT_KILL");
  g_kill = kill_it != NULL && strcmp(kill_it, "1") == 0;
  g_ready = 1;
}

static int UnderDir(const char* path) {
  Configure();  // before g_dir is read: the first call may come here first
  if (g_ready != 1 || path == NULL) return 0;
  char buffer[4096];
  if (path[0] != '/') {
    if (getcwd(buffer, sizeof buffer) == NULL) return 0;
    size_t n = strlen(buffer);
    if (n + 1 + strlen(path) >= sizeof buffer) return 0;
    buffer[n] = '/';
    strcpy(buffer + n + 1, path);
    path = buffer;
  }
  return strncmp(path, g_dir, g_dir_len) == 0 &&
         (path[g_dir_len] == '/' || path[g_dir_len] == '\0');
}

static int FdUnderDir(int fd) {
  Configure();
  if (g_ready != 1) return 0;
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return 0;
  target[n] = '\0';
  return UnderDir(target);
}

// Whether this call must fail (errno set); kills the process when so configured.
static int Fires(int op, const char* what, int counted) {
  Configure();
  if (g_ready != 1 || (g_ops & op) == 0 || !counted) return 0;
  long n = __atomic_fetch_add(&g_count, 1, __ATOMIC_SEQ_CST);
  if (n != g_at) return 0;
  char line[256];
  int len = snprintf(line, sizeof line, "receipts-fault: %s call %ld: %s\n", what, n,
                     g_kill ? "SIGKILL" : (g_errno == EIO ? "EIO" : "ENOSPC"));
  if (len > 0) (void)!write(2, line, (size_t)len);
  if (g_kill) kill(getpid(), SIGKILL);
  errno = g_errno;
  return 1;
}

#define NEXT(name, type) ((type)dlsym(RTLD_NEXT, name))

static int OpenFlagsMode(int flags, va_list ap) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(ap, int) : 0;
}

#define DEFINE_OPEN(fname)                                                  \
  int fname(const char* path, int flags, ...) {                             \
    va_list ap;                                                             \
    va_start(ap, flags);                                                    \
    int mode = OpenFlagsMode(flags, ap);                                    \
    va_end(ap);                                                             \
    if (Fires(kOpen, #fname, UnderDir(path))) return -1;                    \
    return NEXT(#fname, int (*)(const char*, int, ...))(path, flags, mode); \
  }
DEFINE_OPEN(open)
DEFINE_OPEN(open64)

#define DEFINE_OPENAT(fname)                                                                \
  int fname(int dirfd, const char* path, int flags, ...) {                                  \
    va_list ap;                                                                             \
    va_start(ap, flags);                                                                    \
    int mode = OpenFlagsMode(flags, ap);                                                    \
    va_end(ap);                                                                             \
    int counted = path[0] == '/' || dirfd == AT_FDCWD ? UnderDir(path) : FdUnderDir(dirfd); \
    if (Fires(kOpen, #fname, counted)) return -1;                                           \
    return NEXT(#fname, int (*)(int, const char*, int, ...))(dirfd, path, flags, mode);     \
  }
DEFINE_OPENAT(openat)
DEFINE_OPENAT(openat64)

ssize_t write(int fd, const void* data, size_t size) {
  if (fd > 2 && Fires(kWrite, "write", FdUnderDir(fd))) return -1;
  return NEXT("write", ssize_t(*)(int, const void*, size_t))(fd, data, size);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  if (fd > 2 && Fires(kWrite, "writev", FdUnderDir(fd))) return -1;
  return NEXT("writev", ssize_t(*)(int, const struct iovec*, int))(fd, iov, count);
}

ssize_t pwrite(int fd, const void* data, size_t size, off_t at) {
  if (Fires(kWrite, "pwrite", FdUnderDir(fd))) return -1;
  return NEXT("pwrite", ssize_t(*)(int, const void*, size_t, off_t))(fd, data, size, at);
}

ssize_t pwrite64(int fd, const void* data, size_t size, off_t at) {
  if (Fires(kWrite, "pwrite64", FdUnderDir(fd))) return -1;
  return NEXT("pwrite64", ssize_t(*)(int, const void*, size_t, off_t))(fd, data, size, at);
}

int fsync(int fd) {
  if (Fires(kFsync, "fsync", FdUnderDir(fd))) return -1;
  return NEXT("fsync", int (*)(int))(fd);
}

int fdatasync(int fd) {
  if (Fires(kFsync, "fdatasync", FdUnderDir(fd))) return -1;
  return NEXT("fdatasync", int (*)(int))(fd);
}

int rename(const char* from, const char* to) {
  if (Fires(kRename, "rename", UnderDir(from) || UnderDir(to))) return -1;
  return NEXT("rename", int (*)(const char*, const char*))(from, to);
}

int renameat(int from_fd, const char* from, int to_fd, const char* to) {
  if (Fires(kRename, "renameat", UnderDir(from) || UnderDir(to))) return -1;
  return NEXT("renameat", int (*)(int, const char*, int, const char*))(from_fd, from, to_fd, to);
}

int renameat2(int from_fd, const char* from, int to_fd, const char* to, unsigned flags) {
  if (Fires(kRename, "renameat2", UnderDir(from) || UnderDir(to))) return -1;
  return NEXT("renameat2", int (*)(int, const char*, int, const char*, unsigned))(from_fd, from,
                                                                                  to_fd, to, flags);
}

int unlink(const char* path) {
  if (Fires(kUnlink, "unlink", UnderDir(path))) return -1;
  return NEXT("unlink", int (*)(const char*))(path);
}

int unlinkat(int dirfd, const char* path, int flags) {
  int counted = path[0] == '/' || dirfd == AT_FDCWD ? UnderDir(path) : FdUnderDir(dirfd);
  if (Fires(kUnlink, "unlinkat", counted)) return -1;
  return NEXT("unlinkat", int (*)(int, const char*, int))(dirfd, path, flags);
}

int rmdir(const char* path) {
  if (Fires(kUnlink, "rmdir", UnderDir(path))) return -1;
  return NEXT("rmdir", int (*)(const char*))(path);
}

int mkdir(const char* path, mode_t mode) {
  if (Fires(kMkdir, "mkdir", UnderDir(path))) return -1;
  return NEXT("mkdir", int (*)(const char*, mode_t))(path, mode);
}
