import CFileShim
import Foundation

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Removes the run's staging folders when it is interrupted (SIGINT, SIGTERM, SIGHUP), so an
/// interrupted `nines plan` leaves nothing beside its output. The signal handler only wakes a
/// thread; the thread removes the folders and hands the signal to `then`, which ends the
/// process (the executable's choice: the library never exits).
public enum InterruptCleanup {
    /// Installs the handlers once; `then` receives the signal's number after the cleanup.
    public static func install(then: @escaping @Sendable (Int32) -> Void) {
        let fd = cx_interrupt_pipe()
        guard fd >= 0 else { return }
        Parallel.detached("nines-interrupt") {
            var byte: UInt8 = 0
            while read(fd, &byte, 1) < 0 && errno == EINTR {}
            OutputStaging.discardActive()
            then(Int32(byte))
        }
    }
}
