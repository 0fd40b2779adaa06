import Mustache

// The runbook's fields by name (see `TemplateText`): a pair's runbook repeats its VM rows, and
// 10,000 pairs render 10,000 runbooks.

extension RunbookView.VMStep: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "order": TemplateText(order)
        case "id": TemplateText(id)
        case "name": TemplateText(self.name)
        case "application": TemplateText(application)
        case "protection": TemplateText(protection)
        case "vcpus": TemplateText(vcpus)
        case "memory": TemplateText(memory)
        case "disk": TemplateText(disk)
        case "drivers": TemplateText(drivers)
        default: nil
        }
    }
}

extension RunbookView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "splitSite": splitSite
        case "storageFits": storageFits
        case "hasWindows": hasWindows
        case "vms": vms
        default: text(name).map(TemplateText.init)
        }
    }

    private func text(_ name: String) -> String? {
        switch name {
        case "pair": pair
        case "platform": platform
        case "hardware": hardware
        case "node0": node0
        case "node1": node1
        case "site0": site0
        case "site1": site1
        case "replication0": replication0
        case "replication1": replication1
        case "mtu": mtu
        case "pingPayload": pingPayload
        case "mtuSource": mtuSource
        case "linkGbps": linkGbps
        case "linkGbpsSource": linkGbpsSource
        case "linkRTT": linkRTT
        case "linkRTTSource": linkRTTSource
        case "quorumPlacement": quorumPlacement
        case "alternatePlacement": alternatePlacement
        case "quorumSource": quorumSource
        case "storage": storage
        case "storageDisks": storageDisks
        case "storageGrowth": storageGrowth
        case "storageSnapshots": storageSnapshots
        case "storageEngine": storageEngine
        case "hostDisk": hostDisk
        case "growthShare": growthShare
        case "snapshotShare": snapshotShare
        case "virtioWinISO": virtioWinISO
        default: nil
        }
    }
}
