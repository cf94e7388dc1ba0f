import TaskBoard

/// Every kind of change to the set-up the audit log records; `labels.yaml`'s `audit:` words each one.
enum AuditAction: String, CaseIterable, Sendable {
    case estateAdd = "estate.add"
    case estateEdit = "estate.edit"
    case estateRemove = "estate.remove"
    case landmarkAdd = "landmark.add"
    case landmarkEdit = "landmark.edit"
    case landmarkRemove = "landmark.remove"
    case gridAdd = "grid.add"
    case gridEdit = "grid.edit"
    case gridRemove = "grid.remove"
    case rolePromote = "role.promote"
    case roleDemote = "role.demote"
    case memberDeactivate = "member.deactivate"
    case memberReactivate = "member.reactivate"
    case groupName = "group.name"
    case groupEdit = "group.edit"
    case groupRemove = "group.remove"
    case accountCreate = "account.create"
    case accountReset = "account.reset"
    case accountDisable = "account.disable"
    case accountEnable = "account.enable"
    case accountPassword = "account.password"
    case settingsPoints = "settings.points"
    case settingsCatalog = "settings.catalog"
    case settingsDeadlines = "settings.deadlines"
    case settingsDepartments = "settings.departments"
    case settingsSchedule = "settings.schedule"
    case settingsReset = "settings.reset"
    case setupImport = "setup.import"
}

extension SetupChange {
    init(_ action: AuditAction, subject: String, detail: String = "") {
        self.init(action: action.rawValue, subject: subject, detail: detail)
    }
}
