#ifndef CFILESHIM_H
#define CFILESHIM_H

/*
 * Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE), so an output folder is
 * replaced in one step: at every instant either the old or the new folder is in place, even
 * if the process is killed. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file
 * system or kernel cannot exchange; the caller then falls back to two renames).
 */
int cx_exchange(const char *a, const char *b);

/*
 * Installs handlers for SIGINT, SIGTERM and SIGHUP that only write the signal's number (one
 * byte) to a pipe, and returns the pipe's read end (or -1). A thread reading it does the
 * cleanup that a signal handler may not (removing folders), then ends the process. Written in
 * C because a Swift closure is not async-signal-safe.
 */
int cx_interrupt_pipe(void);

#endif
