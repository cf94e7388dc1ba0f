import Foundation
import TaskBoard

extension SimSite {
    /// The page's view; names and words come from the cast and `labels.yaml`, none from here.
    func pageView(csrf: String) -> SimPageView {
        let ids = groups.map(\.id) + unconfigured.map(\.id)
        let groupViews = ids.enumerated().map { index, id in
            SimPageView.Group(id: id, title: groupTitle(id), selected: index == 0)
        }
        let personas = cast.personas.enumerated().map { index, persona in
            SimPageView.Persona(
                id: persona.id, name: persona.name, role: roleLabel(persona), senderID: persona.memberID,
                groups: persona.groups.joined(separator: " "),
                avatar: persona.name.count <= 2 ? persona.name : String(persona.name.suffix(2)), tone: "t\(index % 6)")
        }
        let photos = samples.map { SimPageView.Choice(id: $0, label: photoLabel($0)) }
        let locations = cast.locations.map { SimPageView.Choice(id: $0.id, label: $0.label) }
        let steps = cast.script.enumerated().map { index, step in
            SimPageView.Step(
                number: index + 1, persona: step.persona, personaName: cast.persona(step.persona)?.name ?? step.persona,
                group: step.group, groupTitle: groupTitle(step.group), text: step.text, photo: step.photo,
                photoLabel: step.photo.map(photoLabel), location: step.location,
                locationLabel: step.location.flatMap { cast.location($0)?.label })
        }
        var view = SimPageView(
            csrf: csrf, botName: labels.word(.simBotName), groups: groupViews, personas: personas, photos: photos,
            locations: locations, steps: steps, live: access != nil)
        if let time {
            view.hasTime = true
            view.canAdvance = time.clock != nil
            view.jobs = Job.allCases.map { SimPageView.Choice(id: $0.rawValue, label: labels.jobs[$0]) }
        }
        return view
    }

    /// 蜂巢驿站 / 在职党员群 by the group's role; the id is added when two groups share a role. A chat
    /// nobody configured shows its own title, marked as such.
    func groupTitle(_ id: String) -> String {
        guard let group = groups.first(where: { $0.id == id }) else {
            guard let chat = unconfigured.first(where: { $0.id == id }) else { return id }
            return labels.say(.simUnconfiguredGroup(title: chat.title))
        }
        let title = labels.groups[group.role]
        return groups.filter { $0.role == group.role }.count > 1 ? "\(title) \(id)" : title
    }

    /// The role the board will give the persona, worked out as for any sender.
    private func roleLabel(_ persona: SimPersona) -> String {
        guard let group = homeGroup(of: persona) else { return "" }
        return labels.role(config.identity(of: persona.memberID, existing: nil, group: group).role)
    }

    /// `sample_photos.fire-lane` for `fire-lane.jpg`, else the file name.
    private func photoLabel(_ name: String) -> String {
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return labels.samplePhotos[stem] ?? name
    }
}
