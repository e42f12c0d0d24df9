/*
** power_cut_vfs.c: a SQLite VFS that loses power, for plenum's power-loss tests.
**
** It wraps the default VFS ("unix") and models the disk as the files of the real
** file system plus a disk cache in memory:
**
** - xWrite and xTruncate change an image of the file held in memory (every read
**   sees it, from every handle of the process) and join a list of operations
**   that are not yet durable, in the order they were made.
** - xSync writes the pending operations of that one file through to the real
**   file and syncs it; only then are they durable.
** - Every write, truncate and sync is counted: all of them, the syncs alone, and
**   those of the main database file alone (in WAL mode, only checkpoints write
**   it). Just before the operation so numbered `cut_at`, power is lost: the
**   pending operations of every file are dropped (or, when tearing, each 512-byte
**   piece of each pending write is written, lost or replaced by garbage, and each
**   pending truncate done or not, at random from a seed), and the process ends at
**   once with status 86, leaving whatever the next "boot" finds on the real files.
**
** Tearing only ever changes bytes that a pending write was writing, so the shim
** keeps the promise of the device characteristics it passes on from "unix"
** (SQLITE_IOCAP_POWERSAFE_OVERWRITE, and no ATOMIC flag: a write may land in part).
** Pieces of different writes land in any order, as a disk cache may reorder them.
**
** Not modelled: directory entries (a created or deleted file is so at once), and
** the -shm file, which is shared memory that SQLite rebuilds from the WAL when the
** first connection opens the database after a crash. Temporary files pass straight
** through. One process is assumed to own the files while the VFS is in use.
**
** With `flushes_lie`, xSync returns success and makes nothing durable: a disk that
** ignores flushes, or SQLite with synchronous=OFF (which never calls xSync). The
** tests use it to show that they catch lost acknowledged data.
**
** The only entry points are plenum_power_cut_register and
** plenum_power_cut_operations (see src/vfs.rs). Only the test-only crate
** plenum-crash builds this file.
*/
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sqlite3.h"

/* The exit status of a process whose power was cut (src/lib.rs names it too). */
#define POWER_CUT_EXIT 86
/* The unit in which a pending write may be torn. */
#define TEAR_SIZE 512
/* The name the VFS is registered under (src/lib.rs names it too). */
#define VFS_NAME "plenum-power-cut"

typedef struct Node Node;
typedef struct Pending Pending;
typedef struct CutFile CutFile;

/* One file of the disk, shared by all its handles; kept until the process ends. */
struct Node {
  char *path;
  unsigned char *image;   /* what reads see: the durable bytes plus pending changes */
  sqlite3_int64 size;     /* bytes of image in the file */
  sqlite3_int64 capacity; /* bytes allocated at image */
  int exists;             /* cleared by xDelete */
  int is_database;        /* a main database file (not a journal or WAL) */
  Node *next;
};

/* A write or truncate not yet made durable by a sync of its file. */
struct Pending {
  Node *node;
  sqlite3_int64 offset; /* where the write starts, or the size truncated to */
  int amount;           /* bytes written; -1 for a truncate */
  unsigned char *data;  /* the bytes written (NULL for a truncate) */
  Pending *next;
};

/* A handle: ours, followed in the same allocation by the real VFS's. */
struct CutFile {
  sqlite3_file base;
  Node *node;
  sqlite3_file *real;
};

static struct {
  sqlite3_vfs vfs;
  sqlite3_vfs *real;
  pthread_mutex_t mutex;
  Node *nodes;
  Pending *first;
  Pending *last;
  sqlite3_int64 operations; /* writes, truncates and syncs so far */
  sqlite3_int64 syncs;      /* syncs so far */
  sqlite3_int64 database;   /* operations on main database files so far */
  sqlite3_int64 cut_at;     /* the operation before which power is lost; 0: never */
  int counted;              /* what cut_at counts: 0 operations, 1 syncs, 2 database's */
  sqlite3_uint64 random;    /* the tearing generator's state */
  int tear;                 /* 0: every pending operation is lost; 1: torn at random */
  int flushes_lie;          /* 1: xSync makes nothing durable */
  int registered;
} g = {.mutex = PTHREAD_MUTEX_INITIALIZER};

static const sqlite3_io_methods cut_methods;

/* SplitMix64. */
static sqlite3_uint64 next_random(void) {
  sqlite3_uint64 z = (g.random += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void say(const char *text) {
  size_t left = strlen(text);
  while (left > 0) {
    ssize_t n = write(2, text, left);
    if (n <= 0) return;
    text += n;
    left -= (size_t)n;
  }
}

/* Writes `amount` bytes at `offset` of the real file `fd`, ignoring failures: the
** process is about to end, and the test sees what landed. */
static void land(int fd, const unsigned char *bytes, sqlite3_int64 amount, sqlite3_int64 offset) {
  while (amount > 0) {
    ssize_t n = pwrite(fd, bytes, (size_t)amount, (off_t)offset);
    if (n <= 0) return;
    bytes += n;
    amount -= n;
    offset += n;
  }
}

/* Loses power: decides what of the pending operations reached the disk, then ends
** the process without running any exit handler. `what` and `node` name the
** operation that was about to run. */
static void power_cut(const char *what, const Node *node) {
  char line[1024];
  long long pending = 0, landed = 0, lost = 0, garbage = 0;
  for (Pending *p = g.first; p; p = p->next) pending++;
  for (Pending *p = g.first; g.tear && p; p = p->next) {
    int fd = open(p->node->path, O_WRONLY);
    if (fd < 0) continue;
    if (p->amount < 0) {
      if (next_random() & 1) {
        if (ftruncate(fd, (off_t)p->offset) != 0) { /* the truncate did not land */ }
      }
    } else {
      sqlite3_int64 at = p->offset, end = p->offset + p->amount;
      while (at < end) {
        sqlite3_int64 stop = (at / TEAR_SIZE + 1) * TEAR_SIZE;
        if (stop > end) stop = end;
        switch (next_random() % 8) {
          case 0: case 1: case 2: case 3: /* written */
            land(fd, p->data + (at - p->offset), stop - at, at);
            landed++;
            break;
          case 7: { /* garbage */
            unsigned char bytes[TEAR_SIZE];
            for (int i = 0; i < TEAR_SIZE; i++) bytes[i] = (unsigned char)next_random();
            land(fd, bytes, stop - at, at);
            garbage++;
            break;
          }
          default: /* lost */
            lost++;
            break;
        }
        at = stop;
      }
    }
    close(fd);
  }
  snprintf(line, sizeof line,
           "power cut: operation %lld (sync %lld, database %lld), a %s of %s; %lld changes pending: "
           "%lld pieces landed, %lld lost, %lld garbage\n",
           (long long)g.operations, (long long)g.syncs, (long long)g.database, what, node->path,
           pending, landed,
           lost, garbage);
  say(line);
  _exit(POWER_CUT_EXIT);
}

/* Counts an operation on `node`; loses power instead if its number has come. */
static void tick(const char *what, const Node *node, int is_sync) {
  g.operations++;
  g.syncs += is_sync;
  g.database += node->is_database;
  sqlite3_int64 count = g.counted == 0   ? g.operations
                        : g.counted == 1 ? (is_sync ? g.syncs : 0)
                                         : (node->is_database ? g.database : 0);
  if (g.cut_at > 0 && count >= g.cut_at) power_cut(what, node);
}

/* Makes room for `size` bytes of image; bytes past the old size read as zeros. */
static int resize(Node *node, sqlite3_int64 size) {
  if (size > node->capacity) {
    sqlite3_int64 capacity = node->capacity > 0 ? node->capacity : 65536;
    while (capacity < size) capacity *= 2;
    unsigned char *image = realloc(node->image, (size_t)capacity);
    if (image == NULL) return SQLITE_NOMEM;
    node->image = image;
    node->capacity = capacity;
  }
  if (size > node->size) memset(node->image + node->size, 0, (size_t)(size - node->size));
  node->size = size;
  return SQLITE_OK;
}

static Node *find(const char *path) {
  for (Node *node = g.nodes; node; node = node->next) {
    if (strcmp(node->path, path) == 0) return node;
  }
  return NULL;
}

static void append(Pending *p) {
  p->next = NULL;
  if (g.last) g.last->next = p; else g.first = p;
  g.last = p;
}

/* Drops (durable: 0) or writes through `real` (durable: 1) the pending
** operations of `node`, in order. */
static int settle(Node *node, sqlite3_file *real, int durable) {
  int rc = SQLITE_OK;
  Pending **link = &g.first;
  g.last = NULL;
  while (*link) {
    Pending *p = *link;
    if (p->node != node) {
      g.last = p;
      link = &p->next;
      continue;
    }
    if (durable && rc == SQLITE_OK) {
      rc = p->amount < 0 ? real->pMethods->xTruncate(real, p->offset)
                         : real->pMethods->xWrite(real, p->data, p->amount, p->offset);
    }
    *link = p->next;
    free(p->data);
    free(p);
  }
  return rc;
}

/* Loads a node's image from the real file. */
static int load(Node *node, sqlite3_file *real) {
  sqlite3_int64 size = 0;
  int rc = real->pMethods->xFileSize(real, &size);
  if (rc != SQLITE_OK) return rc;
  node->size = 0;
  rc = resize(node, size);
  for (sqlite3_int64 at = 0; rc == SQLITE_OK && at < size; at += 1 << 20) {
    sqlite3_int64 amount = size - at < (1 << 20) ? size - at : (1 << 20);
    rc = real->pMethods->xRead(real, node->image + at, (int)amount, at);
  }
  return rc;
}

/* ---- The file methods. ---- */

static int cut_close(sqlite3_file *file) {
  CutFile *p = (CutFile *)file;
  /* Closing makes nothing durable: the node keeps the pending operations. */
  return p->real->pMethods->xClose(p->real);
}

static int cut_read(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset) {
  CutFile *p = (CutFile *)file;
  int rc = SQLITE_OK;
  pthread_mutex_lock(&g.mutex);
  sqlite3_int64 have = p->node->size - offset;
  if (have < 0) have = 0;
  if (have > amount) have = amount;
  if (have > 0) memcpy(buffer, p->node->image + offset, (size_t)have);
  if (have < amount) {
    memset((unsigned char *)buffer + have, 0, (size_t)(amount - have));
    rc = SQLITE_IOERR_SHORT_READ;
  }
  pthread_mutex_unlock(&g.mutex);
  return rc;
}

static int cut_write(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset) {
  CutFile *p = (CutFile *)file;
  Node *node = p->node;
  int rc;
  pthread_mutex_lock(&g.mutex);
  tick("write", node, 0);
  Pending *pending = malloc(sizeof *pending);
  unsigned char *data = malloc(amount > 0 ? (size_t)amount : 1);
  if (pending == NULL || data == NULL) {
    free(pending);
    free(data);
    rc = SQLITE_NOMEM;
  } else {
    rc = offset + amount > node->size ? resize(node, offset + amount) : SQLITE_OK;
    if (rc == SQLITE_OK) {
      memcpy(node->image + offset, buffer, (size_t)amount);
      memcpy(data, buffer, (size_t)amount);
      pending->node = node;
      pending->offset = offset;
      pending->amount = amount;
      pending->data = data;
      append(pending);
    } else {
      free(pending);
      free(data);
    }
  }
  pthread_mutex_unlock(&g.mutex);
  return rc;
}

static int cut_truncate(sqlite3_file *file, sqlite3_int64 size) {
  CutFile *p = (CutFile *)file;
  Node *node = p->node;
  int rc;
  pthread_mutex_lock(&g.mutex);
  tick("truncate", node, 0);
  Pending *pending = malloc(sizeof *pending);
  if (pending == NULL) {
    rc = SQLITE_NOMEM;
  } else {
    rc = resize(node, size);
    if (rc == SQLITE_OK) {
      node->size = size;
      pending->node = node;
      pending->offset = size;
      pending->amount = -1;
      pending->data = NULL;
      append(pending);
    } else {
      free(pending);
    }
  }
  pthread_mutex_unlock(&g.mutex);
  return rc;
}

static int cut_sync(sqlite3_file *file, int flags) {
  CutFile *p = (CutFile *)file;
  int rc = SQLITE_OK;
  pthread_mutex_lock(&g.mutex);
  tick("sync", p->node, 1);
  if (!g.flushes_lie) {
    rc = settle(p->node, p->real, 1);
    if (rc == SQLITE_OK) rc = p->real->pMethods->xSync(p->real, flags);
  }
  pthread_mutex_unlock(&g.mutex);
  return rc;
}

static int cut_file_size(sqlite3_file *file, sqlite3_int64 *size) {
  CutFile *p = (CutFile *)file;
  pthread_mutex_lock(&g.mutex);
  *size = p->node->size;
  pthread_mutex_unlock(&g.mutex);
  return SQLITE_OK;
}

static int cut_lock(sqlite3_file *file, int level) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xLock(p->real, level);
}

static int cut_unlock(sqlite3_file *file, int level) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xUnlock(p->real, level);
}

static int cut_check_reserved_lock(sqlite3_file *file, int *out) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xCheckReservedLock(p->real, out);
}

static int cut_file_control(sqlite3_file *file, int op, void *arg) {
  CutFile *p = (CutFile *)file;
  switch (op) {
    case SQLITE_FCNTL_SIZE_HINT:
    case SQLITE_FCNTL_CHUNK_SIZE:
      /* Hints that would grow the real file behind the image's back. */
      return SQLITE_OK;
    case SQLITE_FCNTL_MMAP_SIZE:
      /* Reads must go through the image, never a map of the real file. */
      return SQLITE_NOTFOUND;
    default:
      return p->real->pMethods->xFileControl(p->real, op, arg);
  }
}

static int cut_sector_size(sqlite3_file *file) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xSectorSize(p->real);
}

static int cut_device_characteristics(sqlite3_file *file) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xDeviceCharacteristics(p->real);
}

static int cut_shm_map(sqlite3_file *file, int page, int size, int extend, void volatile **out) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xShmMap(p->real, page, size, extend, out);
}

static int cut_shm_lock(sqlite3_file *file, int offset, int n, int flags) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xShmLock(p->real, offset, n, flags);
}

static void cut_shm_barrier(sqlite3_file *file) {
  CutFile *p = (CutFile *)file;
  p->real->pMethods->xShmBarrier(p->real);
}

static int cut_shm_unmap(sqlite3_file *file, int delete_flag) {
  CutFile *p = (CutFile *)file;
  return p->real->pMethods->xShmUnmap(p->real, delete_flag);
}

/* Version 2: no xFetch, so SQLite never maps the real file past the image. */
static const sqlite3_io_methods cut_methods = {
    2,
    cut_close, cut_read, cut_write, cut_truncate, cut_sync, cut_file_size,
    cut_lock, cut_unlock, cut_check_reserved_lock, cut_file_control,
    cut_sector_size, cut_device_characteristics,
    cut_shm_map, cut_shm_lock, cut_shm_barrier, cut_shm_unmap,
    NULL, NULL,
};

/* ---- The VFS methods. ---- */

static int cut_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags,
                    int *out_flags) {
  const int durable_kinds = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL |
                            SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL;
  if (name == NULL || (flags & durable_kinds) == 0 || (flags & SQLITE_OPEN_DELETEONCLOSE)) {
    /* A temporary file: the real VFS's handle, in place, with its own methods. */
    return g.real->xOpen(g.real, name, file, flags, out_flags);
  }
  CutFile *p = (CutFile *)file;
  p->base.pMethods = NULL;
  p->real = (sqlite3_file *)&p[1];
  int rc = g.real->xOpen(g.real, name, p->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (p->real->pMethods) p->real->pMethods->xClose(p->real);
    return rc;
  }
  pthread_mutex_lock(&g.mutex);
  Node *node = find(name);
  if (node == NULL || !node->exists) {
    if (node == NULL) {
      node = calloc(1, sizeof *node);
      char *path = node ? strdup(name) : NULL;
      if (path == NULL) {
        free(node);
        rc = SQLITE_NOMEM;
      } else {
        node->path = path;
        node->next = g.nodes;
        g.nodes = node;
      }
    }
    if (rc == SQLITE_OK) {
      node->exists = 1;
      node->is_database = (flags & SQLITE_OPEN_MAIN_DB) != 0;
      rc = load(node, p->real);
    }
  }
  pthread_mutex_unlock(&g.mutex);
  if (rc != SQLITE_OK) {
    p->real->pMethods->xClose(p->real);
    return rc;
  }
  p->node = node;
  p->base.pMethods = &cut_methods;
  return SQLITE_OK;
}

static int cut_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
  pthread_mutex_lock(&g.mutex);
  Node *node = find(name);
  if (node) {
    /* A deleted file's pending writes go with it; the deletion is durable at once. */
    settle(node, NULL, 0);
    node->exists = 0;
    node->size = 0;
  }
  pthread_mutex_unlock(&g.mutex);
  return g.real->xDelete(g.real, name, sync_dir);
}

static int cut_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
  if (flags == SQLITE_ACCESS_EXISTS) {
    pthread_mutex_lock(&g.mutex);
    Node *node = find(name);
    if (node && node->exists) {
      /* As "unix" answers: a regular file exists if it is not empty. */
      *out = node->size > 0;
      pthread_mutex_unlock(&g.mutex);
      return SQLITE_OK;
    }
    pthread_mutex_unlock(&g.mutex);
  }
  return g.real->xAccess(g.real, name, flags, out);
}

static int cut_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out) {
  return g.real->xFullPathname(g.real, name, n, out);
}

static void *cut_dl_open(sqlite3_vfs *vfs, const char *name) {
  return g.real->xDlOpen(g.real, name);
}

static void cut_dl_error(sqlite3_vfs *vfs, int n, char *out) {
  g.real->xDlError(g.real, n, out);
}

static void (*cut_dl_sym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
  return g.real->xDlSym(g.real, library, symbol);
}

static void cut_dl_close(sqlite3_vfs *vfs, void *library) {
  g.real->xDlClose(g.real, library);
}

static int cut_randomness(sqlite3_vfs *vfs, int n, char *out) {
  return g.real->xRandomness(g.real, n, out);
}

static int cut_sleep(sqlite3_vfs *vfs, int microseconds) {
  return g.real->xSleep(g.real, microseconds);
}

static int cut_current_time(sqlite3_vfs *vfs, double *out) {
  return g.real->xCurrentTime(g.real, out);
}

static int cut_get_last_error(sqlite3_vfs *vfs, int n, char *out) {
  return g.real->xGetLastError(g.real, n, out);
}

static int cut_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
  return g.real->xCurrentTimeInt64(g.real, out);
}

/* Registers the VFS (not as the default), wrapping the default one, once per
** process. `cut_at`: the operation before which power is lost (0: never),
** counting all of them (`counted` 0), syncs (1) or the database file's (2);
** `seed`: the tearing generator's seed; `tear`: 1 to tear pending writes at the
** cut, 0 to lose them all; `flushes_lie`: 1 to make xSync a no-op. */
int plenum_power_cut_register(sqlite3_int64 cut_at, int counted, sqlite3_uint64 seed,
                              int tear, int flushes_lie) {
  pthread_mutex_lock(&g.mutex);
  if (g.registered) {
    pthread_mutex_unlock(&g.mutex);
    return SQLITE_MISUSE;
  }
  sqlite3_vfs *real = sqlite3_vfs_find(NULL);
  if (real == NULL) {
    pthread_mutex_unlock(&g.mutex);
    return SQLITE_ERROR;
  }
  g.real = real;
  g.cut_at = cut_at;
  g.counted = counted;
  g.random = seed;
  g.tear = tear;
  g.flushes_lie = flushes_lie;
  g.vfs.iVersion = 2;
  g.vfs.szOsFile = (int)sizeof(CutFile) + real->szOsFile;
  g.vfs.mxPathname = real->mxPathname;
  g.vfs.zName = VFS_NAME;
  g.vfs.xOpen = cut_open;
  g.vfs.xDelete = cut_delete;
  g.vfs.xAccess = cut_access;
  g.vfs.xFullPathname = cut_full_pathname;
  g.vfs.xDlOpen = cut_dl_open;
  g.vfs.xDlError = cut_dl_error;
  g.vfs.xDlSym = cut_dl_sym;
  g.vfs.xDlClose = cut_dl_close;
  g.vfs.xRandomness = cut_randomness;
  g.vfs.xSleep = cut_sleep;
  g.vfs.xCurrentTime = cut_current_time;
  g.vfs.xGetLastError = cut_get_last_error;
  g.vfs.xCurrentTimeInt64 = cut_current_time_int64;
  int rc = sqlite3_vfs_register(&g.vfs, 0);
  if (rc == SQLITE_OK) g.registered = 1;
  pthread_mutex_unlock(&g.mutex);
  return rc;
}

/* The writes, truncates and syncs counted so far. */
sqlite3_int64 plenum_power_cut_operations(void) {
  pthread_mutex_lock(&g.mutex);
  sqlite3_int64 n = g.operations;
  pthread_mutex_unlock(&g.mutex);
  return n;
}
