#include "CFileShim.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int interrupt_write_fd = -1;

/* Async-signal-safe: only write(2) on a pipe made before the handler was installed. */
static void on_interrupt(int signal_number) {
    int saved = errno;
    unsigned char byte = (unsigned char)signal_number;
    if (write(interrupt_write_fd, &byte, 1) < 0) { /* nothing more can be done here */ }
    errno = saved;
}

int cx_interrupt_pipe(void) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    interrupt_write_fd = fds[1];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return fds[0];
}
