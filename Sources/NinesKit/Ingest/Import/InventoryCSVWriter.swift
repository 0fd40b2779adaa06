/// Writes workloads as the native inventory CSV (RFC 4180, formula-like cells neutralised);
/// `disks_gib` lists the disks of a VM that has more than one, `used_gib` the space used in its
/// guest when known (RVTools vPartition).
public enum InventoryCSVWriter {
    public static func csv(_ workloads: [Workload]) -> String {
        var lines = [(InventoryCSVReader.requiredColumns + ["tier", "disks_gib", "used_gib"]).joined(separator: ",")]
        for vm in workloads {
            let fields = [
                vm.name, vm.application == vm.name ? "" : vm.application, String(vm.vcpus), Number.plain(vm.memoryGiB, maxFraction: 3),
                Number.plain(vm.diskGiB, maxFraction: 3), vm.os, vm.site, vm.poweredOn ? "poweredOn" : "poweredOff",
                vm.pinnedTier?.description ?? "",
                vm.disksGiB.count > 1 ? vm.disksGiB.map { Number.plain($0, maxFraction: 3) }.joined(separator: ";") : "",
                vm.usedGiB.map { Number.plain($0, maxFraction: 3) } ?? "",
            ]
            lines.append(fields.map(Escape.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
