/// Compiles the lexicon and gazetteer into the one phrase table the parser
/// scans with, normalising every phrase exactly like message text.
struct CueTableBuilder {
    let normalizer: TextNormalizer

    func build(_ lx: Lexicon, index: GazetteerIndex, gazetteer: Gazetteer) -> PhraseTable<Cue> {
        var t = PhraseTable<Cue>()
        var seen = Set<String>()
        func add(_ words: [String], _ kind: CueKind, _ value: Int = 0) {
            for w in words {
                let s = normalizer.normalizePhrase(w)
                // a word listed twice in one list must not count twice
                let key = "\(kind.rawValue):\(value):" + String(String.UnicodeScalarView(s))
                if !s.isEmpty && seen.insert(key).inserted { t.add(s, Cue(kind: kind, value: value)) }
            }
        }
        let c = lx.commands
        add(c.claimStrong, .claimStrong)
        add(c.claimWeak, .claimWeak)
        add(c.claimSelf, .claimSelf)
        add(c.claimBeforeRef, .claimBeforeRef)
        add(c.release, .release)
        add(c.complete, .complete)
        add(c.completeSuffixes, .completeSuffix)
        add(c.futureMarkers, .futureMarker)
        add(c.verify, .verify)
        add(c.verifyReject, .verifyReject)
        add(c.verifyRequest, .verifyRequest)
        add(c.escalate, .escalate)
        add(c.escalationTargets, .escalationTarget)
        if let office = gazetteer.community.streetOffice { add([office], .escalationTarget) }
        add(c.chase, .chase)
        add(c.closeOut, .closeOut)
        add(c.departmentAnswer, .departmentAnswer)
        add(c.register, .register)
        add(c.registerNoise, .registerNoise)
        add(c.organisationSuffixes, .organisationSuffix)
        add(c.deictics, .deictic)
        add(c.negations, .negation)
        add(c.publishWishes, .publishWishes)
        add(c.adopt, .adopt)
        add(c.exchange, .exchange)
        add(c.donate, .donate)

        let q = lx.queries
        add(q.points, .points)
        add(q.pointsShort, .pointsShort)
        add(q.leaderboard, .leaderboard)
        add(q.reportsBoard, .reportsBoard)
        add(q.serviceBoard, .serviceBoard)
        add(q.todo, .todo)
        add(q.itemStatus, .itemStatus)
        add(q.itemStatusWithRef, .itemStatusWithRef)
        add(q.help, .help)
        add(q.helpShort, .helpShort)
        add(q.weekReport, .weekReport)
        add(q.yearlyDuty, .yearlyDuty)
        add(q.questionMarkers, .questionMarker)
        add(q.ownReport, .ownReport)

        add(lx.wish.tags, .wishTag)
        add(lx.wish.beneficiaries, .beneficiary)
        add(lx.wish.requests, .wishRequest)
        add(lx.wish.homeMarkers, .homeMarker)

        add(lx.suggestion.cues, .suggestionCue)
        add(lx.suggestion.modals, .modal)
        add(lx.suggestion.proposalVerbs, .proposalVerb)
        add(lx.suggestion.wishfulEndings, .wishfulEnding)
        add(lx.suggestion.hypotheticals, .hypothetical)

        let chat = lx.chitchat
        add(chat.solved, .solved)
        add(chat.relapse, .relapse)
        add(chat.confirm, .confirm)
        add(chat.thanks, .thanks)
        add(chat.notices, .notice)
        add(chat.personal, .personal)
        add(chat.meToo, .meToo)
        add(chat.reopen, .reopen)

        for (word, weight) in lx.report.faultCues { add([word], .fault, weight) }
        add(lx.report.photoPointers, .photoPointer)

        for (name, words) in lx.categories.keywords {
            guard let category = Category(rawValue: name) else { continue }
            for (word, weight) in words {
                add([word], .category, CategoryClassifier.encode(category: category, weight: weight))
            }
        }
        add(lx.categories.neutral, .neutral)
        add(lx.categories.secondProblemMarkers, .secondProblem)
        for (i, rule) in lx.categories.overrides.enumerated() { add(rule.any, .categoryOverride, i) }

        let p = lx.place
        add(p.estateSuffixes, .estateSuffix)
        add(p.notEstateNames, .notEstateName)
        add(p.positionWords, .positionWord)
        add(p.gateWords, .gateWord)
        add(p.spotWords, .spotWord)
        add(p.buildingMarkers, .buildingMarker)
        add(p.unitMarkers, .unitMarker)
        add(p.roomMarkers, .roomMarker)

        let r = lx.itemRefs
        add(r.prefixes, .refPrefix)
        add(r.ordinals, .refOrdinal)
        add(r.suffixes, .refSuffix)
        add(r.blockersAfter, .refBlockerAfter)
        add(r.blockersBefore, .refBlockerBefore)

        for (i, e) in index.estates.enumerated() {
            add([e.name], .estate, i)
            add(e.gates, .gateWord)
        }
        var e = 0
        for grid in gazetteer.grids {
            for estate in grid.estates {
                add(estate.aliases, .estate, e)
                e += 1
            }
        }
        for (variant, canonical) in p.estateVariants {
            if let i = index.estateIndex(named: canonical) { add([variant], .estate, i) }
        }
        for (i, l) in gazetteer.landmarks.enumerated() { add([l.name] + l.aliases, .landmark, i) }
        for (i, s) in gazetteer.streets.enumerated() { add([s.name], .street, i) }
        add([gazetteer.community.name] + gazetteer.community.aliases, .community)
        if let office = gazetteer.community.streetOffice { add([office], .community) }
        return t
    }
}
