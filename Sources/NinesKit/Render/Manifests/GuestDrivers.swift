/// How a guest gets the drivers for its virtio disk and NIC: Windows has none in the box
/// (virtio-win: the ISO attached to its domain, or installed by virt-v2v when the VM is
/// converted); Linux and the BSDs carry them in the kernel.
struct GuestDrivers {
    /// True for a Windows guest, which needs the virtio-win drivers.
    var needsVirtioWin: Bool

    init(os: String) { needsVirtioWin = Self.isWindows(os) }

    static func isWindows(_ os: String) -> Bool { os.lowercased().contains("windows") }

    /// One line for pair.yaml.
    var summary: String {
        needsVirtioWin
            ? "virtio disk and NIC: virtio-win drivers (viostor, NetKVM), installed by virt-v2v when converted, else from the virtio-win ISO the domain attaches"
            : "virtio disk and NIC: drivers in the guest's kernel"
    }
}
