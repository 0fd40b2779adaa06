#ifndef CFILESHIM_H
#define CFILESHIM_H

/*
 * Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE), so an output folder is
 * replaced in one step: at every instant either the old or the new folder is in place, even
 * if the process is killed. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file
 * system or kernel cannot exchange; the caller then falls back to two renames).
 */
int cx_exchange(const char *a, const char *b);

#endif
